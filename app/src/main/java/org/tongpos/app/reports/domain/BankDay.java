package org.tongpos.app.reports.domain;

/**
 * One business day as the journal has it beside what the bank's statement says (from the last reconciliation of the
 * day, when there is one), with what is still unsent.
 *
 * @param journalEntries entries of the day in the journal
 * @param journalDebitFen sales and meals
 * @param journalCreditFen refunds
 * @param unsentEntries entries of the day not in a batch the bank accepted
 * @param reconciled whether a reconciliation run exists for the day
 * @param differences differences the last run found and nobody has marked investigated
 */
public record BankDay(String businessDate, long journalEntries, long journalDebitFen, long journalCreditFen,
                      long unsentEntries, boolean reconciled, long statementRows, long statementAmountFen,
                      long statementFeeFen, long statementNetFen, long matchedAmountFen, long differences) {
}
