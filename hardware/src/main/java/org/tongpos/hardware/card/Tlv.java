package org.tongpos.hardware.card;

import java.util.Arrays;
import java.util.Optional;

/** Finds BER-TLV tags (EMV) in card responses, descending into constructed tags. */
final class Tlv {

    private Tlv() {
    }

    /** The value of the first {@code tag} anywhere in the data, depth first. */
    static Optional<byte[]> find(byte[] data, int tag) {
        return find(data, 0, data.length, tag, 0);
    }

    /** Every value of {@code tag}, in order (e.g. all AIDs 4F of a directory). */
    static java.util.List<byte[]> findAll(byte[] data, int tag) {
        java.util.List<byte[]> found = new java.util.ArrayList<>();
        collect(data, 0, data.length, tag, found, 0);
        return found;
    }

    private static Optional<byte[]> find(byte[] data, int from, int to, int tag, int depth) {
        java.util.List<byte[]> found = new java.util.ArrayList<>();
        collect(data, from, to, tag, found, depth);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static void collect(byte[] data, int from, int to, int wanted, java.util.List<byte[]> found, int depth) {
        if (depth > 8) {
            return;
        }
        int i = from;
        while (i < to) {
            if (data[i] == 0x00 || data[i] == (byte) 0xFF) {
                i++;
                continue;
            }
            int first = data[i] & 0xFF;
            int tag = first;
            i++;
            if ((first & 0x1F) == 0x1F) {
                do {
                    if (i >= to) {
                        return;
                    }
                    tag = (tag << 8) | (data[i] & 0xFF);
                } while ((data[i++] & 0x80) != 0);
            }
            if (i >= to) {
                return;
            }
            int length = data[i] & 0xFF;
            i++;
            if (length > 0x80) {
                int count = length & 0x7F;
                if (count > 3 || i + count > to) {
                    return;
                }
                length = 0;
                for (int k = 0; k < count; k++) {
                    length = (length << 8) | (data[i++] & 0xFF);
                }
            } else if (length == 0x80) {
                return;
            }
            if (i + length > to) {
                return;
            }
            if (tag == wanted) {
                found.add(Arrays.copyOfRange(data, i, i + length));
            }
            if ((first & 0x20) != 0) {
                collect(data, i, i + length, wanted, found, depth + 1);
            }
            i += length;
        }
    }
}
