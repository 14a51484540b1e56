package org.tongpos.app.cli;

/** Exit statuses the commands document. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;
    /** {@code journal verify} or {@code audit verify} found a broken hash chain. */
    static final int JOURNAL_BROKEN = 3;
    /** {@code sync reconcile} found differences, or {@code sync close-day} closed the day out of balance. */
    static final int DIFFERENCES = 4;
    /** {@code meal}: the meal was refused (nothing charged). */
    static final int REFUSED = 5;

    private ExitCodes() {
    }
}
