package org.tongpos.sync.journal;

/** How a journal entry was paid, as named by the Settlement API. */
public enum TenderMethod {
    CASH,
    BANK_CARD,
    PAYMENT_CODE,
    ACCOUNT,
    SUBSIDY
}
