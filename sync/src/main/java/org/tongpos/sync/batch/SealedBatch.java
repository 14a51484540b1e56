package org.tongpos.sync.batch;

import java.util.UUID;

/** A batch as stored (without its frozen body bytes). */
public record SealedBatch(UUID batchId, long firstSeq, long lastSeq, int count, long debitTotalFen,
                          long creditTotalFen, BatchState state, String reason, int attempts, String acceptedAt) {
}
