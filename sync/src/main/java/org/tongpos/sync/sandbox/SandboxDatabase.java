package org.tongpos.sync.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sandbox bank's H2 file. One connection, one writer at a time: every unit of work runs under a
 * lock in its own transaction, so commit order equals the order of generated ids (feed cursors stay
 * monotonic) and no two requests interleave. {@code WRITE_DELAY=0} puts each commit in the file at once
 * (a killed process loses nothing); durable work ends with {@code CHECKPOINT SYNC} so a commit is on disk
 * before the bank answers.
 */
final class SandboxDatabase implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private SandboxDatabase(Connection connection) {
        this.connection = connection;
    }

    static SandboxDatabase open(Path dataDir) throws SQLException {
        Path file = dataDir.toAbsolutePath().resolve("sandbox-bank");
        Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "");
        connection.setAutoCommit(false);
        SandboxDatabase database = new SandboxDatabase(connection);
        database.durably(SandboxSchema::create);
        return database;
    }

    /** Runs {@code work} in one transaction and forces it to disk before returning. */
    <T> T durably(Work<T> work) {
        return inTransaction(work, true);
    }

    /** Runs {@code work} in one transaction; committed to the file, not forced to disk. */
    <T> T inTransaction(Work<T> work) {
        return inTransaction(work, false);
    }

    private <T> T inTransaction(Work<T> work, boolean sync) {
        lock.lock();
        try {
            try {
                T result = work.run(connection);
                connection.commit();
                if (sync) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CHECKPOINT SYNC");
                    }
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                if (e instanceof SQLException sql) {
                    throw new SandboxStorageException(sql);
                }
                throw (RuntimeException) e;
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            connection.close();
        } finally {
            lock.unlock();
        }
    }

    /** A database failure inside the sandbox: answered {@code 500 SYSTEM_ERROR}. */
    static final class SandboxStorageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SandboxStorageException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
