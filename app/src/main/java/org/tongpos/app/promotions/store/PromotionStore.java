package org.tongpos.app.promotions.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.OfferTender;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.Target;
import org.tongpos.app.promotions.domain.TargetType;
import org.tongpos.app.promotions.domain.TimeWindow;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;

/**
 * Promotions in the terminal's database, and the record of every change to them (who, when, what). A save of several
 * promotions is one transaction, on disk when it returns.
 */
public final class PromotionStore {

    private static final String COLUMNS = "id, name, kind, target_type, targets, get_targets, buy_qty, get_qty, "
            + "percent_off, price_fen, min_spend_fen, amount_off_fen, max_off_fen, stepped, mix, members_only, tender, "
            + "card_prefixes, daily_cap, date_from, date_to, weekdays, time_from, time_to, excl_group, exclusive_, "
            + "priority, active";

    private final DataSource dataSource;

    public PromotionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a save did: promotions added, changed, and given exactly as stored already. */
    public record SaveCounts(int added, int updated, int unchanged) {
    }

    /** One change to a promotion: when, by whom, what, and the promotion after it as an import row. */
    public record Change(String at, String by, String action, String promotionId, String row) {
    }

    public List<Promotion> loadAll() {
        return query("SELECT " + COLUMNS + " FROM promotion ORDER BY id", ps -> { });
    }

    public Optional<Promotion> find(String id) {
        return query("SELECT " + COLUMNS + " FROM promotion WHERE id = ?", ps -> ps.setString(1, id)).stream()
                .findFirst();
    }

