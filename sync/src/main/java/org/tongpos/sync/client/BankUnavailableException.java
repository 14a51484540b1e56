package org.tongpos.sync.client;

/** The bank gave no usable answer to a request that needed one now (offline, 5xx, unverifiable). */
public class BankUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BankUnavailableException(String message) {
        super(message);
    }
}
