package org.tongpos.app.catalog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;

/** Products and their barcodes in the terminal's database. */
public final class ProductStore {

    private final DataSource dataSource;

    public ProductStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every product with its barcodes in order. */
    public List<Product> loadAll() {
        Map<Long, List<String>> barcodes = new HashMap<>();
        Map<Long, Product> products = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT product_id, barcode FROM product_barcode ORDER BY product_id, position")) {
                while (rs.next()) {
                    barcodes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(1)).add(rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT id, plu, name, category, unit, weighed, price_fen, cost_fen, initials FROM product ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long cost = rs.getLong(8);
                    Optional<Money> costMoney = rs.wasNull() ? Optional.empty() : Optional.of(Money.ofFen(cost));
                    products.put(id, new Product(id, barcodes.getOrDefault(id, List.of()), rs.getString(2),
                            rs.getString(3), rs.getString(4), new ProductUnit(rs.getString(5), rs.getBoolean(6)),
                            Money.ofFen(rs.getLong(7)), costMoney, rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot load the catalog", e);
        }
        return new ArrayList<>(products.values());
    }

    /** Counts of an import: products added and products updated. */
    public record UpsertResult(int added, int updated) {
    }

    /**
     * Adds or updates products in one transaction. A product whose first barcode (or, without barcodes, whose PLU)
     * is already known updates that product; its barcode list is replaced. A barcode or PLU belongs to one product:
     * a product may keep its own, but not take another's. Either all rows are written or none, and they are on disk
     * when this returns.
     *
     * @throws CodeTakenException when a product would take another product's barcode or PLU; nothing is written then
     */
    public UpsertResult upsertAll(List<Product> incoming) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                UpsertResult result = upsert(c, incoming);
                c.commit();
                Database.forceToDisk(c);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot save the catalog", e);
        }
    }

    private UpsertResult upsert(Connection c, List<Product> incoming) throws SQLException {
        CodeOwners owners = CodeOwners.load(c);
        int added = 0;
        int updated = 0;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO product (plu, name, category, unit, weighed, price_fen, cost_fen, initials) VALUES (?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement update = c.prepareStatement(
                     "UPDATE product SET plu=?, name=?, category=?, unit=?, weighed=?, price_fen=?, cost_fen=?, initials=? WHERE id=?");
             PreparedStatement deleteCodes = c.prepareStatement("DELETE FROM product_barcode WHERE product_id=?");
             PreparedStatement insertCode = c.prepareStatement(
                     "INSERT INTO product_barcode (barcode, product_id, position) VALUES (?,?,?)")) {
            for (int row = 0; row < incoming.size(); row++) {
                Product p = incoming.get(row);
                Long existing = owners.productUpdatedBy(p);
                owners.refuseTakenCodes(c, row, p, existing);
                long id;
                if (existing == null) {
                    bindProduct(insert, p);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    added++;
                } else {
                    id = existing;
                    bindProduct(update, p);
                    update.setLong(9, id);
                    update.executeUpdate();
                    deleteCodes.setLong(1, id);
                    deleteCodes.executeUpdate();
                    updated++;
                }
                for (int i = 0; i < p.barcodes().size(); i++) {
                    insertCode.setString(1, p.barcodes().get(i));
                    insertCode.setLong(2, id);
                    insertCode.setInt(3, i);
                    insertCode.addBatch();
                }
                owners.assign(id, p);
            }
            insertCode.executeBatch();
        }
        return new UpsertResult(added, updated);
    }

    /** Which product each barcode and PLU belongs to, kept up to date while a save goes through its products. */
    private static final class CodeOwners {
        private final Map<String, Long> idByBarcode = new HashMap<>();
        private final Map<String, Long> idByPlu = new HashMap<>();
        private final Map<Long, String> pluById = new HashMap<>();

        static CodeOwners load(Connection c) throws SQLException {
            CodeOwners owners = new CodeOwners();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT barcode, product_id FROM product_barcode")) {
                    while (rs.next()) {
                        owners.idByBarcode.put(rs.getString(1), rs.getLong(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT plu, id FROM product WHERE plu <> ''")) {
                    while (rs.next()) {
                        owners.assignPlu(rs.getLong(2), rs.getString(1));
                    }
                }
            }
            return owners;
        }

        /** The stored product {@code p} updates (by its first barcode, or without barcodes by its PLU), or null. */
        Long productUpdatedBy(Product p) {
            return p.barcodes().isEmpty() ? pluOwner(p.plu()) : idByBarcode.get(p.primaryBarcode());
        }

        void refuseTakenCodes(Connection c, int row, Product p, Long updating) throws SQLException {
            for (String barcode : p.barcodes()) {
                Long owner = idByBarcode.get(barcode);
                if (owner != null && !owner.equals(updating)) {
                    throw new CodeTakenException(row, CodeTakenException.Kind.BARCODE, barcode, nameOf(c, owner));
                }
            }
            Long owner = pluOwner(p.plu());
            if (owner != null && !owner.equals(updating)) {
                throw new CodeTakenException(row, CodeTakenException.Kind.PLU, p.plu(), nameOf(c, owner));
            }
        }

        void assign(long id, Product p) {
            for (String barcode : p.barcodes()) {
                idByBarcode.put(barcode, id);
            }
            String previous = pluById.remove(id);
            if (previous != null) {
                idByPlu.remove(previous);
            }
            assignPlu(id, p.plu());
        }

        private void assignPlu(long id, String plu) {
            if (!plu.isEmpty()) {
                String key = Product.normalizePlu(plu);
                idByPlu.put(key, id);
                pluById.put(id, key);
            }
        }

        private Long pluOwner(String plu) {
            return plu.isEmpty() ? null : idByPlu.get(Product.normalizePlu(plu));
        }

        private static String nameOf(Connection c, long id) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM product WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "#" + id;
                }
            }
        }
    }

    private static void bindProduct(PreparedStatement s, Product p) throws SQLException {
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
}
