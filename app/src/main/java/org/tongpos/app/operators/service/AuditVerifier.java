package org.tongpos.app.operators.service;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.AuditHashes;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.store.AuditStore;

/**
 * Walks the audit log from its first record: seqs without gaps, each record following the hash before it, each hash
 * matching its content, and the head row naming the last record (so a cut-off tail shows too).
 */
public final class AuditVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(AuditVerifier.class);

    private final AuditStore store;

    public AuditVerifier(AuditStore store) {
        this.store = store;
    }

    /** Why a record failed, as a bundle key and its arguments. */
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

    /** How many records verified, and the first seq that did not and why (empty when all did). */
    public record Result(long verifiedRecords, OptionalLong firstBadSeq, Optional<Problem> problem) {
        public boolean ok() {
            return firstBadSeq.isEmpty();
        }
    }

    public Result verify() {
        Walker walker = new Walker();
        try {
            store.forEach(walker::accept);
        } catch (AuditStore.UnreadableRecordException e) {
            LOG.warn("{}", e.getMessage());
            walker.fail(e.seq(), Problem.of("audit.problem.unreadable"));
        }
        AuditStore.Head head = store.head();
        if (walker.badSeq < 0 && (head.seq() != walker.expectedSeq - 1 || !head.hash().equals(walker.expectedPrev))) {
            walker.fail(walker.expectedSeq, Problem.of("audit.problem.head", head.seq(), walker.expectedSeq - 1));
        }
        return walker.badSeq < 0 ? new Result(walker.verified, OptionalLong.empty(), Optional.empty())
                : new Result(walker.verified, OptionalLong.of(walker.badSeq), Optional.of(walker.problem));
    }

    private static final class Walker {
        private String expectedPrev = AuditHashes.GENESIS;
        private long expectedSeq = 1;
        private long verified;
        private long badSeq = -1;
        private Problem problem;

        void accept(AuditRecord record) {
            if (badSeq >= 0) {
                return;
            }
            if (record.seq() != expectedSeq) {
                fail(expectedSeq, Problem.of("audit.problem.gap", expectedSeq, record.seq()));
            } else if (!record.prevHash().equals(expectedPrev)) {
                fail(record.seq(), Problem.of("audit.problem.prevHash"));
            } else if (!record.entryHash().equals(record.computeHash())) {
                fail(record.seq(), Problem.of("audit.problem.entryHash"));
            } else {
                verified++;
                expectedSeq++;
                expectedPrev = record.entryHash();
            }
        }

        void fail(long seq, Problem why) {
            if (badSeq < 0) {
                badSeq = seq;
                problem = why;
            }
        }
    }
}
