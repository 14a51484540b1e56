package org.tongpos.sync.wire;

/** The {@code change} of a canteen account change-feed item. */
public enum AccountChangeKind {
    OPEN,
    UPDATE,
    /** Moves the personal {@code balance_fen}. */
    TOPUP,
    /** Moves {@code subsidy_fen}; negative when a subsidy expires. */
    SUBSIDY,
    /** A terminal's accepted sale or meal charged to the account. */
    DEBIT,
    /** A terminal's accepted refund credited to the account. */
    CREDIT,
    HOTLIST,
    UNHOTLIST,
    CLOSE
}
