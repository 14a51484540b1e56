package org.tongpos.app.promotions.domain;

import java.util.Arrays;

/** A growable list of {@code long} without boxing: the weights a discount is spread by. */
final class LongList {

    private long[] values = new long[8];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
