package org.tongpos.sync.reconcile;

import java.time.OffsetDateTime;

/**
 * One difference found by a reconciliation. Amounts are signed fen as on the statement (refunds negative);
 * a side that has no amount has {@code null}.
 */
public record Difference(long runId, int diffNo, DifferenceCategory category, String txnId, Long seq, String method,
                         Long localAmountFen, Long bankAmountFen, Long bankFeeFen, String bankStatus,
                         String reference, boolean investigated, String note, OffsetDateTime investigatedAt) {
}
