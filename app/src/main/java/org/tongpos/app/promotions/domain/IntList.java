package org.tongpos.app.promotions.domain;

import java.util.Arrays;

/** A growable list of {@code int} without boxing: promotion ranks gathered while pricing. */
final class IntList {

    private int[] values = new int[8];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void sort() {
        Arrays.sort(values, 0, size);
    }
}
