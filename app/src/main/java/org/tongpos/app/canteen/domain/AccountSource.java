package org.tongpos.app.canteen.domain;

/** Where a diner's account is kept. */
public enum AccountSource {
    /** At the bank, replicated through the accounts change feed: balances are the bank's as of the last sync. */
    BANK,
    /** On this terminal (a canteen without the bank feed): balances here are the truth. */
    LOCAL
}
