package org.tongpos.sync.sandbox;

/** What the sandbox does wrong on purpose. "Before" faults skip execution; "after" faults commit first. */
public enum FaultKind {
    /** Wait, then execute and answer normally. */
    DELAY(false),
    /** Close the connection without executing and without an answer. */
    DROP_BEFORE_EXECUTING(false),
    /** Answer {@code 503 SYSTEM_ERROR} (signed) without executing. */
    UNAVAILABLE_BEFORE_EXECUTING(false),
    /** Answer {@code 429 RATE_LIMITED} (signed) with {@code Retry-After} without executing. */
    RATE_LIMIT(false),
    /** Execute and commit, then wait before answering (a client timing out meanwhile never hears the answer). */
    DELAY_AFTER_COMMIT(true),
    /** Execute and commit, then close the connection without an answer. */
    DROP_AFTER_COMMIT(true),
    /** Execute and commit, then answer {@code 500 SYSTEM_ERROR} (signed). */
    ERROR_500_AFTER_COMMIT(true),
    /**
     * Execute and commit, then answer {@code 401 REPLAYED} (signed): what a client sees when its HTTP library
     * silently re-sent a request whose first answer was lost.
     */
    REPLAYED_AFTER_COMMIT(true),
    /** Execute and commit, then answer with a wrong {@code Tong-Signature}. */
    FORGE_SIGNATURE(true),
    /** Execute and commit, then answer without the {@code Tong-*} signature headers. */
    OMIT_SIGNATURE(true);

    private final boolean afterExecution;

    FaultKind(boolean afterExecution) {
        this.afterExecution = afterExecution;
    }

    public boolean afterExecution() {
        return afterExecution;
    }
}
