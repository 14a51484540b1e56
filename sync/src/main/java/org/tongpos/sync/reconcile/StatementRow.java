package org.tongpos.sync.reconcile;

/** One row of a bank statement: one non-cash tender. Amounts are signed (refund kinds negative). */
public record StatementRow(String txnId, long seq, String kind, String businessDate, String method, long amountFen,
                           long feeFen, long netFen, String reference, String status) {
}
