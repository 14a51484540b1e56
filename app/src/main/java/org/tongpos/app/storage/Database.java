package org.tongpos.app.storage;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
    /** The database file's name in the data directory, without H2's {@code .mv.db}. */
    public static final String FILE_NAME = "tongpos";

    private final JdbcConnectionPool pool;
    private final String url;
    private volatile boolean compactOnClose;
    private final Path directory;

    private Database(JdbcConnectionPool pool, String url, Path directory) {
        this.pool = pool;
        this.url = url;
        this.directory = directory;
    }

    /**
     * Opens (creating if needed) the database in {@code directory} and applies pending migrations; when none is
     * pending (the {@link SchemaCheck} of every open after the first), Flyway is not started at all.
     *
     * <p>Upgrades (docs/decisions/0009-installer-upgrades-and-backups.md): before a newer program migrates an existing
     * database it copies it into {@code backups/pre-upgrade-*.zip} (H2's {@code BACKUP TO}); a database migrated by a
     * newer program than this one is refused before anything is changed; a migration that fails puts the copy back and
     * says so.
     */
    public static Database open(Path directory) {
        return open(directory, List.of());
    }

    /**
     * As {@link #open(Path)}, with folders of further SQL migrations beside the program's own ({@code filesystem:}
     * locations): for the upgrade tests, which play "the next version" by adding one.
     */
    static Database open(Path directory, List<Path> extraMigrations) {
        try {
            DurableDirectories.create(directory);
        } catch (IOException e) {
            throw new StorageException("cannot create data directory " + directory, e);
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(FILE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(8);
        Path backup = null;
        try {
            if (extraMigrations.isEmpty() && SchemaCheck.isCurrent(pool, Database.class.getClassLoader())) {
                LOG.debug("schema current: Flyway not needed");
            } else {
                Set<List<BigInteger>> available = availableVersions(extraMigrations);
                Optional<List<BigInteger>> applied = SchemaCheck.highestApplied(pool);
                Optional<List<BigInteger>> known = SchemaCheck.highest(available);
                if (applied.isPresent() && known.isPresent() && SchemaCheck.compare(applied.get(), known.get()) > 0) {
                    throw new NewerDatabaseException("the database in " + directory + " has schema version "
                            + SchemaCheck.text(applied.get()) + ", made by a newer TongPOS than this one (which knows up to "
                            + SchemaCheck.text(known.get()) + "); nothing was changed. Install that version again, or "
                            + "restore a backup made by this one (tongpos backup restore FILE).");
                }
                boolean pending = applied.isPresent() && available.stream()
                        .anyMatch(v -> SchemaCheck.compare(v, applied.get()) > 0);
                if (pending) {
                    backup = backUpBeforeMigrating(pool, directory, applied.get(), known.orElseThrow());
                }
                List<String> locations = new ArrayList<>();
                locations.add("classpath:" + SchemaCheck.LOCATION);
                extraMigrations.forEach(p -> locations.add("filesystem:" + p.toAbsolutePath()));
                Flyway.configure().dataSource(pool).locations(locations.toArray(String[]::new)).load().migrate();
            }
        } catch (NewerDatabaseException e) {
            pool.dispose();
            throw e;
        } catch (RuntimeException | SQLException e) {
            pool.dispose();
            if (backup != null) {
                restoreAfterFailedMigration(directory, backup, e);
            }
            throw new StorageException("cannot open the database in " + directory + ": " + rootMessage(e), e);
        }
        LOG.info("database open in {}", directory);
        return new Database(pool, url, directory);
    }

    /** The folder of the automatic copies taken before an upgrade migrates the database. */
    public static Path upgradeBackups(Path directory) {
        return directory.resolve("backups");
    }

    private static Path backUpBeforeMigrating(JdbcConnectionPool pool, Path directory, List<BigInteger> from,
            List<BigInteger> to) throws SQLException {
        Path folder = upgradeBackups(directory);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StorageException("cannot create " + folder + " for the copy before the upgrade", e);
        }
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = folder.resolve("pre-upgrade-V" + SchemaCheck.text(from) + "-to-V" + SchemaCheck.text(to) + "-"
                + stamp + ".zip");
        try (Connection c = pool.getConnection(); PreparedStatement backup = c.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, file.toAbsolutePath().toString());
            backup.execute();
        }
        LOG.warn("upgrade: copied the database (schema V{}) to {} before migrating it to V{}",
                SchemaCheck.text(from), file, SchemaCheck.text(to));
        return file;
    }

    private static void restoreAfterFailedMigration(Path directory, Path backup, Exception cause) {
        Path dbFile = directory.resolve(FILE_NAME + ".mv.db");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry entry;
            boolean restored = false;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(FILE_NAME + ".mv.db")) {
                    Path partial = directory.resolve(FILE_NAME + ".mv.db.restoring");
                    Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, dbFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    restored = true;
                }
            }
            if (!restored) {
                throw new IOException("no " + FILE_NAME + ".mv.db in " + backup);
            }
        } catch (IOException e) {
            e.addSuppressed(cause);
            throw new StorageException("the upgrade's migration failed (" + rootMessage(cause) + ") and the copy "
                    + backup + " could not be put back: " + e.getMessage() + "; restore it by hand", e);
        }
        LOG.error("upgrade: the migration failed ({}); restored the database from {}", rootMessage(cause), backup);
        throw new StorageException("the upgrade's migration failed: " + rootMessage(cause)
                + "; the database was restored from the copy taken before it (" + backup + ") and is as it was",
                cause);
    }

    private static Set<List<BigInteger>> availableVersions(List<Path> extraMigrations) {
        Set<List<BigInteger>> versions = new HashSet<>(
                SchemaCheck.availableVersions(Database.class.getClassLoader()).orElse(Set.of()));
        for (Path folder : extraMigrations) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).map(SchemaCheck::versionOf).flatMap(Optional::stream)
                        .forEach(versions::add);
            } catch (IOException e) {
                throw new StorageException("cannot list the migrations in " + folder, e);
            }
        }
        return versions;
    }

    /** The schema version Flyway recorded as applied, as {@code c} sees it ({@code 50}); empty for a new database. */
    public static Optional<String> schemaVersion(Connection c) throws SQLException {
        return SchemaCheck.highestApplied(c).map(SchemaCheck::text);
    }

    /** The highest schema version this program's migrations make. */
    public static String programSchemaVersion() {
        return SchemaCheck.highest(availableVersions(List.of())).map(SchemaCheck::text).orElse("0");
    }

    /** Whether a database at {@code version} was made by a newer program than this one (it would be refused). */
    public static boolean newerThanProgram(String version) {
        Optional<List<BigInteger>> known = SchemaCheck.highest(availableVersions(List.of()));
        return known.isPresent() && SchemaCheck.compare(SchemaCheck.parse(version), known.get()) > 0;
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
        } catch (IOException e) {
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
     * Makes {@link #close} compact the file fully ({@code SHUTDOWN COMPACT}): after a bulk write most of it is free
     * space, which H2's 200 ms of compaction on close does not reclaim (a year of demo history: 3.0 GB, 0.68 GB
     * compacted), and which H2's background writer would otherwise rewrite during the next few starts (after a
     * 100,000-row catalog import each of the next two or three commands took a second longer: docs/performance.md).
     */
    public void compactOnClose() {
        compactOnClose = true;
    }

    /**
     * Closes every pooled connection; H2 closes (and compacts) the database when its last connection goes. An
     * explicit {@code SHUTDOWN} would leave the pool rolling back on a closed session, which H2 logs as an error: after
     * {@link #compactOnClose} the closed database is opened again alone for {@code SHUTDOWN COMPACT}.
     */
    @Override
    public void close() {
        pool.dispose();
        int active = pool.getActiveConnections();
        if (active > 0) {
            LOG.warn("database closed with {} connection(s) still in use", active);
        } else if (compactOnClose) {
            compact();
        }
    }

    /** Opens the closed database on a connection of its own (not the pool's: see {@link #close}) to compact it. */
    private void compact() {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("database not compacted: {}", rootMessage(e));
            return;
        }
        LOG.info("database compacted in {} ms: {} bytes", (System.nanoTime() - started) / 1_000_000, fileSize());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
