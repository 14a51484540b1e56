package org.tongpos.app.catalog.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
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
     * when it was not committed. Memory holds the catalog's codes, not the products written.
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
        private static final int BATCH = 1000;

        private final Connection c;
        private final KeepStored keep;
        private final CodeOwners owners;
        private final Map<String, Long> storedIdByBarcode;
        private final Map<Long, StoredCodes> storedCodes;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final PreparedStatement deleteCodes;
        private final PreparedStatement insertCode;
        /** Products this save has written (their stored barcodes are already replaced). */
        private final Set<Long> touched = new HashSet<>();
        private int row;
        private int batched;
        private int added;
        private int updated;
        private boolean done;

        private Upsert(Connection c, KeepStored keep) {
            this.c = c;
            this.keep = keep;
            try {
                c.setAutoCommit(false);
                owners = CodeOwners.load(c);
                storedIdByBarcode = keep.any() ? new HashMap<>(owners.idByBarcode) : Map.of();
                storedCodes = keep.any() ? StoredCodes.load(c) : Map.of();
                insert = c.prepareStatement("INSERT INTO product (plu, name, category, unit, weighed, price_fen, "
                        + "cost_fen, initials) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
                update = c.prepareStatement("UPDATE product SET plu=?, name=?, category=?, unit=?, weighed=?, "
                        + "price_fen=?, cost_fen=?, initials=? WHERE id=?");
                deleteCodes = c.prepareStatement("DELETE FROM product_barcode WHERE product_id=?");
                insertCode = c.prepareStatement("INSERT INTO product_barcode (barcode, product_id, position) VALUES (?,?,?)");
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c);
                throw e instanceof SQLException sql ? new StorageException("cannot save the catalog", sql)
                        : (RuntimeException) e;
            }
        }

        /**
         * Writes the next product (not yet committed).
         *
         * @throws CodeTakenException when it would take another product's barcode or PLU (its {@code index} counts
         *                            the products written in this save from 0); commit nothing after that
         */
        public void write(Product incoming) {
            try {
                Product p = keepStored(incoming);
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
                    if (!touched.contains(id)) { // its stored codes go; codes this save gave it stay
                        deleteCodes.setLong(1, id);
                        deleteCodes.executeUpdate();
                    }
                    updated++;
                }
                for (int i = 0; i < p.barcodes().size(); i++) {
                    insertCode.setString(1, p.barcodes().get(i));
                    insertCode.setLong(2, id);
                    insertCode.setInt(3, i);
                    insertCode.addBatch();
                    batched++;
                }
                if (batched >= BATCH) {
                    flushCodes();
                }
                owners.assign(id, p);
                touched.add(id);
                row++;
            } catch (SQLException e) {
                throw new StorageException("cannot save the catalog", e);
            }
        }

        /** Commits everything written and forces it to disk. */
        public UpsertResult commit() {
            try {
                flushCodes();
                c.commit();
                done = true;
                Database.forceToDisk(c);
                return new UpsertResult(added, updated);
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
            } catch (SQLException e) {
                throw new StorageException("cannot roll back the catalog", e);
            } finally {
                closeQuietly(c);
            }
        }

        private void flushCodes() throws SQLException {
            if (batched > 0) {
                insertCode.executeBatch();
                batched = 0;
            }
        }

        /** The product with the PLU and cost the file leaves out taken from the product it updates, as stored. */
        private Product keepStored(Product p) {
            if (!keep.any() || p.barcodes().isEmpty()) {
                return p;
            }
            String barcode = p.primaryBarcode();
            Long id = storedIdByBarcode.get(barcode);
            if (id == null && barcode.length() == 12) {
                id = storedIdByBarcode.get(Gtin.normalize(barcode));
            } else if (id == null && barcode.length() == 13 && barcode.startsWith("0")) {
                id = storedIdByBarcode.get(barcode.substring(1));
            }
            StoredCodes stored = id == null ? null : storedCodes.get(id);
            if (stored == null) {
                return p;
            }
            return new Product(p.id(), p.barcodes(), keep.plu() ? stored.plu() : p.plu(), p.name(), p.category(),
                    p.unit(), p.price(), keep.cost() ? stored.cost() : p.cost(), p.initials());
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the pool takes it back or drops it
            }
        }
    }

    /** A stored product's PLU and cost, as a save that keeps them reads them before it writes. */
    private record StoredCodes(String plu, Optional<Money> cost) {
        static Map<Long, StoredCodes> load(Connection c) throws SQLException {
            Map<Long, StoredCodes> stored = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, plu, cost_fen FROM product")) {
                while (rs.next()) {
                    long cost = rs.getLong(3);
                    stored.put(rs.getLong(1), new StoredCodes(rs.getString(2),
                            rs.wasNull() ? Optional.empty() : Optional.of(Money.ofFen(cost))));
                }
            }
            return stored;
        }
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
