package org.tongpos.app.journal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.tongpos.app.storage.StorageException;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The terminal's hash-chained journal in the database, in exactly the Settlement API's entry format. Entries are
 * appended inside the caller's transaction, so a sale and its entry commit together or not at all.
 */
public final class JournalStore {

    private static final String COLUMNS =
            "seq, txn_id, kind, occurred_at, business_date, amount_fen, tenders, original_txn_id, prev_hash, entry_hash";

    private final DataSource dataSource;
    private final String terminalId;

    public JournalStore(DataSource dataSource, String terminalId) {
        this.dataSource = dataSource;
        this.terminalId = terminalId;
    }

    /** What an entry says before the chain gives it its {@code seq} and hashes. */
    public record Draft(String txnId, EntryKind kind, String occurredAt, String businessDate, long amountFen,
                        List<EntryTender> tenders, String originalTxnId) {
    }

    /** The chain's last {@code seq} and {@code entry_hash}; seq 0 and the genesis hash when the journal is empty. */
    public record Head(long seq, String entryHash) {
    }

    /** The head of the chain as {@code connection} sees it. */
    public Head head(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT seq, entry_hash FROM journal ORDER BY seq DESC LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, EntryHashes.genesis(terminalId));
        }
    }

    /**
     * Appends the next entry of the chain within {@code connection}'s open transaction. The caller serialises
     * appends (one writer per terminal) and commits.
     */
    public JournalEntry append(Connection connection, Draft draft) throws SQLException {
        Head head = head(connection);
        JournalEntry entry = JournalEntry.create(head.seq() + 1, draft.txnId(), draft.kind(), draft.occurredAt(),
                draft.businessDate(), draft.amountFen(), draft.tenders(), draft.originalTxnId(), head.entryHash());
        insert(connection, entry);
        return entry;
    }

    /** Writes an entry that was built earlier (recovery), after checking that it extends the chain. */
    public void insertNext(Connection connection, JournalEntry entry) throws SQLException {
        Head head = head(connection);
        if (entry.seq() != head.seq() + 1 || !entry.verifies(head.entryHash())) {
            throw new IllegalStateException("entry " + entry.seq() + " does not extend the chain at seq " + head.seq());
        }
        insert(connection, entry);
    }

    /** The {@code txn_id} stored at {@code seq}, or null. */
    public String txnIdAt(Connection connection, long seq) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT txn_id FROM journal WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void insert(Connection connection, JournalEntry entry) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO journal (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            s.setLong(1, entry.seq());
            s.setString(2, entry.txnId());
            s.setString(3, entry.kind().name());
            s.setString(4, entry.occurredAt());
            s.setString(5, entry.businessDate());
            s.setLong(6, entry.amountFen());
            s.setString(7, TenderText.format(entry.tenders()));
            s.setString(8, entry.originalTxnId());
            s.setString(9, entry.prevHash());
            s.setString(10, entry.entryHash());
            s.executeUpdate();
        }
    }

    public String terminalId() {
        return terminalId;
    }

    public long lastSeq() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM journal");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StorageException("cannot read the journal", e);
        }
    }

    /** Up to {@code max} entries from {@code fromSeq} on, in order. */
    public List<JournalEntry> read(long fromSeq, int max) {
        List<JournalEntry> entries = new ArrayList<>(Math.min(max, 1024));
        forEach(fromSeq, max, entries::add);
        return entries;
    }

    /** Streams the entries of one business date in seq order (the business-date index), without holding them. */
    public void forEachOfBusinessDate(String businessDate, Consumer<JournalEntry> consumer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM journal WHERE business_date = ? ORDER BY seq")) {
            s.setString(1, businessDate);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(toEntry(rs));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the journal of " + businessDate, e);
        }
    }

    /** Streams entries from {@code fromSeq} on, in order, without holding them all in memory. */
    public void forEach(long fromSeq, long max, Consumer<JournalEntry> consumer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM journal WHERE seq >= ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, fromSeq);
            s.setLong(2, max);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(toEntry(rs));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the journal", e);
        }
    }

    private static JournalEntry toEntry(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        try {
            return new JournalEntry(seq, rs.getString(2), EntryKind.valueOf(rs.getString(3)), rs.getString(4),
                    rs.getString(5), rs.getLong(6), TenderText.parse(rs.getString(7)), rs.getString(8),
                    rs.getString(9), rs.getString(10));
        } catch (RuntimeException e) {
            throw new CorruptEntryException(seq, e);
        }
    }

    /** Tenders stored as their hash form, {@code METHOD:amount_fen:reference,...}. */
    public static final class TenderText {
        private TenderText() {
        }

        static String format(List<EntryTender> tenders) {
            StringBuilder text = new StringBuilder();
            for (EntryTender t : tenders) {
                if (text.length() > 0) {
                    text.append(',');
                }
                text.append(t.method().name()).append(':').append(t.amountFen()).append(':').append(t.reference());
            }
            return text.toString();
        }

        public static List<EntryTender> parse(String text) {
            List<EntryTender> tenders = new ArrayList<>(2);
            for (String part : text.split(",")) {
                String[] fields = part.split(":", -1);
                if (fields.length != 3) {
                    throw new IllegalStateException("corrupt tender text in journal: " + part);
                }
                tenders.add(new EntryTender(TenderMethod.valueOf(fields[0]), Long.parseLong(fields[1]), fields[2]));
            }
            return tenders;
        }
    }
}
