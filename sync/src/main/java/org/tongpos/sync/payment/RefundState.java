package org.tongpos.sync.payment;

/** A refund's state on the terminal. */
public enum RefundState {
    /** Stored with its exact bytes; sent or about to be, answer not known yet. */
    PENDING,
    SUCCESS,
    /** The bank said PROCESSING (reserved in v1); ask again later with the same out_refund_no. */
    PROCESSING,
    FAILED;

    public boolean isOpen() {
        return this == PENDING || this == PROCESSING;
    }
}
