package org.tongpos.sync.feed;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The accounts replica's card UIDs in memory: card UID → the H2 row ({@code _ROWID_}) of the one account holding it,
 * so that a meal card finds its account with one primary-key read instead of a secondary-index query
 * (docs/decisions/0016-in-memory-card-index.md). It is complete, not a cache: a UID that is not here is held by no
 * account, so an unknown card costs no query at all.
 *
 * <p>Compact: a UID of 1 to 15 hex digits (4- and 7-byte cards, the usual Mifare sizes) is packed with its length into
 * one {@code long}; keys and rows live in two {@code long[]} tables (open addressing, linear probing, backward-shift
 * deletion): 16 bytes a slot, about 8 MiB for 300,000 cards. Other UIDs (longer or not hex) go to a small map. A UID
 * held by more than one account (a reissued card of a closed account) is marked {@link #SHARED}: its lookup goes to the
 * database, which orders open before closed and the latest first. Thread-safe (each method holds the monitor: a few
 * tens of nanoseconds uncontended).
 */
public final class CardIndex {

    /** No account holds the UID. */
    public static final long ABSENT = -2;
    /** More than one account holds (or held during a change) the UID: ask the database. */
    public static final long SHARED = -1;
    private static final int MIN_CAPACITY = 1 << 10;
    private static final int MAX_PACKED_DIGITS = 15;

    private long[] keys;
    private long[] rows;
    private int size;
    private final Map<String, Long> other = new HashMap<>();

    public CardIndex() {
        this(0);
    }

    /** @param expected the number of cards expected, so that the tables need not grow while they are read */
    public CardIndex(int expected) {
        int capacity = MIN_CAPACITY;
        while (capacity * 0.6 < expected) {
            capacity <<= 1;
        }
        keys = new long[capacity];
        rows = new long[capacity];
    }

    /** The row of the account holding {@code uid} (any case), or {@link #ABSENT}, or {@link #SHARED}. */
    public synchronized long lookup(String uid) {
        long key = pack(uid);
        if (key == 0) {
            return other.getOrDefault(normalize(uid), ABSENT);
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return rows[i];
            }
            if (k == 0) {
                return ABSENT;
            }
        }
    }

    /** Account row {@code row} holds {@code uid} now; a second row on the same UID makes it {@link #SHARED}. */
    public synchronized void add(String uid, long row) {
        if (uid == null || uid.isEmpty()) {
            return;
        }
        if (row < 0) {
            throw new IllegalArgumentException("a row number is not negative: " + row);
        }
        long key = pack(uid);
        if (key == 0) {
            other.merge(normalize(uid), row, (old, now) -> old.longValue() == now ? old : SHARED);
            return;
        }
        if ((size + 1) > keys.length * 0.6) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                if (rows[i] != row) {
                    rows[i] = SHARED;
                }
                return;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                rows[i] = row;
                size++;
                return;
            }
        }
    }

    /**
     * Account row {@code row} no longer holds {@code uid}. A {@link #SHARED} UID stays shared (the database decides
     * it; the index is rebuilt from the database when the replica opens again).
     */
    public synchronized void remove(String uid, long row) {
        if (uid == null || uid.isEmpty() || row < 0) {
            return;
        }
        long key = pack(uid);
        if (key == 0) {
            other.remove(normalize(uid), row);
            return;
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        if (rows[i] != row) {
            return;
        }
        // backward-shift deletion: move later entries of the run into the gap, so probing never stops early
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                keys[gap] = keys[j];
                rows[gap] = rows[j];
                gap = j;
            }
        }
        keys[gap] = 0;
        rows[gap] = 0;
        size--;
    }

    /** UIDs indexed. */
    public synchronized int size() {
        return size + other.size();
    }

    /** Bytes the tables take (the packed part; the few unpacked UIDs are not counted). */
    public synchronized long tableBytes() {
        return 16L * keys.length;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length << 1];
        rows = new long[oldKeys.length << 1];
        int mask = keys.length - 1;
        for (int o = 0; o < oldKeys.length; o++) {
            if (oldKeys[o] != 0) {
                int i = slot(oldKeys[o], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[o];
                rows[i] = oldRows[o];
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** {@code uid} as 4 bits of length and up to 60 bits of hex digits; 0 when it does not fit (never a packed key). */
    static long pack(String uid) {
        int length = uid.length();
        if (length == 0 || length > MAX_PACKED_DIGITS) {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = uid.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return 0;
            }
            value = (value << 4) | digit;
        }
        return ((long) length << 60) | value;
    }

    private static String normalize(String uid) {
        return uid.toUpperCase(Locale.ROOT);
    }
}
