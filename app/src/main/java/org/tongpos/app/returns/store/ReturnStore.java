package org.tongpos.app.returns.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.returns.domain.NoReceiptLine;
import org.tongpos.app.returns.domain.OriginalSale;
import org.tongpos.app.storage.StorageException;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/** Returns: the original sale with what is left of it, and what each return took back. */
public final class ReturnStore {

    private final DataSource dataSource;

    public ReturnStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a return took back of one line of the original. */
    public record ReturnedLine(int lineNo, long quantity, long amountFen) {
    }

    public Optional<OriginalSale> byReceipt(String receiptNo) {
        try (Connection c = dataSource.getConnection()) {
            return byReceipt(c, receiptNo);
        } catch (SQLException e) {
            throw new StorageException("cannot read receipt " + receiptNo, e);
        }
    }

    /** The sale with that receipt number as {@code c} sees it (inside a return's transaction: the final check). */
    public Optional<OriginalSale> byReceipt(Connection c, String receiptNo) throws SQLException {
        String txnId;
        long seq;
        long total;
        try (PreparedStatement s = c.prepareStatement("SELECT s.txn_id, j.seq, s.total_fen FROM sale s "
                + "JOIN journal j ON j.txn_id = s.txn_id WHERE s.receipt_no = ?")) {
            s.setString(1, receiptNo);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                txnId = rs.getString(1);
                seq = rs.getLong(2);
                total = rs.getLong(3);
            }
        }
        List<OriginalSale.Line> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.line_no, l.barcode, l.name, l.weighed, l.quantity, "
                + "l.amount_fen, COALESCE(SUM(r.quantity), 0), COALESCE(SUM(r.amount_fen), 0) FROM sale_line l "
                + "LEFT JOIN sale_return sr ON sr.original_txn_id = l.txn_id "
                + "LEFT JOIN sale_return_line r ON r.refund_txn_id = sr.refund_txn_id AND r.line_no = l.line_no "
                + "WHERE l.txn_id = ? GROUP BY l.line_no, l.barcode, l.name, l.weighed, l.quantity, l.amount_fen "
                + "ORDER BY l.line_no")) {
            s.setString(1, txnId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(new OriginalSale.Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                }
            }
        }
        Map<TenderMethod, Long> refunded = new EnumMap<>(TenderMethod.class);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT tenders FROM journal WHERE kind = 'REFUND' AND original_txn_id = ?")) {
            s.setString(1, txnId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (EntryTender t : JournalStore.TenderText.parse(rs.getString(1))) {
                        refunded.merge(t.method(), t.amountFen(), Long::sum);
                    }
                }
            }
        }
        List<OriginalSale.TenderLeft> tenders = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT method, amount_fen, reference FROM sale_tender WHERE txn_id = ? ORDER BY position")) {
            s.setString(1, txnId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    TenderMethod method = TenderMethod.valueOf(rs.getString(1));
                    tenders.add(new OriginalSale.TenderLeft(method, rs.getLong(2), rs.getString(3),
                            refunded.getOrDefault(method, 0L)));
                }
            }
        }
        return Optional.of(new OriginalSale(txnId, receiptNo, seq, total, lines, tenders));
    }

    /** Records a return (the caller has appended its REFUND entry in the same transaction). */
    public void insert(Connection c, String refundTxnId, String originalTxnId, String cashier, String approver,
                       String reason, List<ReturnedLine> lines) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sale_return (refund_txn_id, original_txn_id, "
                + "cashier, approver, reason) VALUES (?,?,?,?,?)")) {
            s.setString(1, refundTxnId);
            s.setString(2, originalTxnId);
            s.setString(3, cashier);
            s.setString(4, approver);
            s.setString(5, reason);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sale_return_line (refund_txn_id, line_no, quantity, amount_fen) VALUES (?,?,?,?)")) {
            for (ReturnedLine line : lines) {
                s.setString(1, refundTxnId);
                s.setInt(2, line.lineNo());
                s.setLong(3, line.quantity());
                s.setLong(4, line.amountFen());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Records a return without a receipt (the caller has appended its REFUND entry in the same transaction). */
    public void insertWithoutReceipt(Connection c, String refundTxnId, String cashier, String approver, String reason,
                                     List<NoReceiptLine> lines) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO no_receipt_return (refund_txn_id, cashier, approver, reason) VALUES (?,?,?,?)")) {
            s.setString(1, refundTxnId);
            s.setString(2, cashier);
            s.setString(3, approver);
            s.setString(4, reason);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO no_receipt_return_line (refund_txn_id, line_no, "
                + "product_id, barcode, name, quantity, amount_fen) VALUES (?,?,?,?,?,?,?)")) {
            int lineNo = 0;
            for (NoReceiptLine line : lines) {
                s.setString(1, refundTxnId);
                s.setInt(2, ++lineNo);
                s.setLong(3, line.productId());
                s.setString(4, line.barcode());
                s.setString(5, line.name());
                s.setLong(6, line.units());
                s.setLong(7, line.amountFen());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The out_refund_no chosen earlier for this request, if any. */
    public Optional<String> outRefundNo(String requestKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT out_refund_no FROM return_code_refund WHERE request_key = ?")) {
            s.setString(1, requestKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the refund numbers", e);
        }
    }

    public void saveOutRefundNo(Connection c, String requestKey, String outRefundNo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO return_code_refund (request_key, out_refund_no) VALUES (?,?)")) {
            s.setString(1, requestKey);
            s.setString(2, outRefundNo);
            s.executeUpdate();
        }
    }
}
