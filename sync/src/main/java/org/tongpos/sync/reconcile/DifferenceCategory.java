package org.tongpos.sync.reconcile;

/** How a non-cash tender compares between the local journal and the bank's statement. */
public enum DifferenceCategory {
    /** In the journal, not on the statement. */
    MISSING_AT_BANK,
    /** On the statement, not in the journal for that date. */
    MISSING_LOCALLY,
    /** On both, settled, with different amounts. */
    AMOUNT_MISMATCH,
    /** The bank reversed it. */
    REVERSED_BY_BANK,
    /** The bank adjusted it; the bank's amount is on the statement. */
    ADJUSTED_BY_BANK,
    /** The statement lists the same txn_id and method more than once. */
    DUPLICATE_AT_BANK
}
