package org.tongpos.app.checkout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Records a completed sale durably: the journal entry, the sale, its lines and tenders in one transaction, then one
 * fsync. When {@link #record} returns, the sale survives a process crash and a power cut; when it throws, nothing of
 * the sale is stored.
 */
public final class SaleStore {

    private final Database database;
    private final JournalStore journal;
    private final ReentrantLock writer = new ReentrantLock();

    public SaleStore(Database database, JournalStore journal) {
        this.database = database;
        this.journal = journal;
    }

    /** A sale ready to be recorded; the journal gives it its {@code seq}. */
    public record Draft(String txnId, String occurredAt, String businessDate, String cashier, List<CartLine> lines,
                        long totalFen, List<Tender> tenders, long changeFen) {
    }

    /** Commits the sale and its journal entry, fsyncs, and returns the entry. */
    public JournalEntry record(Draft sale, String terminalId) {
        List<EntryTender> entryTenders = new ArrayList<>(sale.tenders().size());
        for (Tender t : sale.tenders()) {
            entryTenders.add(new EntryTender(t.method(), t.amount().fen(), t.reference()));
        }
        JournalStore.Draft entry = new JournalStore.Draft(sale.txnId(), EntryKind.SALE, sale.occurredAt(),
                sale.businessDate(), sale.totalFen(), entryTenders, "");
        writer.lock();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            JournalEntry written;
            try {
                written = journal.append(c, entry);
                insertSale(c, sale, receiptNumber(terminalId, written.seq()));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            Database.forceToDisk(c);
            return written;
        } catch (SQLException e) {
            throw new StorageException("cannot record the sale", e);
        } finally {
            writer.unlock();
        }
    }

    /** The receipt number printed for a journal entry: terminal id and the zero-padded seq. */
    public static String receiptNumber(String terminalId, long seq) {
        return String.format("%s-%08d", terminalId, seq);
    }

    private static void insertSale(Connection c, Draft sale, String receiptNo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sale (txn_id, receipt_no, cashier, total_fen, change_fen) VALUES (?,?,?,?,?)")) {
            s.setString(1, sale.txnId());
            s.setString(2, receiptNo);
            s.setString(3, sale.cashier());
            s.setLong(4, sale.totalFen());
            s.setLong(5, sale.changeFen());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sale_line (txn_id, line_no, product_id, barcode, "
                + "name, unit, weighed, quantity, unit_price_fen, amount_fen) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            int lineNo = 1;
            for (CartLine line : sale.lines()) {
                s.setString(1, sale.txnId());
                s.setInt(2, lineNo++);
                s.setLong(3, line.product().id());
                s.setString(4, line.product().primaryBarcode());
                s.setString(5, line.product().name());
                s.setString(6, line.product().unit().label());
                s.setBoolean(7, line.isWeighed());
                s.setLong(8, line.quantity());
                s.setLong(9, line.unitPrice().fen());
                s.setLong(10, line.amount().fen());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sale_tender (txn_id, position, method, amount_fen, "
                + "tendered_fen, reference) VALUES (?,?,?,?,?,?)")) {
            int position = 1;
            for (Tender t : sale.tenders()) {
                s.setString(1, sale.txnId());
                s.setInt(2, position++);
                s.setString(3, t.method().name());
                s.setLong(4, t.amount().fen());
                s.setLong(5, t.tendered().fen());
                s.setString(6, t.reference());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
