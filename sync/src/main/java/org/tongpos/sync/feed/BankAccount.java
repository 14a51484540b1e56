package org.tongpos.sync.feed;

import java.time.OffsetDateTime;

/**
 * A canteen account as the bank last reported it. Balances are in fen and may be negative (offline
 * overdraft is recorded at the bank, not refused). {@code nameInitials} is the terminal's search key for the name
 * (pinyin initials in the app).
 */
public record BankAccount(String accountId, String dinerId, String name, String department, String dinerType,
                          String cardUid, long balanceFen, long subsidyFen, boolean hotlisted, boolean closed,
                          String lastChange, String lastCursor, OffsetDateTime updatedAt, String nameInitials) {

    /** Whether meals may be charged to it at all (balance rules are the canteen's). */
    public boolean usable() {
        return !hotlisted && !closed;
    }
}
