package org.tongpos.sync.wire;

/** A payment's state at the bank. {@code REVERSED} and {@code REFUNDED} only appear on queries. */
public enum PaymentStatus {
    SUCCESS,
    USERPAYING,
    FAIL,
    REVERSED,
    REFUNDED
}
