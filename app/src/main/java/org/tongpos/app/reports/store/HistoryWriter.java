package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Writes a generated sales history straight into the journal and the sale tables in large JDBC batches, each entry
 * chained to the one before exactly as {@code SaleStore} chains it (so that {@code journal verify} passes). It
 * bypasses the write-ahead log on purpose: a demo history is not a till's sales, and a crash half-way leaves the
 * journal at the last committed day, still a valid chain. Only for an empty journal (demo data). While it writes, H2's
 * page cache is raised to {@value #CACHE_KIB} KiB at most (a third of the heap; put back on close).
 */
public final class HistoryWriter implements AutoCloseable {

    /** Entries per JDBC batch (a day is one transaction: {@link #endOfDay}). */
    private static final int BATCH = 2000;
    /** H2's page cache while writing, in KiB: a day's pages of every table and index stay in memory. */
    private static final int CACHE_KIB = 256 * 1024;

    /** One line as written. */
    public record Line(long productId, String barcode, String name, String unit, boolean weighed, long quantity,
                       long unitPriceFen, long amountFen, Long costFen) {
    }

    private final Connection connection;
    private final String terminalId;
    private final PreparedStatement journal;
    private final PreparedStatement sale;
    private final PreparedStatement line;
    private final PreparedStatement tender;
    private final PreparedStatement meal;
    private long seq;
    private String head;
    private int pending;
    private final int cacheKib;

    private HistoryWriter(Connection connection, String terminalId) throws SQLException {
        this.connection = connection;
        this.terminalId = terminalId;
        journal = connection.prepareStatement("INSERT INTO journal (seq, txn_id, kind, occurred_at, business_date, "
                + "amount_fen, tenders, original_txn_id, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?)");
        sale = connection.prepareStatement(
                "INSERT INTO sale (txn_id, receipt_no, cashier, total_fen, change_fen) VALUES (?,?,?,?,?)");
        line = connection.prepareStatement("INSERT INTO sale_line (txn_id, line_no, product_id, barcode, name, unit, "
                + "weighed, quantity, unit_price_fen, amount_fen, cost_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        tender = connection.prepareStatement("INSERT INTO sale_tender (txn_id, position, method, amount_fen, "
                + "tendered_fen, reference) VALUES (?,?,?,?,?,?)");
        meal = connection.prepareStatement("INSERT INTO canteen_meal (txn_id, seq, account_id, diner_id, source, "
                + "identified_by, period, business_date, occurred_at, nth, amount_fen, subsidy_fen, balance_fen, cash_fen) "
                + "VALUES (?,?,?,?,'LOCAL','QR',?,?,?,?,?,?,?,0)");
        head = EntryHashes.genesis(terminalId);
        cacheKib = cacheSize(connection);
        // at most a third of the heap, so that a small -Xmx still has room for the batches
        int wanted = (int) Math.min(CACHE_KIB, Runtime.getRuntime().maxMemory() / 3 / 1024);
        if (wanted > cacheKib) {
            setCacheSize(connection, wanted);
        }
    }

    private static int cacheSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM "
                + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'")) {
            return r.next() ? Integer.parseInt(r.getString(1)) : CACHE_KIB;
        }
    }

    private static void setCacheSize(Connection c, int kib) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET CACHE_SIZE " + kib);
        }
    }

    /**
     * Opens a writer on an empty journal.
     *
     * @throws IllegalStateException when the journal already has entries
     */
    public static HistoryWriter open(DataSource dataSource, String terminalId) {
        try {
            Connection c = dataSource.getConnection();
            long entries;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM journal")) {
                r.next();
                entries = r.getLong(1);
            }
            if (entries > 0) {
                c.close();
                throw new IllegalStateException("the journal already has " + entries + " entries");
            }
            c.setAutoCommit(false);
            return new HistoryWriter(c, terminalId);
        } catch (SQLException e) {
            throw new StorageException("cannot start writing the history", e);
        }
    }

    /** Appends a sale with its lines and tenders; returns its seq. */
    public long sale(String txnId, String occurredAt, String businessDate, String cashier, long totalFen,
                     long changeFen, List<Line> lines, List<EntryTender> tenders, List<Long> tenderedFen) {
        try {
            long s = entry(txnId, EntryKind.SALE, occurredAt, businessDate, totalFen, tenders, "");
            sale.setString(1, txnId);
            sale.setString(2, SaleStore.receiptNumber(terminalId, s));
            sale.setString(3, cashier);
            sale.setLong(4, totalFen);
            sale.setLong(5, changeFen);
            sale.addBatch();
            int no = 1;
            for (Line l : lines) {
                line.setString(1, txnId);
                line.setInt(2, no++);
                line.setLong(3, l.productId());
                line.setString(4, l.barcode());
                line.setString(5, l.name());
                line.setString(6, l.unit());
                line.setBoolean(7, l.weighed());
                line.setLong(8, l.quantity());
                line.setLong(9, l.unitPriceFen());
                line.setLong(10, l.amountFen());
                if (l.costFen() == null) {
                    line.setNull(11, Types.BIGINT);
                } else {
                    line.setLong(11, l.costFen());
                }
                line.addBatch();
            }
            for (int i = 0; i < tenders.size(); i++) {
                EntryTender t = tenders.get(i);
                tender.setString(1, txnId);
                tender.setInt(2, i + 1);
                tender.setString(3, t.method().name());
                tender.setLong(4, t.amountFen());
                tender.setLong(5, tenderedFen.get(i));
                tender.setString(6, t.reference());
                tender.addBatch();
            }
            counted();
            return s;
        } catch (SQLException e) {
            throw new StorageException("cannot write the history", e);
        }
    }

    /**
     * The demo canteen's meal periods (only when none are set up) and its diners (by account, replacing demo diners of
     * the same account), before any meal is written.
     */
    public void canteen(List<String[]> periods, List<String[]> diners) {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM canteen_period")) {
            r.next();
            if (r.getLong(1) == 0) {
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO canteen_period (name, "
                        + "start_minute, end_minute, weekdays, meals_allowed) VALUES (?, ?, ?, '12345', 1)")) {
                    for (String[] period : periods) {
                        p.setString(1, period[0]);
                        p.setInt(2, Integer.parseInt(period[1]));
                        p.setInt(3, Integer.parseInt(period[2]));
                        p.executeUpdate();
                    }
                }
            }
            try (PreparedStatement d = connection.prepareStatement("MERGE INTO canteen_diner (account_id, diner_id, "
                    + "name, name_initials, department, diner_type, balance_fen, subsidy_fen, hotlisted, closed, "
                    + "updated_at) KEY (account_id) VALUES (?, ?, ?, '', ?, ?, 0, 0, FALSE, FALSE, CURRENT_TIMESTAMP)")) {
                for (String[] diner : diners) {
                    d.setString(1, diner[0]);
                    d.setString(2, diner[1]);
                    d.setString(3, diner[2]);
                    d.setString(4, diner[3]);
                    d.setString(5, diner[4]);
                    d.addBatch();
                }
                d.executeBatch();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot write the demo canteen", e);
        }
    }

    /** Appends a meal: its MEAL journal entry (subsidy and account tenders) and its canteen_meal row. */
    public long meal(String txnId, String occurredAt, String businessDate, String accountId, String dinerId,
                     String period, int nth, long subsidyFen, long balanceFen) {
        try {
            List<EntryTender> tenders = new java.util.ArrayList<>(2);
            if (subsidyFen > 0) {
                tenders.add(new EntryTender(org.tongpos.sync.journal.TenderMethod.SUBSIDY, subsidyFen, accountId));
            }
            if (balanceFen > 0) {
                tenders.add(new EntryTender(org.tongpos.sync.journal.TenderMethod.ACCOUNT, balanceFen, accountId));
            }
            long s = entry(txnId, EntryKind.MEAL, occurredAt, businessDate, subsidyFen + balanceFen, tenders, "");
            meal.setObject(1, java.util.UUID.fromString(txnId));
            meal.setLong(2, s);
            meal.setString(3, accountId);
            meal.setString(4, dinerId);
            meal.setString(5, period);
            meal.setObject(6, java.time.LocalDate.parse(businessDate));
            meal.setObject(7, java.time.OffsetDateTime.parse(occurredAt));
            meal.setInt(8, nth);
            meal.setLong(9, subsidyFen + balanceFen);
            meal.setLong(10, subsidyFen);
            meal.setLong(11, balanceFen);
            meal.addBatch();
            counted();
            return s;
        } catch (SQLException e) {
            throw new StorageException("cannot write the history", e);
        }
    }

    /** Appends a refund of part of a sale (a journal entry only, as the Settlement API has it). */
    public long refund(String txnId, String occurredAt, String businessDate, long amountFen, List<EntryTender> tenders,
                       String originalTxnId) {
        try {
            long s = entry(txnId, EntryKind.REFUND, occurredAt, businessDate, amountFen, tenders, originalTxnId);
            counted();
            return s;
        } catch (SQLException e) {
            throw new StorageException("cannot write the history", e);
        }
    }

    private long entry(String txnId, EntryKind kind, String occurredAt, String businessDate, long amountFen,
                       List<EntryTender> tenders, String original) throws SQLException {
        seq++;
        JournalEntry e = JournalEntry.create(seq, txnId, kind, occurredAt, businessDate, amountFen, tenders, original,
                head);
        journal.setLong(1, seq);
        journal.setString(2, txnId);
        journal.setString(3, kind.name());
        journal.setString(4, occurredAt);
        journal.setString(5, businessDate);
        journal.setLong(6, amountFen);
        StringBuilder text = new StringBuilder();
        for (EntryTender t : tenders) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(t.method().name()).append(':').append(t.amountFen()).append(':').append(t.reference());
        }
        journal.setString(7, text.toString());
        journal.setString(8, original);
        journal.setString(9, head);
        journal.setString(10, e.entryHash());
        journal.addBatch();
        head = e.entryHash();
        return seq;
    }

    private void counted() throws SQLException {
        if (++pending >= BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        journal.executeBatch();
        sale.executeBatch();
        line.executeBatch();
        tender.executeBatch();
        meal.executeBatch();
        pending = 0;
    }

    /** Commits the day written since the last call: one transaction a generated day. */
    public void endOfDay() {
        try {
            flush();
            connection.commit();
        } catch (SQLException e) {
            throw new StorageException("cannot write the history", e);
        }
    }

    /** Entries written so far. */
    public long entries() {
        return seq;
    }

    /** Writes what is pending, forces H2 to disk and closes. */
    @Override
    public void close() {
        try {
            try {
                flush();
                connection.commit();
                connection.setAutoCommit(true);
                setCacheSize(connection, cacheKib);
                Database.forceToDisk(connection);
            } finally {
                journal.close();
                sale.close();
                line.close();
                tender.close();
                meal.close();
                connection.close();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot finish writing the history", e);
        }
    }
}
