package org.tongpos.sync.reconcile;

import java.util.UUID;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The non-cash tenders of one business date from the local journal, keyed by txn_id and method, in
 * flat primitive arrays (about 40 bytes a tender): a million tenders fit in a few tens of MB and the
 * statement never has to be held in memory.
 */
final class LocalTenderIndex {

    private static final float LOAD = 0.6f;

    private long[] msb;
    private long[] lsb;
    private long[] amount;
    private long[] seq;
    /** 0 = empty slot, else method ordinal + 1. */
    private byte[] method;
    private boolean[] seen;
    private int size;
    private int mask;
    private int duplicates;

    LocalTenderIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected / LOAD)) - 1) << 1;
        allocate(capacity);
    }

    /** Adds the entry's non-cash tenders, signed as on a statement (refund kinds negative). */
    void addEntry(JournalEntry entry) {
        UUID txn = UUID.fromString(entry.txnId());
        for (EntryTender tender : entry.tenders()) {
            if (tender.method() != TenderMethod.CASH) {
                long signed = entry.kind().isCredit() ? -tender.amountFen() : tender.amountFen();
                add(txn.getMostSignificantBits(), txn.getLeastSignificantBits(), tender.method().ordinal(), signed,
                        entry.seq());
            }
        }
    }

    void add(long keyMsb, long keyLsb, int methodOrdinal, long signedAmount, long entrySeq) {
        if (size + 1 > mask * LOAD) {
            rehash();
        }
        int slot = slotOf(keyMsb, keyLsb, methodOrdinal);
        if (method[slot] != 0) {
            duplicates++;
            return;
        }
        msb[slot] = keyMsb;
        lsb[slot] = keyLsb;
        method[slot] = (byte) (methodOrdinal + 1);
        amount[slot] = signedAmount;
        seq[slot] = entrySeq;
        size++;
    }

    /** The slot holding this key, or -1. */
    int find(long keyMsb, long keyLsb, int methodOrdinal) {
        int slot = slotOf(keyMsb, keyLsb, methodOrdinal);
        return method[slot] == 0 ? -1 : slot;
    }

    int size() {
        return size;
    }

    int duplicates() {
        return duplicates;
    }

    int capacity() {
        return method.length;
    }

    boolean occupied(int slot) {
        return method[slot] != 0;
    }

    long amount(int slot) {
        return amount[slot];
    }

    long seq(int slot) {
        return seq[slot];
    }

    String txnId(int slot) {
        return new UUID(msb[slot], lsb[slot]).toString();
    }

    TenderMethod method(int slot) {
        return TenderMethod.values()[method[slot] - 1];
    }

    /** Marks the slot as found on the statement; returns false when it already was (a duplicate row). */
    boolean markSeen(int slot) {
        if (seen[slot]) {
            return false;
        }
        seen[slot] = true;
        return true;
    }

    boolean seen(int slot) {
        return seen[slot];
    }

    private int slotOf(long keyMsb, long keyLsb, int methodOrdinal) {
        long h = keyMsb * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(keyLsb * 0xC2B2AE3D27D4EB4FL, 31)
                ^ (methodOrdinal + 1) * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        int slot = (int) h & mask;
        while (method[slot] != 0
                && !(msb[slot] == keyMsb && lsb[slot] == keyLsb && method[slot] == methodOrdinal + 1)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void allocate(int capacity) {
        msb = new long[capacity];
        lsb = new long[capacity];
        amount = new long[capacity];
        seq = new long[capacity];
        method = new byte[capacity];
        seen = new boolean[capacity];
        mask = capacity - 1;
    }

    private void rehash() {
        long[] oldMsb = msb;
        long[] oldLsb = lsb;
        long[] oldAmount = amount;
        long[] oldSeq = seq;
        byte[] oldMethod = method;
        allocate(oldMethod.length * 2);
        size = 0;
        for (int i = 0; i < oldMethod.length; i++) {
            if (oldMethod[i] != 0) {
                int slot = slotOf(oldMsb[i], oldLsb[i], oldMethod[i] - 1);
                msb[slot] = oldMsb[i];
                lsb[slot] = oldLsb[i];
                method[slot] = oldMethod[i];
                amount[slot] = oldAmount[i];
                seq[slot] = oldSeq[i];
                size++;
            }
        }
    }
}
