package org.tongpos.app.kitchen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL of the stock kept for supermarket products: the product a stock item stands for, and the sales and returns of
 * such items posted from the journal (stock_sale_post), up to the journal seq kept in stock_posting.
 */
public final class SalesPostingStore {

    /** A product found by one of its barcodes or its PLU. */
    public record ProductRef(long id, String name, String unit, boolean weighed) {
    }

    /** A line of a sale or return in the journal that moves a stock item; quantity in thousandths, sold negative. */
    public record PendingLine(long seq, int lineNo, long itemId, String kind, LocalDate businessDate,
                              long quantityMilli) {
    }

    public Optional<ProductRef> product(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT p.id, p.name, p.unit, p.weighed FROM product p "
                + "WHERE p.id = (SELECT product_id FROM product_barcode WHERE barcode = ?) "
                + "OR (p.plu = ? AND p.plu <> '') ORDER BY p.id LIMIT 1")) {
            s.setString(1, code);
            s.setString(2, code);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new ProductRef(r.getLong(1), r.getString(2), r.getString(3),
                        r.getBoolean(4))) : Optional.empty();
            }
        }
    }

    /** The stock item that stands for the product, if it has one. */
    public Optional<String> itemCodeOf(Connection c, long productId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT code FROM stock_item WHERE product_id = ?")) {
            s.setLong(1, productId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    public void link(Connection c, String itemCode, long productId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE stock_item SET product_id = ? WHERE code = ?")) {
            s.setLong(1, productId);
            s.setString(2, itemCode);
            s.executeUpdate();
        }
    }

    public void setLow(Connection c, long itemId, long lowMilli) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE stock_item SET low_milli = ? WHERE id = ?")) {
            s.setLong(1, lowMilli);
            s.setLong(2, itemId);
            s.executeUpdate();
        }
    }

    /** The journal seq posted up to, locked for the caller's transaction (one posting at a time). */
    public long lockCursor(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT journal_seq FROM stock_posting WHERE id = 1 FOR UPDATE");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    public void moveCursor(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE stock_posting SET journal_seq = ? WHERE id = 1")) {
            s.setLong(1, seq);
            s.executeUpdate();
        }
    }

    public long journalHead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM journal");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The lines after {@code afterSeq} up to {@code upTo} of sales (negative) and returns, with or without a receipt
     * (positive), of products that have a stock item, in journal order: pieces as thousandths, grams as thousandths of
     * a kilogram. A scale-priced line without a weight (0 g) moves nothing.
     */
    public List<PendingLine> pending(Connection c, long afterSeq, long upTo) throws SQLException {
        List<PendingLine> lines = new ArrayList<>();
        String quantity = "CASE WHEN %1$s THEN %2$s ELSE %2$s * 1000 END";
        read(c, "SELECT j.seq, l.line_no, i.id, 'SALE', j.business_date, -(" + quantity.formatted("l.weighed",
                "l.quantity") + ") FROM journal j JOIN sale_line l ON l.txn_id = j.txn_id "
                + "JOIN stock_item i ON i.product_id = l.product_id "
                + "WHERE j.seq > ? AND j.seq <= ? AND j.kind = 'SALE' AND l.quantity > 0", afterSeq, upTo, lines);
        read(c, "SELECT j.seq, rl.line_no, i.id, 'RETURN', j.business_date, " + quantity.formatted("l.weighed",
                "rl.quantity") + " FROM journal j JOIN sale_return r ON r.refund_txn_id = j.txn_id "
                + "JOIN sale_return_line rl ON rl.refund_txn_id = r.refund_txn_id "
                + "JOIN sale_line l ON l.txn_id = r.original_txn_id AND l.line_no = rl.line_no "
                + "JOIN stock_item i ON i.product_id = l.product_id "
                + "WHERE j.seq > ? AND j.seq <= ? AND j.kind = 'REFUND' AND rl.quantity > 0", afterSeq, upTo, lines);
        read(c, "SELECT j.seq, nl.line_no, i.id, 'RETURN', j.business_date, " + quantity.formatted("p.weighed",
                "nl.quantity") + " FROM journal j JOIN no_receipt_return_line nl ON nl.refund_txn_id = j.txn_id "
                + "JOIN product p ON p.id = nl.product_id JOIN stock_item i ON i.product_id = nl.product_id "
                + "WHERE j.seq > ? AND j.seq <= ? AND j.kind = 'REFUND' AND nl.quantity > 0", afterSeq, upTo, lines);
        lines.sort(java.util.Comparator.comparingLong(PendingLine::seq).thenComparingInt(PendingLine::lineNo));
        return lines;
    }

    private static void read(Connection c, String sql, long afterSeq, long upTo, List<PendingLine> into)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, afterSeq);
            s.setLong(2, upTo);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    into.add(new PendingLine(r.getLong(1), r.getInt(2), r.getLong(3), r.getString(4),
                            LocalDate.parse(r.getString(5)), r.getLong(6)));
                }
            }
        }
    }

    /** The cost recorded on the product a stock item stands for (fen per piece or per kg), 0 when none. */
    public long productCost(Connection c, long itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(p.cost_fen, 0) FROM stock_item i "
                + "JOIN product p ON p.id = i.product_id WHERE i.id = ?")) {
            s.setLong(1, itemId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    public void post(Connection c, PendingLine line, long valueFen) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO stock_sale_post (journal_seq, line_no, item_id, "
                + "kind, business_date, quantity_milli, value_fen) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, line.seq());
            s.setInt(2, line.lineNo());
            s.setLong(3, line.itemId());
            s.setString(4, line.kind());
            s.setObject(5, line.businessDate());
            s.setLong(6, line.quantityMilli());
            s.setLong(7, valueFen);
            s.executeUpdate();
        }
    }
}
