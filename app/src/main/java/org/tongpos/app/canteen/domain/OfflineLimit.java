package org.tongpos.app.canteen.domain;

/** Which offline limit an {@link RefusalReason#OFFLINE_LIMIT} refusal hit (message key {@code canteen.offline.<NAME>}). */
public enum OfflineLimit {
    /** This account's charges on this terminal beyond the balance the bank last reported. */
    ACCOUNT_SPEND,
    /** All of this terminal's charges to bank accounts the bank has not confirmed yet. */
    TERMINAL_TOTAL,
    /** The accounts feed has not been brought up to date for too long. */
    TIME_OFFLINE
}
