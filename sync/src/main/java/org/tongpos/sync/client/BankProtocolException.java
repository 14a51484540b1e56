package org.tongpos.sync.client;

/** A verified answer that does not follow the contract (unreadable body, contradicting fields). */
public class BankProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BankProtocolException(String message) {
        super(message);
    }

    public BankProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
