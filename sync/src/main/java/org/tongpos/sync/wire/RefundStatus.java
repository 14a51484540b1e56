package org.tongpos.sync.wire;

/** A refund's outcome. In v1 the bank answers {@code SUCCESS} or {@code FAIL} at once; PROCESSING is reserved. */
public enum RefundStatus {
    SUCCESS,
    PROCESSING,
    FAIL
}
