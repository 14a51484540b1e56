package org.tongpos.app.checkout.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;
import org.tongpos.app.storage.WriteAheadLog;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Records a completed sale durably. The journal entry, the sale, its lines and tenders are written in one H2
 * transaction; before that transaction commits, the whole sale is appended to the write-ahead log and fsynced.
 * When {@link #record} returns, the sale survives a process crash and a power cut; when it throws before or in the
 * log append, nothing of it is stored (the log cuts a failed append back out). On open, sales that are in the log
 * but not in H2 (H2 writes its commits to disk a moment later) are written again, and once H2 has forced
 * everything to disk the log is emptied.
 * See docs/decisions/0001-durable-sales-write-ahead-log.md.
 */
public final class SaleStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SaleStore.class);
    /** After this many logged sales H2 is forced to disk and the log emptied, keeping replay short. */
    private static final int CHECKPOINT_EVERY = 1000;

    private final Database database;
    private final JournalStore journal;
    private final WriteAheadLog log;
    /** Made on first use: a command that records no sale and finds the log empty never loads Jackson. */
    private ObjectMapper json;
    private final ReentrantLock writer = new ReentrantLock();
    private final int checkpointEvery;
    /** A logged sale that neither its commit nor an immediate retry could write to H2. */
    private SaleRecord unreplayed;

    public SaleStore(Database database, JournalStore journal, WriteAheadLog log) {
        this(database, journal, log, CHECKPOINT_EVERY);
    }

    SaleStore(Database database, JournalStore journal, WriteAheadLog log, int checkpointEvery) {
        this.database = database;
        this.journal = journal;
        this.log = log;
        this.checkpointEvery = checkpointEvery;
        recover();
    }

    /** A sale ready to be recorded; the journal gives it its {@code seq}. */
    public record Draft(String txnId, String occurredAt, String businessDate, String cashier, List<CartLine> lines,
                        long totalFen, List<Tender> tenders, long changeFen) {
    }

    /** Commits the sale and its journal entry durably and returns the entry. */
    public JournalEntry record(Draft sale, String terminalId) {
        List<EntryTender> entryTenders = new ArrayList<>(sale.tenders().size());
        for (Tender t : sale.tenders()) {
            entryTenders.add(new EntryTender(t.method(), t.amount().fen(), t.reference()));
        }
        JournalStore.Draft entryDraft = new JournalStore.Draft(sale.txnId(), EntryKind.SALE, sale.occurredAt(),
                sale.businessDate(), sale.totalFen(), entryTenders, "");
        writer.lock();
        try (Connection c = database.connection()) {
            if (unreplayed != null) {
                throw new StorageException("a logged sale could not be written to the database; restart the "
                        + "terminal to restore it before selling on", null);
            }
            c.setAutoCommit(false);
            JournalEntry entry;
            SaleRecord record;
            try {
                entry = journal.append(c, entryDraft);
                record = toRecord(entry, sale, receiptNumber(terminalId, entry.seq()));
                insertSale(c, record);
                log.append(json().writeValueAsBytes(record));
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            commitLogged(c, record);
            if (log.size() >= checkpointEvery) {
                checkpointAfterCommit(c);
            }
            return entry;
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot record the sale", e);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Commits a transaction whose sale is already in the log. Should the commit fail, the sale is durable all the
     * same: it is written again at once, or, failing that, selling stops until a restart replays the log.
     */
    private void commitLogged(Connection c, SaleRecord record) throws SQLException {
        try {
            c.commit();
        } catch (SQLException first) {
            LOG.error("commit failed after the sale was logged; writing it again", first);
            try {
                c.rollback();
                replay(c, record);
            } catch (SQLException | RuntimeException second) {
                unreplayed = record;
                first.addSuppressed(second);
                throw first;
            }
        }
    }

    /** The receipt number printed for a journal entry: terminal id and the zero-padded seq. */
    public static String receiptNumber(String terminalId, long seq) {
        return String.format("%s-%08d", terminalId, seq);
    }

    @Override
    public void close() {
        writer.lock();
        try (Connection c = database.connection()) {
            checkpoint(c);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not checkpoint on close; the log will be replayed on next start: {}", e.getMessage());
        } finally {
            log.close();
            writer.unlock();
        }
    }

    /**
     * The sale is committed and logged: it must be confirmed whatever happens here, or the cashier would ring it
     * again. A failed checkpoint only leaves the log longer until the next one (replay skips what H2 holds).
     */
    private void checkpointAfterCommit(Connection c) {
        try {
            checkpoint(c);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("checkpoint failed; the write-ahead log keeps its sales until the next one: {}", e.toString());
        }
    }

    private void checkpoint(Connection c) throws SQLException {
        Database.forceToDisk(c);
        log.reset();
    }

    /** The record serializer; called by the constructor or with the writer lock held. */
    private ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper();
        }
        return json;
    }

    private void recover() {
        List<byte[]> pending = log.recoveredRecords();
        if (pending.isEmpty()) {
            return;
        }
        int replayed = 0;
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            for (byte[] bytes : pending) {
                SaleRecord record = json().readValue(bytes, SaleRecord.class);
                if (replay(c, record)) {
                    replayed++;
                }
            }
            c.setAutoCommit(true);
            checkpoint(c);
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot replay the write-ahead log", e);
        }
        LOG.info("write-ahead log: {} sale(s) checked, {} restored", pending.size(), replayed);
    }

    private boolean replay(Connection c, SaleRecord record) throws SQLException {
        JournalEntry entry = record.entry();
        String stored = journal.txnIdAt(c, entry.seq());
        if (stored != null) {
            if (!stored.equals(entry.txnId())) {
                throw new StorageException("journal and write-ahead log disagree at seq " + entry.seq(), null);
            }
            return false;
        }
        try {
            journal.insertNext(c, entry);
            insertSale(c, record);
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static SaleRecord toRecord(JournalEntry entry, Draft sale, String receiptNo) {
        List<SaleRecord.Line> lines = new ArrayList<>(sale.lines().size());
        for (CartLine line : sale.lines()) {
            lines.add(new SaleRecord.Line(line.product().id(), line.product().primaryBarcode(), line.product().name(),
                    line.product().unit().label(), line.isWeighed(), line.quantity(), line.unitPrice().fen(),
                    line.amount().fen(), line.costFen().isPresent() ? line.costFen().getAsLong() : null));
        }
        List<SaleRecord.TenderRow> tenders = new ArrayList<>(sale.tenders().size());
        for (Tender t : sale.tenders()) {
            tenders.add(new SaleRecord.TenderRow(t.method(), t.amount().fen(), t.tendered().fen(), t.reference()));
        }
        return new SaleRecord(entry, receiptNo, sale.cashier(), sale.totalFen(), sale.changeFen(), lines, tenders);
    }

    private static void insertSale(Connection c, SaleRecord sale) throws SQLException {
        String txnId = sale.entry().txnId();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sale (txn_id, receipt_no, cashier, total_fen, change_fen) VALUES (?,?,?,?,?)")) {
            s.setString(1, txnId);
            s.setString(2, sale.receiptNo());
            s.setString(3, sale.cashier());
            s.setLong(4, sale.totalFen());
            s.setLong(5, sale.changeFen());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sale_line (txn_id, line_no, product_id, barcode, "
                + "name, unit, weighed, quantity, unit_price_fen, amount_fen, cost_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            int lineNo = 1;
            for (SaleRecord.Line line : sale.lines()) {
                s.setString(1, txnId);
                s.setInt(2, lineNo++);
                s.setLong(3, line.productId());
                s.setString(4, line.barcode());
                s.setString(5, line.name());
                s.setString(6, line.unit());
                s.setBoolean(7, line.weighed());
                s.setLong(8, line.quantity());
                s.setLong(9, line.unitPriceFen());
                s.setLong(10, line.amountFen());
                if (line.costFen() == null) {
                    s.setNull(11, java.sql.Types.BIGINT);
                } else {
                    s.setLong(11, line.costFen());
                }
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sale_tender (txn_id, position, method, amount_fen, "
                + "tendered_fen, reference) VALUES (?,?,?,?,?,?)")) {
            int position = 1;
            for (SaleRecord.TenderRow t : sale.tenders()) {
                s.setString(1, txnId);
                s.setInt(2, position++);
                s.setString(3, t.method().name());
                s.setLong(4, t.amountFen());
                s.setLong(5, t.tenderedFen());
                s.setString(6, t.reference());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
