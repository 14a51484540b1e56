package org.tongpos.sync.client;

/** The bank gave no usable answer to a request that needed one now (offline, 5xx, unverifiable). */
public class BankUnavailableException extends RuntimeException {

    public BankUnavailableException(String message) {
        super(message);
    }
}
