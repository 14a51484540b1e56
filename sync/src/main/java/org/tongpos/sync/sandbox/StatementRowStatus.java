package org.tongpos.sync.sandbox;

/** What the bank can be told to do to one tender's statement row. */
public enum StatementRowStatus {
    /** The row appears as usual (undoes an earlier mark). */
    SETTLED,
    /** The bank reversed the tender: the row keeps its amount and says {@code REVERSED}. */
    REVERSED,
    /** The bank settled another amount: the row carries the bank's amount and says {@code ADJUSTED}. */
    ADJUSTED,
    /** The bank lost the tender: no row at all (reconciliation sees it as missing at the bank). */
    OMITTED
}
