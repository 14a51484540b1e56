package org.tongpos.app.catalog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductSearch;
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

    /** How many products there are. */
    public int count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM product")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StorageException("cannot count the catalog", e);
        }
    }

    /**
     * The product with this barcode, by an indexed query; a 12-digit UPC-A code also finds its 13-digit form and a
     * 13-digit code with a leading zero its 12-digit form, as {@link org.tongpos.app.catalog.domain.ProductIndex} does.
     */
    public Optional<Product> findByBarcode(String barcode) {
        try (Connection c = dataSource.getConnection()) {
            return findByBarcode(c, barcode);
        } catch (SQLException e) {
            throw new StorageException("cannot look up barcode " + barcode, e);
        }
    }

    /** The product with this PLU (leading zeros ignored), by an indexed query. */
    public Optional<Product> findByPlu(String plu) {
        try (Connection c = dataSource.getConnection()) {
            return findByPlu(c, plu);
        } catch (SQLException e) {
            throw new StorageException("cannot look up PLU " + plu, e);
        }
    }

    /**
     * The search of {@link ProductSearch} without the catalog in memory: the exact codes by indexed queries, then one
     * pass over names, initials and primary barcodes in catalog order (no product is built for a row that does not
     * match; for digits, only the rows that can match reach Java), then the best hits by id. Gives what {@link org.tongpos.app.catalog.domain.ProductIndex#search} gives.
     */
    public List<Product> search(String text, int limit) {
        ProductSearch search = ProductSearch.of(text);
        if (search == null || limit <= 0) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            List<Product> result = new ArrayList<>();
            findByBarcode(c, search.code()).ifPresent(result::add);
            findByPlu(c, search.code()).filter(p -> !result.contains(p)).ifPresent(result::add);
            if (result.size() >= limit) {
                return result.subList(0, limit);
            }
            Set<Long> exact = new HashSet<>();
            result.forEach(p -> exact.add(p.id()));
            ProductSearch.BestHits best = new ProductSearch.BestHits(limit);
            boolean names = search.searchesNames(!result.isEmpty());
            try (PreparedStatement s = names ? candidates(c, search.code()) : longerCodes(c, search.code());
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = ProductSearch.searchName(rs.getString(2));
                    String primary = rs.getString(4);
                    String code = primary == null ? "" : ProductSearch.searchCode(primary);
                    int rank = names ? search.rank(rs.getString(3), name, code) : search.rankByCode(code);
                    long id = rs.getLong(1);
                    if (rank != ProductSearch.NO_MATCH && !exact.contains(id)) {
                        best.offer(id, rank, name);
                    }
                }
            }
            for (long id : best.inOrder()) {
                if (result.size() >= limit) {
                    break;
                }
                byId(c, id).ifPresent(result::add);
            }
            return result;
        } catch (SQLException e) {
            throw new StorageException("cannot search the catalog", e);
        }
    }

    /**
     * The rows the search ranks, in catalog order: every product for a text; for digits (a code, typed or scanned)
     * only those whose name or initials contain them or whose primary barcode starts with them, found by H2 without a
     * row reaching Java otherwise. No other product can match digits: lowercase turns no other character into a digit.
     */
    private static PreparedStatement candidates(Connection c, String code) throws SQLException {
        String columns = "SELECT p.id, p.name, p.initials, b.barcode FROM product p LEFT JOIN product_barcode b "
                + "ON b.product_id = p.id AND b.position = 0";
        if (!code.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return c.prepareStatement(columns + " ORDER BY p.id");
        }
        String byCode = code.length() >= 4
                ? " UNION SELECT product_id FROM product_barcode WHERE position = 0 AND barcode LIKE ?" : "";
        PreparedStatement s = c.prepareStatement(columns + " WHERE p.id IN (SELECT id FROM product WHERE name LIKE ? "
                + "OR initials LIKE ?" + byCode + ") ORDER BY p.id");
        s.setString(1, "%" + code + "%");
        s.setString(2, "%" + code + "%");
        if (!byCode.isEmpty()) {
            s.setString(3, code + "%");
        }
        return s;
    }

    /** The products whose primary barcode starts with a full code (digits), by the barcode index, in catalog order. */
    private static PreparedStatement longerCodes(Connection c, String code) throws SQLException {
        PreparedStatement s = c.prepareStatement("SELECT p.id, p.name, p.initials, b.barcode FROM product_barcode b "
                + "JOIN product p ON p.id = b.product_id WHERE b.barcode LIKE ? AND b.position = 0 ORDER BY p.id");
        s.setString(1, code + "%");
        return s;
    }

    private static Optional<Product> findByBarcode(Connection c, String barcode) throws SQLException {
        Optional<Product> found = byBarcodeExactly(c, barcode);
        if (found.isEmpty() && barcode.length() == 12) {
            found = byBarcodeExactly(c, Gtin.normalize(barcode));
        } else if (found.isEmpty() && barcode.length() == 13 && barcode.startsWith("0")) {
            found = byBarcodeExactly(c, barcode.substring(1));
        }
        return found;
    }

    private static Optional<Product> byBarcodeExactly(Connection c, String barcode) throws SQLException {
        return byIdOf(c, "SELECT product_id FROM product_barcode WHERE barcode = ?", barcode);
    }

    private static Optional<Product> findByPlu(Connection c, String plu) throws SQLException {
        return byIdOf(c, "SELECT id FROM product WHERE plu_key = ?", Product.normalizePlu(plu));
    }

    private static Optional<Product> byIdOf(Connection c, String idQuery, String key) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(idQuery)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
            }
        }
        return byId(c, id);
    }

    private static Optional<Product> byId(Connection c, long id) throws SQLException {
        List<String> barcodes = new ArrayList<>(1);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT barcode FROM product_barcode WHERE product_id = ? ORDER BY position")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    barcodes.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT plu, name, category, unit, weighed, price_fen, cost_fen, initials FROM product WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long cost = rs.getLong(7);
                Optional<Money> costMoney = rs.wasNull() ? Optional.empty() : Optional.of(Money.ofFen(cost));
                return Optional.of(new Product(id, barcodes, rs.getString(1), rs.getString(2), rs.getString(3),
                        new ProductUnit(rs.getString(4), rs.getBoolean(5)), Money.ofFen(rs.getLong(6)), costMoney,
                        rs.getString(8)));
            }
        }
    }

    /** Counts of a save: products added, products updated, and products whose row changed nothing (not written). */
    public record UpsertResult(int added, int updated, int unchanged) {
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
        try (Upsert upsert = beginUpsert(KeepStored.NOTHING)) {
            for (Product p : incoming) {
                upsert.write(p);
            }
            return upsert.commit();
        }
    }

    /**
     * What a save keeps of a product it updates (found by its first barcode as the till's lookup finds it, before the
     * save): its stored PLU and/or cost, for a file that does not have those columns.
     */
    public record KeepStored(boolean plu, boolean cost) {
        public static final KeepStored NOTHING = new KeepStored(false, false);

        boolean any() {
            return plu || cost;
        }
    }

    /**
     * Starts a save that takes its products one at a time (an import streams its file through it): the rules of
     * {@link #upsertAll}, in one transaction that {@link Upsert#commit()} commits and {@link Upsert#close()} rolls back
     * when it was not committed. Writes go to H2 in JDBC batches of {@value PendingWrites#BATCH} products; a product
     * whose row would store exactly what is stored is not written. Memory holds the catalog as stored (to compare)
     * and the codes, plus one batch of products.
     */
    public Upsert beginUpsert(KeepStored keep) {
        try {
            return new Upsert(dataSource.getConnection(), keep);
        } catch (SQLException e) {
            throw new StorageException("cannot save the catalog", e);
        }
    }

    /** A save in progress; see {@link #beginUpsert}. */
    public static final class Upsert implements AutoCloseable {
        private final Connection c;
        private final KeepStored keep;
        private final StoredCatalog stored;
        private final CodeOwners owners;
        private final PendingWrites pending;
        /** Products this save has written or found unchanged (their stored barcodes are already replaced or kept). */
        private final Set<Long> touched = new HashSet<>();
        private int row;
        private int added;
        private int updated;
        private int unchanged;
        private boolean done;

        private Upsert(Connection c, KeepStored keep) {
            this.c = c;
            this.keep = keep;
            try {
                c.setAutoCommit(false);
                stored = StoredCatalog.load(c);
                owners = new CodeOwners(stored);
                pending = new PendingWrites(c);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c);
                throw e instanceof SQLException sql ? new StorageException("cannot save the catalog", sql)
                        : (RuntimeException) e;
            }
        }

        /**
         * Takes the next product (not yet committed; written with its batch).
         *
         * @throws CodeTakenException when it would take another product's barcode or PLU (its {@code index} counts
         *                            the products written in this save from 0); commit nothing after that
         */
        public void write(Product incoming) {
            try {
                Product p = keepStored(incoming);
                Long existing = owners.productUpdatedBy(p);
                if (existing != null && existing < 0) { // a product of this batch, not inserted yet
                    flush();
                    existing = owners.productUpdatedBy(p);
                }
                owners.refuseTakenCodes(row, p, existing, this::nameOf);
                if (existing == null) {
                    owners.assign(pending.insert(p), p);
                    added++;
                } else if (!touched.contains(existing) && unchanged(existing, p)) {
                    touched.add(existing);
                    unchanged++;
                } else {
                    pending.update(existing, p);
                    writeCodes(existing, p);
                    owners.assign(existing, p);
                    updated++;
                }
                row++;
                if (pending.full()) {
                    flush();
                }
            } catch (SQLException e) {
                throw new StorageException("cannot save the catalog", e);
            }
        }

        /** Commits everything written and forces it to disk. */
        public UpsertResult commit() {
            try {
                flush();
                c.commit();
                done = true;
                Database.forceToDisk(c);
                return new UpsertResult(added, updated, unchanged);
            } catch (SQLException e) {
                throw new StorageException("cannot save the catalog", e);
            }
        }

        /** Rolls back unless committed, and gives the connection back. */
        @Override
        public void close() {
            try {
                if (!done) {
                    c.rollback();
                }
                pending.close();
            } catch (SQLException e) {
                throw new StorageException("cannot roll back the catalog", e);
            } finally {
                closeQuietly(c);
            }
        }

        /**
         * The first write of a stored product replaces its stored barcodes (unless they are the same); a later one
         * adds to those this save gave it.
         */
        private void writeCodes(long id, Product p) throws SQLException {
            if (!touched.add(id)) {
                pending.addCodes(id, p);
            } else {
                StoredCatalog.Stored before = stored.byId(id);
                if (before == null || !before.barcodes().equals(p.barcodes())) {
                    pending.replaceCodes(id, p);
                }
            }
        }

        private boolean unchanged(long id, Product p) {
            StoredCatalog.Stored before = stored.byId(id);
            return before != null && before.sameAs(p);
        }

        private void flush() throws SQLException {
            pending.flush((placeholder, id, p) -> {
                owners.replace(placeholder, id, p);
                touched.add(id);
            });
        }

        /** The name of the product that has a code, as this save has it so far (for the message that refuses it). */
        private String nameOf(long id) {
            if (id < 0) {
                return pending.nameOf(id);
            }
            try {
                flush();
                try (PreparedStatement s = c.prepareStatement("SELECT name FROM product WHERE id = ?")) {
                    s.setLong(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "#" + id;
                    }
                }
            } catch (SQLException e) {
                throw new StorageException("cannot save the catalog", e);
            }
        }

        /** The product with the PLU and cost the file leaves out taken from the product it updates, as stored. */
        private Product keepStored(Product p) {
            if (!keep.any() || p.barcodes().isEmpty()) {
                return p;
            }
            StoredCatalog.Stored before = stored.byLookup(p.primaryBarcode());
            if (before == null) {
                return p;
            }
            return new Product(p.id(), p.barcodes(), keep.plu() ? before.plu() : p.plu(), p.name(), p.category(),
                    p.unit(), p.price(), keep.cost() ? before.cost() : p.cost(), p.initials());
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the pool takes it back or drops it
            }
        }
    }
}