    /**
     * Adds or replaces promotions (by id) in one transaction, recording a change for each one that differs from what
     * is stored; {@code rows} gives each promotion's import row for that record. Nothing is written if anything fails.
     */
    public SaveCounts saveAll(List<Promotion> promotions, Function<Promotion, String> rows, String by, String at) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, Promotion> stored = new HashMap<>();
                for (Promotion p : query(c, "SELECT " + COLUMNS + " FROM promotion", ps -> { })) {
                    stored.put(p.id(), p);
                }
                int added = 0;
                int updated = 0;
                int unchanged = 0;
                try (PreparedStatement merge = c.prepareStatement("MERGE INTO promotion (" + COLUMNS
                        + ", updated_at, updated_by) KEY (id) VALUES (" + "?,".repeat(29) + "?)")) {
                    for (Promotion p : promotions) {
                        Promotion before = stored.get(p.id());
                        if (p.equals(before)) {
                            unchanged++;
                            continue;
                        }
                        bind(merge, p);
                        merge.setString(29, at);
                        merge.setString(30, by);
                        merge.executeUpdate();
                        recordChange(c, at, by, before == null ? "CREATE" : "UPDATE", p.id(), rows.apply(p));
                        stored.put(p.id(), p);
                        if (before == null) {
                            added++;
                        } else {
                            updated++;
                        }
                    }
                }
                c.commit();
                Database.forceToDisk(c);
                return new SaveCounts(added, updated, unchanged);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot save promotions", e);
        }
    }

    /** Turns a promotion off (or on again); false when there is no such promotion. */
    public boolean setActive(String id, boolean active, Function<Promotion, String> rows, String by, String at) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Promotion> found = query(c, "SELECT " + COLUMNS + " FROM promotion WHERE id = ?",
                        ps -> ps.setString(1, id)).stream().findFirst();
                if (found.isEmpty()) {
                    c.rollback();
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE promotion SET active = ?, updated_at = ?, updated_by = ? WHERE id = ?")) {
                    ps.setBoolean(1, active);
                    ps.setString(2, at);
                    ps.setString(3, by);
                    ps.setString(4, id);
                    ps.executeUpdate();
                }
                recordChange(c, at, by, active ? "ENABLE" : "DISABLE", id, rows.apply(found.get().withActive(active)));
                c.commit();
                Database.forceToDisk(c);
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot change promotion " + id, e);
        }
    }

    /** The changes to one promotion, oldest first. */
    public List<Change> history(String id) {
        List<Change> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT changed_at, changed_by, action, promotion_id, row_text FROM promotion_change "
                        + "WHERE promotion_id = ? ORDER BY id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the changes of promotion " + id, e);
        }
        return changes;
    }

    private static void recordChange(Connection c, String at, String by, String action, String id, String row)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO promotion_change (changed_at, changed_by, action, "
                + "promotion_id, row_text) VALUES (?,?,?,?,?)")) {
            ps.setString(1, at);
            ps.setString(2, by);
            ps.setString(3, action);
            ps.setString(4, id);
            ps.setString(5, row);
            ps.executeUpdate();
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Promotion> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection()) {
            return query(c, sql, binder);
        } catch (SQLException e) {
            throw new StorageException("cannot read promotions", e);
        }
    }

    private static List<Promotion> query(Connection c, String sql, Binder binder) throws SQLException {
        List<Promotion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static Promotion read(ResultSet rs) throws SQLException {
        TargetType targetType = TargetType.valueOf(rs.getString("target_type"));
        Target target = Target.of(targetType, split(rs.getString("targets")));
        String getTargets = rs.getString("get_targets");
        Target getTarget = getTargets.isEmpty() ? Target.NONE
                : Target.of(getTargets.startsWith("C:") ? TargetType.CATEGORY : TargetType.PRODUCT,
                split(getTargets.substring(2)));
        Promotion.Terms terms = new Promotion.Terms(rs.getInt("buy_qty"), rs.getInt("get_qty"), getTarget,
                rs.getInt("percent_off"), Money.ofFen(rs.getLong("price_fen")), Money.ofFen(rs.getLong("min_spend_fen")),
                Money.ofFen(rs.getLong("amount_off_fen")), Money.ofFen(rs.getLong("max_off_fen")),
                rs.getBoolean("stepped"), rs.getBoolean("mix"));
        TimeWindow window = new TimeWindow(Optional.ofNullable(rs.getObject("date_from", LocalDate.class)),
                Optional.ofNullable(rs.getObject("date_to", LocalDate.class)),
                TimeWindow.parseWeekdays(rs.getString("weekdays")),
                Optional.ofNullable(rs.getObject("time_from", LocalTime.class)),
                Optional.ofNullable(rs.getObject("time_to", LocalTime.class)));
        Promotion.Conditions conditions = new Promotion.Conditions(window, rs.getBoolean("members_only"),
                OfferTender.valueOf(rs.getString("tender")), split(rs.getString("card_prefixes")),
                rs.getInt("daily_cap"));
        Promotion.Combination combination = new Promotion.Combination(rs.getString("excl_group"),
                rs.getBoolean("exclusive_"), rs.getInt("priority"));
        return new Promotion(rs.getString("id"), rs.getString("name"), PromotionKind.valueOf(rs.getString("kind")),
                target, terms, conditions, combination, rs.getBoolean("active"));
    }

    private static void bind(PreparedStatement ps, Promotion p) throws SQLException {
        Promotion.Terms t = p.terms();
        Promotion.Conditions c = p.conditions();
        TimeWindow w = c.window();
        ps.setString(1, p.id());
        ps.setString(2, p.name());
        ps.setString(3, p.kind().name());
        ps.setString(4, p.target().type().name());
        ps.setString(5, String.join(";", p.target().values()));
        ps.setString(6, t.hasGetTarget()
                ? (t.getTarget().type() == TargetType.CATEGORY ? "C:" : "P:") + String.join(";", t.getTarget().values())
                : "");
        ps.setInt(7, t.buyQty());
        ps.setInt(8, t.getQty());
        ps.setInt(9, t.percent());
        ps.setLong(10, t.price().fen());
        ps.setLong(11, t.minSpend().fen());
        ps.setLong(12, t.amountOff().fen());
        ps.setLong(13, t.maxOff().fen());
        ps.setBoolean(14, t.stepped());
        ps.setBoolean(15, t.mix());
        ps.setBoolean(16, c.membersOnly());
        ps.setString(17, c.tender().name());
        ps.setString(18, String.join(";", c.cardPrefixes()));
        ps.setInt(19, c.dailyCap());
        setDate(ps, 20, w.from());
        setDate(ps, 21, w.to());
        ps.setString(22, w.weekdaysText());
        setTime(ps, 23, w.start());
        setTime(ps, 24, w.end());
        ps.setString(25, p.combination().group());
        ps.setBoolean(26, p.combination().exclusive());
        ps.setInt(27, p.combination().priority());
        ps.setBoolean(28, p.active());
    }

    private static void setDate(PreparedStatement ps, int index, Optional<LocalDate> date) throws SQLException {
        if (date.isPresent()) {
            ps.setObject(index, date.get());
        } else {
            ps.setNull(index, Types.DATE);
        }
    }

    private static void setTime(PreparedStatement ps, int index, Optional<LocalTime> time) throws SQLException {
        if (time.isPresent()) {
            ps.setObject(index, time.get());
        } else {
            ps.setNull(index, Types.TIME);
        }
    }

    private static List<String> split(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(";"));
    }
}
