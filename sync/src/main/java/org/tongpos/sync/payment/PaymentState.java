package org.tongpos.sync.payment;

/** A payment intent's state on the terminal. */
public enum PaymentState {
    /** Written before the first request. */
    CREATED,
    /** Sent; the bank's answer is not final yet (or not known). */
    PAYING,
    /** The bank said SUCCESS: the sale may be journaled as paid by code. */
    SUCCESS,
    /** The bank said FAIL, or refused the request: nothing was charged. */
    FAILED,
    /** Giving up on it: a reversal is due or was sent without a clear answer. */
    REVERSING,
    /** The bank confirmed the reversal: any money taken is returned. */
    REVERSED;

    /** Not yet resolved: {@link PaymentCodeService#recoverOpenIntents()} finishes these after a restart. */
    public boolean isOpen() {
        return this == CREATED || this == PAYING || this == REVERSING;
    }
}
