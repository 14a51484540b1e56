package org.tongpos.app.checkout.domain;

/**
 * Selling has stopped because a sale's storage failed in a way the cashier must know about (issue 7, item 2):
 * <ul>
 *   <li>{@link State#BEHIND}: sale {@link #receiptNo()} <em>counts</em> &mdash; it is in the write-ahead log &mdash;
 *       but the database could not take it. No sale is taken until the database has caught up (the next sale tries
 *       again; a restart replays the log).</li>
 *   <li>{@link State#UNKNOWN}: not even the log could say whether sale {@link #receiptNo()} counts (a failing disk).
 *       It must not be rung again; the next start decides, and the journal then shows it or not.</li>
 * </ul>
 */
public final class SellingStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why selling stopped. */
    public enum State {
        BEHIND, UNKNOWN
    }

    private final State state;
    private final String receiptNo;

    public SellingStoppedException(State state, String receiptNo, Throwable cause) {
        super("selling stopped (" + state + ") at sale " + receiptNo, cause);
        this.state = state;
        this.receiptNo = receiptNo;
    }

    public State state() {
        return state;
    }

    public String receiptNo() {
        return receiptNo;
    }
}
