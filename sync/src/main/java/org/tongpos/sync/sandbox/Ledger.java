package org.tongpos.sync.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.wire.BatchAccepted;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.DayTotals;

/** The entries and batches the bank holds, per terminal. All methods run inside the caller's transaction. */
final class Ledger {

    private Ledger() {
    }

    /** The last seq and hash the bank holds, kept in {@code terminal_heads} so reading it costs one lookup. */
    static Cursor cursor(Connection connection, String terminalId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_seq, last_entry_hash FROM terminal_heads WHERE terminal_id = ?")) {
            select.setString(1, terminalId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Cursor(rows.getLong(1), rows.getString(2))
                        : new Cursor(0, EntryHashes.genesis(terminalId));
            }
        }
    }

    /** The seq of the held entry with this txn_id (any terminal), or -1. */
    static long seqOfTxn(Connection connection, PreparedStatement lookup, String txnId) throws SQLException {
        lookup.setObject(1, UUID.fromString(txnId));
        try (ResultSet rows = lookup.executeQuery()) {
            return rows.next() ? rows.getLong(1) : -1;
        }
    }

    static PreparedStatement prepareTxnLookup(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT seq FROM entries WHERE txn_uuid = ?");
    }

    static void insertEntries(Connection connection, String terminalId, String batchId, List<JournalEntry> entries)
            throws SQLException {
        try (PreparedStatement entry = connection.prepareStatement(
                "INSERT INTO entries (terminal_id, seq, txn_id, txn_uuid, kind, occurred_at, business_date, amount_fen,"
                        + " original_txn_id, prev_hash, entry_hash, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement tender = connection.prepareStatement(
                     "INSERT INTO entry_tenders (terminal_id, seq, position, method, amount_fen, reference)"
                             + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (JournalEntry e : entries) {
                entry.setString(1, terminalId);
                entry.setLong(2, e.seq());
                entry.setString(3, e.txnId());
                entry.setObject(4, UUID.fromString(e.txnId()));
                entry.setString(5, e.kind().name());
                entry.setString(6, e.occurredAt());
                entry.setString(7, e.businessDate());
                entry.setLong(8, e.amountFen());
                entry.setString(9, e.originalTxnId());
                entry.setString(10, e.prevHash());
                entry.setString(11, e.entryHash());
                entry.setString(12, batchId);
                entry.addBatch();
                int position = 0;
                for (EntryTender t : e.tenders()) {
                    tender.setString(1, terminalId);
                    tender.setLong(2, e.seq());
                    tender.setInt(3, position++);
                    tender.setString(4, t.method().name());
                    tender.setLong(5, t.amountFen());
                    tender.setString(6, t.reference());
                    tender.addBatch();
                }
            }
            entry.executeBatch();
            tender.executeBatch();
        }
        JournalEntry last = entries.get(entries.size() - 1);
        try (PreparedStatement head = connection.prepareStatement(
                "MERGE INTO terminal_heads (terminal_id, last_seq, last_entry_hash) KEY (terminal_id) VALUES (?, ?, ?)")) {
            head.setString(1, terminalId);
            head.setLong(2, last.seq());
            head.setString(3, last.entryHash());
            head.executeUpdate();
        }
    }

    static void insertBatch(Connection connection, String terminalId, BatchAccepted batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO batches (terminal_id, batch_id, first_seq, last_seq, entry_count, debit_total_fen,"
                        + " credit_total_fen, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, terminalId);
            insert.setString(2, batch.batchId());
            insert.setLong(3, batch.firstSeq());
            insert.setLong(4, batch.lastSeq());
            insert.setLong(5, batch.count());
            insert.setLong(6, batch.debitTotalFen());
            insert.setLong(7, batch.creditTotalFen());
            insert.setString(8, batch.acceptedAt());
            insert.executeUpdate();
        }
    }

    static BatchAccepted findBatch(Connection connection, String terminalId, String batchId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT first_seq, last_seq, entry_count, debit_total_fen, credit_total_fen, accepted_at FROM batches"
                        + " WHERE terminal_id = ? AND batch_id = ?")) {
            select.setString(1, terminalId);
            select.setString(2, batchId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new BatchAccepted(batchId, BatchAccepted.ACCEPTED, rows.getLong(1), rows.getLong(2),
                        rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getString(6));
            }
        }
    }

    /** Count and totals of the entries the bank holds for one terminal and business date. */
    static DayTotals dayTotals(Connection connection, String terminalId, String businessDate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*),"
                        + " COALESCE(SUM(CASE WHEN kind IN ('REFUND', 'MEAL_REFUND') THEN 0 ELSE amount_fen END), 0),"
                        + " COALESCE(SUM(CASE WHEN kind IN ('REFUND', 'MEAL_REFUND') THEN amount_fen ELSE 0 END), 0)"
                        + " FROM entries WHERE terminal_id = ? AND business_date = ?")) {
            select.setString(1, terminalId);
            select.setString(2, businessDate);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new DayTotals(rows.getLong(1), rows.getLong(2), rows.getLong(3));
            }
        }
    }
}
