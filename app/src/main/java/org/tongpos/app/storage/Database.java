package org.tongpos.app.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's embedded H2 database in file mode, migrated by Flyway on open.
 *
 * <p>Durability: H2 writes commits to its file a moment later (its background writer, which also compacts the file)
 * and does not fsync them. What must survive a crash or power cut is made durable by a write-ahead log before the
 * commit ({@code SaleStore}); {@link #forceToDisk(Connection)} ({@code CHECKPOINT SYNC}) forces everything H2 holds
 * to disk before that log is emptied. See docs/decisions/0001-durable-sales-write-ahead-log.md.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String FILE_NAME = "tongpos";

    private final JdbcConnectionPool pool;
    private final Path directory;

    private Database(JdbcConnectionPool pool, Path directory) {
        this.pool = pool;
        this.directory = directory;
    }

    /**
     * Opens (creating if needed) the database in {@code directory} and applies pending migrations; when none is
     * pending (the {@link SchemaCheck} of every open after the first), Flyway is not started at all.
     */
    public static Database open(Path directory) {
        try {
            DurableDirectories.create(directory);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create data directory " + directory, e);
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(FILE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(8);
        try {
            if (SchemaCheck.isCurrent(pool, Database.class.getClassLoader())) {
                LOG.debug("schema current: Flyway not needed");
            } else {
                Flyway.configure().dataSource(pool).locations("classpath:" + SchemaCheck.LOCATION).load().migrate();
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StorageException("cannot open the database in " + directory + ": " + rootMessage(e), e);
        }
        LOG.info("database open in {}", directory);
        return new Database(pool, directory);
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public Path directory() {
        return directory;
    }

    /** Size in bytes of the database file on disk. */
    public long fileSize() {
        try {
            return Files.size(directory.resolve(FILE_NAME + ".mv.db"));
        } catch (java.io.IOException e) {
            throw new StorageException("cannot read the database file size", e);
        }
    }

    /** Forces every committed change to stable storage (one fsync). Call after commit, before confirming. */
    public static void forceToDisk(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * Closes every pooled connection; H2 closes (and compacts) the database when its last connection goes. An
     * explicit {@code SHUTDOWN} would leave the pool rolling back on a closed session, which H2 logs as an error.
     */
    @Override
    public void close() {
        pool.dispose();
        int active = pool.getActiveConnections();
        if (active > 0) {
            LOG.warn("database closed with {} connection(s) still in use", active);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
