package org.tongpos.app.catalog.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.money.domain.Money;

/**
 * The catalog as stored when a save starts, read in two queries: which product each barcode names, and each
 * product's fields, so that a save can keep the PLU and cost a file leaves out and skip a row that changes nothing.
 */
final class StoredCatalog {

    /** A product's fields as stored; barcodes in order. */
    record Stored(List<String> barcodes, String plu, String name, String category, String unit, boolean weighed,
                  long priceFen, Optional<Money> cost, String initials) {

        /** Whether writing {@code p} over this product would store exactly what is there. */
        boolean sameAs(Product p) {
            return priceFen == p.price().fen() && name.equals(p.name()) && barcodes.equals(p.barcodes())
                    && plu.equals(p.plu()) && category.equals(p.category()) && unit.equals(p.unit().label())
                    && weighed == p.unit().weighed() && cost.equals(p.cost()) && initials.equals(p.initials());
        }
    }

    private final Map<String, Long> idByBarcode;
    private final Map<Long, Stored> byId;

    private StoredCatalog(Map<String, Long> idByBarcode, Map<Long, Stored> byId) {
        this.idByBarcode = idByBarcode;
        this.byId = byId;
    }

    static StoredCatalog load(Connection c) throws SQLException {
        Map<String, Long> idByBarcode = new HashMap<>();
        Map<Long, SortedMap<Integer, String>> barcodes = new HashMap<>();
        Map<Long, Stored> byId = new HashMap<>();
        Map<String, String> shared = new HashMap<>(); // categories and units repeat: one String each
        try (Statement s = c.createStatement()) {
            // in no order: an ORDER BY would make H2 sort every row into a temporary result first
            try (ResultSet rs = s.executeQuery("SELECT product_id, barcode, position FROM product_barcode")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String barcode = rs.getString(2);
                    idByBarcode.put(barcode, id);
                    barcodes.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getInt(3), barcode);
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT id, plu, name, category, unit, weighed, price_fen, cost_fen, initials FROM product")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long cost = rs.getLong(8);
                    Optional<Money> costMoney = rs.wasNull() ? Optional.empty() : Optional.of(Money.ofFen(cost));
                    SortedMap<Integer, String> codes = barcodes.remove(id);
                    List<String> codeList = codes == null ? List.of() : List.copyOf(codes.values());
                    String category = shared.computeIfAbsent(rs.getString(4), k -> k);
                    String unit = shared.computeIfAbsent(rs.getString(5), k -> k);
                    byId.put(id, new Stored(codeList, rs.getString(2), rs.getString(3), category, unit,
                            rs.getBoolean(6), rs.getLong(7), costMoney, rs.getString(9)));
                }
            }
        }
        return new StoredCatalog(idByBarcode, byId);
    }

    /** The stored product with this barcode, or null. */
    Long idByBarcode(String barcode) {
        return idByBarcode.get(barcode);
    }

    /** The stored product the till's lookup finds by this barcode (UPC-A and EAN-13 forms alike), or null. */
    Stored byLookup(String barcode) {
        Long id = idByBarcode.get(barcode);
        if (id == null && barcode.length() == 12) {
            id = idByBarcode.get(Gtin.normalize(barcode));
        } else if (id == null && barcode.length() == 13 && barcode.startsWith("0")) {
            id = idByBarcode.get(barcode.substring(1));
        }
        return id == null ? null : byId.get(id);
    }

    Stored byId(long id) {
        return byId.get(id);
    }

    /** Every stored product's PLU (non-empty only), by product id. */
    Map<Long, String> plus() {
        Map<Long, String> plus = new HashMap<>();
        byId.forEach((id, stored) -> {
            if (!stored.plu().isEmpty()) {
                plus.put(id, stored.plu());
            }
        });
        return plus;
    }
}
