package org.tongpos.app.storage;

/** The database was migrated by a newer TongPOS than this one: refused before anything was changed. */
public final class NewerDatabaseException extends StorageException {
    private static final long serialVersionUID = 1L;

    public NewerDatabaseException(String message) {
        super(message, null);
    }
}
