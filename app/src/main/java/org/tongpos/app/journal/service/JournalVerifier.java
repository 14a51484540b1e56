package org.tongpos.app.journal.service;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.journal.store.CorruptEntryException;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.JournalEntry;

/** Recomputes the journal's hash chain from the genesis of the terminal. */
public final class JournalVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(JournalVerifier.class);

    private final JournalStore journal;

    public JournalVerifier(JournalStore journal) {
        this.journal = journal;
    }

    /** Why an entry failed, as a bundle key and its arguments, so that it is said in the reader's language. */
    public record Problem(String key, List<Object> args) {
        public Problem {
            args = List.copyOf(args);
        }

        static Problem of(String key, Object... args) {
            return new Problem(key, List.of(args));
        }

        public String text(Messages messages) {
            return messages.get(key, args.toArray());
        }
    }

    /** The outcome: how many entries verified, and the first {@code seq} that did not and why (empty when all did). */
    public record Result(long verifiedEntries, OptionalLong firstBadSeq, Optional<Problem> problem) {
        public boolean ok() {
            return firstBadSeq.isEmpty();
        }
    }

    public Result verify() {
        Walker walker = new Walker(EntryHashes.genesis(journal.terminalId()));
        try {
            journal.forEach(1, Long.MAX_VALUE, walker::accept);
        } catch (CorruptEntryException e) {
            LOG.warn("{}", e.getMessage());
            walker.fail(e.seq(), Problem.of("journal.problem.unreadable"));
        }
        return walker.result();
    }

    private static final class Walker {
        private String expectedPrev;
        private long expectedSeq = 1;
        private long verified;
        private long badSeq = -1;
        private Problem problem;

        Walker(String genesis) {
            this.expectedPrev = genesis;
        }

        void accept(JournalEntry entry) {
            if (badSeq >= 0) {
                return;
            }
            if (entry.seq() != expectedSeq) {
                fail(expectedSeq, Problem.of("journal.problem.gap", expectedSeq, entry.seq()));
            } else if (!entry.prevHash().equals(expectedPrev)) {
                fail(entry.seq(), Problem.of("journal.problem.prevHash"));
            } else if (!entry.entryHash().equals(entry.computeHash())) {
                fail(entry.seq(), Problem.of("journal.problem.entryHash"));
            } else {
                verified++;
                expectedSeq++;
                expectedPrev = entry.entryHash();
            }
        }

        void fail(long seq, Problem why) {
            if (badSeq >= 0) {
                return;
            }
            badSeq = seq;
            problem = why;
        }

        Result result() {
            return badSeq < 0 ? new Result(verified, OptionalLong.empty(), Optional.empty())
                    : new Result(verified, OptionalLong.of(badSeq), Optional.of(problem));
        }
    }
}
