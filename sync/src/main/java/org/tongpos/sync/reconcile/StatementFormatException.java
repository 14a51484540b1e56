package org.tongpos.sync.reconcile;

/** A statement that does not follow the contract: bad header, bad row, wrong trailer, or wrong hash. */
public class StatementFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StatementFormatException(String message) {
        super(message);
    }

    public StatementFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
