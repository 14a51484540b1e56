package org.tongpos.sync.client;

import java.sql.SQLException;

/** The sync tables could not be read or written. */
public class SyncStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SyncStorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SyncStorageException(String message) {
        super(message);
    }
}
