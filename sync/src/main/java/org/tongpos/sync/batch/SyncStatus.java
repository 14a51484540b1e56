package org.tongpos.sync.batch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the sync and reconciliation screen and {@code sync status} show.
 *
 * @param lastOutcome      how the last upload round ended, empty before the first
 * @param journalLastSeq   the last seq journaled locally
 * @param bankHeldSeq      every seq up to this one is known to be held by the bank
 * @param pendingEntries   entries the bank is not yet known to hold
 * @param lastContact      the last verified answer from the bank
 * @param lastError        the last problem, cleared by a round that brings everything up to date
 * @param authProblem      the bank's answers could not be verified: the terminal key is probably wrong
 * @param quarantined      batches waiting for a person (never dropped)
 */
public record SyncStatus(Optional<RoundOutcome> lastOutcome, long journalLastSeq, long bankHeldSeq,
                         long pendingEntries, Optional<Instant> lastContact, Optional<String> lastError,
                         boolean authProblem, List<SealedBatch> quarantined) {

    public SyncStatus {
        quarantined = List.copyOf(quarantined);
    }

    /** True when the bank holds every journaled entry ({@code sync now} exits 0). */
    public boolean upToDate() {
        return pendingEntries == 0 && quarantined.isEmpty();
    }
}
