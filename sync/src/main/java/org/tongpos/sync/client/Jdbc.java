package org.tongpos.sync.client;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Plain JDBC in short transactions; every store of the sync module goes through one of these. Give it a
 * pooled {@link DataSource} (e.g. {@code org.h2.jdbcx.JdbcConnectionPool}): with a plain H2 data source on
 * a file URL, H2 closes and reopens the whole database whenever the last connection closes (~50-80 ms a
 * transaction), which made a 100,000-entry upload three times slower.
 */
public final class Jdbc {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new SyncStorageException(e);
        }
    }

    /**
     * As {@link #inTransaction}, and forces the commit to stable storage ({@code CHECKPOINT SYNC}: H2 writes what it
     * holds and fsyncs its file) before returning. H2's own commit is not durable: it reaches the file up to a
     * second later and is never fsynced, so a {@code kill -9} or a power cut loses it (decision record 0001). State
     * that must survive a crash because a request is about to leave the terminal on its strength (a payment
     * intent, a refund) is written through this.
     */
    public <T> T inDurableTransaction(Work<T> work) {
        T result = inTransaction(work);
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new SyncStorageException(e);
        }
        return result;
    }

    /**
     * Runs read-only {@code work} on a connection as the pool hands it out (auto-commit): no transaction to open and
     * close, for lookups that must be fast (a card at the serving line). Each statement sees committed data.
     */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new SyncStorageException(e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
