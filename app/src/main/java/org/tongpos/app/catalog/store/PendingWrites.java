package org.tongpos.app.catalog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.catalog.domain.Product;

/**
 * The writes of a save gathered into JDBC batches of about {@link #BATCH} products. {@link #flush()} runs them in an
 * order that keeps every constraint true at each step: the barcodes of updated products go first, then the updates,
 * then the inserts (their generated ids read back for the batch), then the new barcode rows.
 */
final class PendingWrites implements AutoCloseable {
    static final int BATCH = 1000;

    /** Told the id H2 gave each inserted product, in the order they were inserted. */
    interface Inserted {
        void inserted(long placeholder, long id, Product product);
    }

    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement deleteCodes;
    private final PreparedStatement insertCode;
    private final List<Product> inserts = new ArrayList<>();
    private long placeholders;
    private int rows;
    private int deletes;
    private int updates;
    private int codes;

    PendingWrites(Connection c) throws SQLException {
        insert = c.prepareStatement("INSERT INTO product (plu, name, category, unit, weighed, price_fen, "
                + "cost_fen, initials) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
        update = c.prepareStatement("UPDATE product SET plu=?, name=?, category=?, unit=?, weighed=?, "
                + "price_fen=?, cost_fen=?, initials=? WHERE id=?");
        deleteCodes = c.prepareStatement("DELETE FROM product_barcode WHERE product_id=?");
        insertCode = c.prepareStatement("INSERT INTO product_barcode (barcode, product_id, position) VALUES (?,?,?)");
    }

    /** A product to insert; returns the placeholder id (negative) it has until its batch is written. */
    long insert(Product p) throws SQLException {
        bind(insert, p);
        insert.addBatch();
        inserts.add(p);
        rows++;
        return -(++placeholders);
    }

    /** The name a product to insert will have, by its placeholder id, or null if it is not in this batch. */
    String nameOf(long placeholder) {
        int index = inserts.size() - (int) (placeholders + placeholder) - 1;
        return index >= 0 && index < inserts.size() ? inserts.get(index).name() : null;
    }

    /** An update of product {@code id}'s fields, its barcodes as they are. */
    void update(long id, Product p) throws SQLException {
        bind(update, p);
        update.setLong(9, id);
        update.addBatch();
        updates++;
        rows++;
    }

    /** Product {@code id}'s stored barcodes replaced by those of {@code p}. */
    void replaceCodes(long id, Product p) throws SQLException {
        deleteCodes.setLong(1, id);
        deleteCodes.addBatch();
        deletes++;
        addCodes(id, p);
    }

    /** The barcodes of {@code p} added to product {@code id}'s. */
    void addCodes(long id, Product p) throws SQLException {
        for (int i = 0; i < p.barcodes().size(); i++) {
            insertCode.setString(1, p.barcodes().get(i));
            insertCode.setLong(2, id);
            insertCode.setInt(3, i);
            insertCode.addBatch();
            codes++;
        }
    }

    boolean full() {
        return rows >= BATCH;
    }

    void flush(Inserted inserted) throws SQLException {
        if (deletes > 0) {
            deleteCodes.executeBatch();
        }
        if (updates > 0) {
            update.executeBatch();
        }
        if (!inserts.isEmpty()) {
            insert.executeBatch();
            long first = -(placeholders - inserts.size() + 1);
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (int i = 0; i < inserts.size(); i++) {
                    if (!keys.next()) {
                        throw new SQLException("H2 gave " + i + " generated keys for " + inserts.size() + " inserts");
                    }
                    long id = keys.getLong(1);
                    addCodes(id, inserts.get(i));
                    inserted.inserted(first - i, id, inserts.get(i));
                }
            }
        }
        if (codes > 0) {
            insertCode.executeBatch();
        }
        inserts.clear();
        rows = 0;
        deletes = 0;
        updates = 0;
        codes = 0;
    }

    private static void bind(PreparedStatement s, Product p) throws SQLException {
        s.setString(1, p.plu());
        s.setString(2, p.name());
        s.setString(3, p.category());
        s.setString(4, p.unit().label());
        s.setBoolean(5, p.unit().weighed());
        s.setLong(6, p.price().fen());
        if (p.cost().isPresent()) {
            s.setLong(7, p.cost().get().fen());
        } else {
            s.setNull(7, Types.BIGINT);
        }
        s.setString(8, p.initials());
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : List.of(insert, update, deleteCodes, insertCode)) {
            s.close();
        }
    }
}
