package org.tongpos.app.backup.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;

/**
 * The database side of backups: a consistent snapshot of the whole database written as H2 SQL ({@code SCRIPT}),
 * taken together with the sales write-ahead log, the state a restore is checked against, and a script run into a
 * new database file ({@code RUNSCRIPT}). See docs/decisions/0010-backups.md.
 */
public final class BackupStore {

    /** {@code sync_state} names of the sync module (BatchStore): the last seq sealed into a batch, the bank's. */
    private static final String SEALED_THROUGH = "batch.sealed_through";
    private static final String BANK_CONFIRMED = "batch.bank_confirmed_seq";

    private final DataSource dataSource;
    private final JournalStore journal;

    public BackupStore(DataSource dataSource, JournalStore journal) {
        this.dataSource = dataSource;
        this.journal = journal;
    }

    /**
     * What a backup or a restore needs to know of a database: its terminal, the journal's head, how far the journal
     * was handed to the bank ({@code sentThrough}: sealed into a batch, which may be on its way; {@code bankHeld}: the
     * bank confirmed it), and the schema version.
     */
    public record State(String terminalId, long headSeq, String headHash, long sentThrough, long bankHeld,
                        String schemaVersion) {
    }

    /** The state now. */
    public State state() {
        try (Connection c = dataSource.getConnection()) {
            return state(c);
        } catch (SQLException e) {
            throw new StorageException("cannot read the journal head and sync state", e);
        }
    }

    /** The journal entry's hash at {@code seq}, empty when the journal does not reach it. */
    public java.util.Optional<String> entryHashAt(long seq) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM journal WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the journal at seq " + seq, e);
        }
    }

    private State state(Connection c) throws SQLException {
        JournalStore.Head head = journal.head(c);
        long sealed = syncNumber(c, SEALED_THROUGH).orElse(0);
        long held = syncNumber(c, BANK_CONFIRMED).orElse(0);
        return new State(journal.terminalId(), head.seq(), head.entryHash(), Math.max(sealed, held), held,
                Database.schemaVersion(c).orElse("0"));
    }

    private static OptionalLong syncNumber(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet tables = s.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'SYNC_STATE'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return OptionalLong.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT long_value FROM sync_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long value = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
                }
                return OptionalLong.empty();
            }
        }
    }

    /**
     * Opens a snapshot: a transaction at isolation SNAPSHOT whose first statement runs while no sale or meal is in
     * flight ({@link SaleStore#atQuietPoint}), so that everything it reads later, the whole database, is as it was at
     * that moment; the write-ahead log's bytes are taken at the same moment. The till sells on meanwhile.
     */
    public Snapshot snapshot(SaleStore sales) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
            c.setAutoCommit(false);
            Connection connection = c;
            Snapshot snapshot = sales.atQuietPoint(log -> {
                try {
                    return new Snapshot(connection, state(connection), log);
                } catch (SQLException e) {
                    throw new StorageException("cannot start the backup's snapshot", e);
                }
            });
            c = null;
            return snapshot;
        } catch (SQLException e) {
            throw new StorageException("cannot start the backup's snapshot", e);
        } finally {
            if (c != null) {
                Snapshot.release(c);
            }
        }
    }

    /** A snapshot of the database and the log; close it as soon as its script is written (it holds old versions). */
    public static final class Snapshot implements AutoCloseable {
        private final Connection connection;
        private final State state;
        private final byte[] log;

        private Snapshot(Connection connection, State state, byte[] log) {
            this.connection = connection;
            this.state = state;
            this.log = log;
        }

        public State state() {
            return state;
        }

        /** The write-ahead log's intact records at the snapshot's moment. */
        public byte[] log() {
            return log.clone();
        }

        /** Writes the snapshot's whole database as SQL to {@code file} (H2's {@code SCRIPT}, plain text). */
        public void scriptTo(Path file) {
            try (Statement s = connection.createStatement()) {
                s.execute("SCRIPT TO " + quote(file.toAbsolutePath().toString()) + " CHARSET 'UTF-8'");
            } catch (SQLException e) {
                throw new StorageException("cannot write the database's script to " + file, e);
            }
        }

        @Override
        public void close() {
            release(connection);
        }

        private static void release(Connection c) {
            try {
                c.rollback();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                }
            } catch (SQLException e) {
                // the pool's connection goes back as it is; closing it below ends the transaction anyway
            } finally {
                try {
                    c.close();
                } catch (SQLException e) {
                    // nothing more to release
                }
            }
        }
    }

    /**
     * Runs a backup's script into a new database {@code tongpos} in {@code directory} (which holds no database yet)
     * and closes it compacted ({@code SHUTDOWN COMPACT}: the bulk load leaves the file about four times the size of
     * its data, docs/performance.md); the caller moves the file into place.
     */
    public static void runScript(Path script, Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(Database.FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM " + quote(script.toAbsolutePath().toString()) + " CHARSET 'UTF-8'");
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new StorageException("cannot rebuild the database from the backup: " + e.getMessage(), e);
        } finally {
            pool.dispose();
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
