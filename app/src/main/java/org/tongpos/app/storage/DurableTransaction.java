package org.tongpos.app.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One H2 transaction, committed and then forced to disk ({@code CHECKPOINT SYNC}) before {@link #run} returns: for
 * rare writes that must survive a crash before they are confirmed (operator changes, the audit log, failed PINs).
 * Sales and meals go through the write-ahead log instead (docs/decisions/0001); once that log takes records of every
 * kind, this is where the audit log switches to it. Services hand {@link Work} to it; only stores run SQL in it.
 */
public final class DurableTransaction {

    /** Work inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final Database database;

    public DurableTransaction(Database database) {
        this.database = database;
    }

    /** Runs {@code work} in one transaction; on any exception nothing of it is kept and the exception is rethrown. */
    public <T> T run(Work<T> work) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.apply(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            Database.forceToDisk(c);
            return result;
        } catch (SQLException e) {
            throw new StorageException("cannot write to the database", e);
        }
    }
}
