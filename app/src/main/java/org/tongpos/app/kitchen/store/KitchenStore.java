package org.tongpos.app.kitchen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.tongpos.app.kitchen.domain.CostPerMeal;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.kitchen.domain.StockMoveKind;
import org.tongpos.app.storage.StorageException;

/** SQL of kitchen stock: suppliers, items, movements, levels, and the cost per meal against canteen_meal. */
public final class KitchenStore {

    private final DataSource dataSource;

    public KitchenStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A movement to record. */
    public record Move(long itemId, StockMoveKind kind, LocalDate businessDate, String period, long quantityMilli,
                       long valueFen, Long unitPriceFen, Long supplierId, String reason, String operator,
                       OffsetDateTime recordedAt) {
    }

    public Optional<Long> supplierId(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM stock_supplier WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Every supplier's name, in order. */
    public List<String> supplierNames() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name FROM stock_supplier ORDER BY name")) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new StorageException("cannot read the suppliers", e);
        }
    }

    public long addSupplier(Connection c, String name, String contact) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO stock_supplier (name, contact) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, name);
            s.setString(2, contact);
            s.executeUpdate();
            try (ResultSet r = s.getGeneratedKeys()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    public Optional<Long> itemId(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM stock_item WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    public void addItem(Connection c, String code, String name, String unit, long perMealMilli, long lowMilli)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO stock_item (code, name, unit, per_meal_milli, "
                + "low_milli) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, code);
            s.setString(2, name);
            s.setString(3, unit);
            s.setLong(4, perMealMilli);
            s.setLong(5, lowMilli);
            s.executeUpdate();
        }
    }

    /**
     * On hand (thousandths) and its value (fen) of an item now, within the caller's transaction: its movements and, for
     * a product, its sales and returns posted from the journal.
     */
    public long[] onHand(Connection c, long itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(q), 0), COALESCE(SUM(v), 0) FROM ("
                + "SELECT quantity_milli q, value_fen v FROM stock_move WHERE item_id = ? UNION ALL "
                + "SELECT quantity_milli, value_fen FROM stock_sale_post WHERE item_id = ?)")) {
            s.setLong(1, itemId);
            s.setLong(2, itemId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    /** The unit price of the item's last purchase, if it had one. */
    public OptionalLong lastPrice(Connection c, long itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT unit_price_fen FROM stock_move WHERE item_id = ? "
                + "AND kind = 'IN' ORDER BY id DESC LIMIT 1")) {
            s.setLong(1, itemId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    public void insert(Connection c, Move m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO stock_move (item_id, kind, business_date, period, "
                + "quantity_milli, value_fen, unit_price_fen, supplier_id, reason, operator, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, m.itemId());
            s.setString(2, m.kind().name());
            s.setObject(3, m.businessDate());
            s.setString(4, m.period());
            s.setLong(5, m.quantityMilli());
            s.setLong(6, m.valueFen());
            if (m.unitPriceFen() == null) {
                s.setNull(7, Types.BIGINT);
            } else {
                s.setLong(7, m.unitPriceFen());
            }
            if (m.supplierId() == null) {
                s.setNull(8, Types.BIGINT);
            } else {
                s.setLong(8, m.supplierId());
            }
            s.setString(9, m.reason());
            s.setString(10, m.operator());
            s.setObject(11, m.recordedAt());
            s.executeUpdate();
        }
    }

    /** Every item (kitchen items and products) with its stock on hand and value, by code. */
    public List<StockLevel> levels() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT i.code, i.name, i.unit, COALESCE(m.q, 0) + COALESCE(p.q, 0), COALESCE(m.v, 0) + COALESCE(p.v, 0), "
                        + "i.low_milli, i.per_meal_milli, i.product_id IS NOT NULL, COALESCE((SELECT s.name "
                        + "FROM stock_move b JOIN stock_supplier s ON s.id = b.supplier_id WHERE b.item_id = i.id "
                        + "AND b.kind = 'IN' ORDER BY b.id DESC LIMIT 1), '') FROM stock_item i "
                        + "LEFT JOIN (SELECT item_id, SUM(quantity_milli) q, SUM(value_fen) v FROM stock_move "
                        + "GROUP BY item_id) m ON m.item_id = i.id "
                        + "LEFT JOIN (SELECT item_id, SUM(quantity_milli) q, SUM(value_fen) v FROM stock_sale_post "
                        + "GROUP BY item_id) p ON p.item_id = i.id ORDER BY i.code")) {
            List<StockLevel> levels = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    levels.add(new StockLevel(r.getString(1), r.getString(2), r.getString(3), r.getLong(4),
                            r.getLong(5), r.getLong(6), r.getLong(7), r.getBoolean(8), r.getString(9)));
                }
            }
            return levels;
        } catch (SQLException e) {
            throw new StorageException("cannot read the stock levels", e);
        }
    }

    /**
     * Value issued and meals served per day and period in the range, and per day in total (period ""), in date
     * order, the day's total first.
     */
    public List<CostPerMeal> costPerMeal(LocalDate from, LocalDate to) {
        Map<String, long[]> byKey = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT business_date, period, -SUM(value_fen) "
                    + "FROM stock_move WHERE kind = 'ISSUE' AND business_date BETWEEN ? AND ? "
                    + "GROUP BY business_date, period")) {
                s.setObject(1, from);
                s.setObject(2, to);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        add(byKey, r.getString(1), r.getString(2), r.getLong(3), 0);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT business_date, period, COUNT(*) FROM canteen_meal "
                    + "WHERE NOT refunded AND business_date BETWEEN ? AND ? GROUP BY business_date, period")) {
                s.setObject(1, from);
                s.setObject(2, to);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        add(byKey, r.getString(1), r.getString(2), 0, r.getLong(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the cost per meal", e);
        }
        List<CostPerMeal> rows = new ArrayList<>();
        byKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] key = e.getKey().split("\t", -1);
            rows.add(new CostPerMeal(key[0], key[1], e.getValue()[0], e.getValue()[1]));
        });
        return rows;
    }

    /** Meals served (not refunded) by day and period in the range. */
    public Map<LocalDate, Map<String, Long>> mealsByDayAndPeriod(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> meals = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT business_date, period, COUNT(*) FROM canteen_meal WHERE NOT refunded "
                        + "AND business_date BETWEEN ? AND ? GROUP BY business_date, period")) {
            s.setObject(1, from);
            s.setObject(2, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    meals.computeIfAbsent(r.getObject(1, LocalDate.class), k -> new java.util.TreeMap<>())
                            .put(r.getString(2), r.getLong(3));
                }
            }
            return meals;
        } catch (SQLException e) {
            throw new StorageException("cannot read the meals served", e);
        }
    }

    private static void add(Map<String, long[]> byKey, String date, String period, long fen, long meals) {
        for (String p : period.isEmpty() ? List.of("") : List.of("", period)) {
            long[] sum = byKey.computeIfAbsent(date + "\t" + p, k -> new long[2]);
            sum[0] += fen;
            sum[1] += meals;
        }
    }
}
