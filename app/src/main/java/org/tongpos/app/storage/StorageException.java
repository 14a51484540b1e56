package org.tongpos.app.storage;

/** A storage operation failed; the message says what and where, the cause why. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
