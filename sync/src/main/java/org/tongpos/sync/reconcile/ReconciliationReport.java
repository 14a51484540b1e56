package org.tongpos.sync.reconcile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The summary of one reconciliation run.
 *
 * @param counts differences by category (categories with none are absent)
 */
public record ReconciliationReport(long runId, LocalDate businessDate, OffsetDateTime reconciledAt,
                                   String statementHash, StatementTrailer statement, long localTenders,
                                   long matchedCount, long matchedAmountFen, long differenceCount,
                                   Map<DifferenceCategory, Long> counts) {

    public ReconciliationReport {
        counts = Map.copyOf(counts);
    }

    /** Everything matched ({@code sync reconcile} exits 0), else there are differences (exit 4). */
    public boolean allMatched() {
        return differenceCount == 0;
    }

    public long count(DifferenceCategory category) {
        return counts.getOrDefault(category, 0L);
    }
}
