package org.tongpos.app.journal.service;

import java.util.OptionalLong;
import org.tongpos.app.journal.store.CorruptEntryException;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.JournalEntry;

/** Recomputes the journal's hash chain from the genesis of the terminal. */
public final class JournalVerifier {

    private final JournalStore journal;

    public JournalVerifier(JournalStore journal) {
        this.journal = journal;
    }

    /** The outcome: how many entries verified, and the first {@code seq} that did not (empty when all did). */
    public record Result(long verifiedEntries, OptionalLong firstBadSeq, String problem) {
        public boolean ok() {
            return firstBadSeq.isEmpty();
        }
    }

    public Result verify() {
        Walker walker = new Walker(EntryHashes.genesis(journal.terminalId()));
        try {
            journal.forEach(1, Long.MAX_VALUE, walker::accept);
        } catch (CorruptEntryException e) {
            walker.fail(e.seq(), e.getMessage());
        }
        return walker.result();
    }

    private static final class Walker {
        private String expectedPrev;
        private long expectedSeq = 1;
        private long verified;
        private long badSeq = -1;
        private String problem = "";

        Walker(String genesis) {
            this.expectedPrev = genesis;
        }

        void accept(JournalEntry entry) {
            if (badSeq >= 0) {
                return;
            }
            if (entry.seq() != expectedSeq) {
                fail(expectedSeq, "gap: expected seq " + expectedSeq + ", found " + entry.seq());
            } else if (!entry.prevHash().equals(expectedPrev)) {
                fail(entry.seq(), "prev_hash does not link to the entry before");
            } else if (!entry.entryHash().equals(entry.computeHash())) {
                fail(entry.seq(), "entry_hash does not match the entry's fields");
            } else {
                verified++;
                expectedSeq++;
                expectedPrev = entry.entryHash();
            }
        }

        void fail(long seq, String why) {
            if (badSeq >= 0) {
                return;
            }
            badSeq = seq;
            problem = why;
        }

        Result result() {
            return new Result(verified, badSeq < 0 ? OptionalLong.empty() : OptionalLong.of(badSeq), problem);
        }
    }
}
