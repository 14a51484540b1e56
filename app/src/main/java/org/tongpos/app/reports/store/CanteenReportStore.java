package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.tongpos.app.canteen.domain.CanteenSetting;
import org.tongpos.app.reports.domain.CanteenReport.Anomaly;
import org.tongpos.app.reports.domain.CanteenReport.CanteenGrouping;
import org.tongpos.app.reports.domain.CanteenReport.Row;
import org.tongpos.app.reports.domain.CanteenReport.Rule;
import org.tongpos.app.reports.domain.CrossLaneMeals;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.storage.StorageException;

/** Reads the canteen's meals and manual identifications (V15–V18) for reports. Read-only. */
public final class CanteenReportStore {

    /** A diner's department and type: the local diners' table or the bank's replica (when a bank is configured). */
    private static String diner(boolean bank) {
        return dinerJoin("m.account_id", bank);
    }

    /** A diner's department or type as the report groups by it, from {@code d} (and {@code b}) as joined above. */
    static String dinerKey(CanteenGrouping by, boolean bank) {
        String column = by == CanteenGrouping.DEPARTMENT ? "department" : "diner_type";
        return "COALESCE(d." + column + ", " + (bank ? "b." + column : "NULL") + ", '-')";
    }

    /** The join of {@link #dinerKey} on an account column. */
    static String dinerJoin(String account, boolean bank) {
        return "LEFT JOIN canteen_diner d ON d.account_id = " + account + " "
                + (bank ? "LEFT JOIN bank_account b ON b.account_id = " + account + " " : "");
    }

    /** The measures of a group of meals, in the order of {@link Row} after its key. */
    static final String MEASURES = "meals, amount_fen, subsidy_fen, balance_fen, cash_fen, refunded";

    private final DataSource dataSource;

    public CanteenReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Row> rows(DateRange range, CanteenGrouping by) {
        try (Connection c = dataSource.getConnection()) {
            return rows(c, range, by, Tables.exists(c, "bank_account"));
        } catch (SQLException e) {
            throw new StorageException("cannot read the meals by " + by, e);
        }
    }

    private static List<Row> rows(Connection c, DateRange range, CanteenGrouping by, boolean bank) throws SQLException {
        String key = switch (by) {
            case DAY -> "CAST(m.business_date AS VARCHAR)";
            case PERIOD -> "m.period";
            case DEPARTMENT, DINER_TYPE -> dinerKey(by, bank);
        };
        String sql = "SELECT " + key + " k, " + SUMS + " FROM canteen_meal m " + diner(bank)
                + "WHERE m.business_date BETWEEN ? AND ? GROUP BY k ORDER BY k";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, range);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
            return rows;
        }
    }

    /** Meals by account (the summaries' ACCT rows: departments and diner types are joined when read). */
    public List<Row> rowsByAccount(DateRange range) {
        String sql = "SELECT m.account_id k, " + SUMS + " FROM canteen_meal m "
                + "WHERE m.business_date BETWEEN ? AND ? GROUP BY k";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, range);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("cannot read the meals by account", e);
        }
    }

    public Row total(DateRange range) {
        String sql = "SELECT 'total', " + SUMS + " FROM canteen_meal m WHERE m.business_date BETWEEN ? AND ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, range);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return row(r);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the meal totals", e);
        }
    }

    private static final String SUMS = "COUNT(CASE WHEN NOT m.refunded THEN 1 END), "
            + "COALESCE(SUM(CASE WHEN NOT m.refunded THEN m.amount_fen END), 0), "
            + "COALESCE(SUM(CASE WHEN NOT m.refunded THEN m.subsidy_fen END), 0), "
            + "COALESCE(SUM(CASE WHEN NOT m.refunded THEN m.balance_fen END), 0), "
            + "COALESCE(SUM(CASE WHEN NOT m.refunded THEN m.cash_fen END), 0), "
            + "COUNT(CASE WHEN m.refunded THEN 1 END)";

    static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6),
                r.getLong(7));
    }

    /** Every anomaly of the range, in time order, at most {@code max}. */
    public List<Anomaly> anomalies(DateRange range, int max) {
        List<Anomaly> all = new ArrayList<>(mealAnomalies(range, max));
        all.addAll(otherAnomalies(range, max));
        return first(all, max);
    }

    /** The order anomalies are listed in: time, rule, then the rest (so that a cut at {@code max} is always the same). */
    public static final Comparator<Anomaly> ORDER = Comparator.comparing(Anomaly::occurredAt)
            .thenComparing(a -> a.rule().name()).thenComparing(Anomaly::dinerId).thenComparing(Anomaly::period)
            .thenComparingLong(Anomaly::amountFen).thenComparing(Anomaly::detail);

    /** The first {@code max} of {@code anomalies} in {@link #ORDER}. */
    public static List<Anomaly> first(List<Anomaly> anomalies, int max) {
        List<Anomaly> sorted = new ArrayList<>(anomalies);
        sorted.sort(ORDER);
        return sorted.size() > max ? new ArrayList<>(sorted.subList(0, max)) : sorted;
    }

    /**
     * The anomalies found on the meals themselves (more meals than the period allows, outside the period's window,
     * refunded), the first {@code max} in {@link #ORDER}: what the canteen summaries keep for each closed day.
     */
    public List<Anomaly> mealAnomalies(DateRange range, int max) {
        String sql = "SELECT * FROM ("
                + "SELECT 'MORE_MEALS_THAN_ALLOWED' rule, m.occurred_at t, m.diner_id d, m.period p, m.amount_fen a, "
                + "CONCAT(m.nth, ' > ', p.meals_allowed) detail FROM canteen_meal m "
                + "JOIN canteen_period p ON p.name = m.period "
                + "WHERE m.business_date BETWEEN ? AND ? AND p.meals_allowed IS NOT NULL AND m.nth > p.meals_allowed "
                + "UNION ALL SELECT 'OUTSIDE_WINDOW', m.occurred_at, m.diner_id, m.period, m.amount_fen, "
                + "CONCAT(p.start_minute / 60, ':', LPAD(CAST(MOD(p.start_minute, 60) AS VARCHAR), 2, '0'), '-', "
                + "p.end_minute / 60, ':', LPAD(CAST(MOD(p.end_minute, 60) AS VARCHAR), 2, '0')) "
                + "FROM canteen_meal m JOIN canteen_period p ON p.name = m.period "
                + "WHERE m.business_date BETWEEN ? AND ? AND (EXTRACT(HOUR FROM m.occurred_at) * 60 "
                + "+ EXTRACT(MINUTE FROM m.occurred_at) NOT BETWEEN p.start_minute AND p.end_minute - 1) "
                + "UNION ALL SELECT 'REFUND', m.occurred_at, m.diner_id, m.period, m.amount_fen, '' FROM canteen_meal m "
                + "WHERE m.business_date BETWEEN ? AND ? AND m.refunded"
                + ") ORDER BY t, rule, d, p, a, detail LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < 3; i++) {
                s.setDate(1 + 2 * i, Date.valueOf(range.from()));
                s.setDate(2 + 2 * i, Date.valueOf(range.to()));
            }
            s.setInt(7, max);
            return read(s);
        } catch (SQLException e) {
            throw new StorageException("cannot read the canteen anomalies", e);
        }
    }

    /**
     * The anomalies that are not kept in the canteen summaries: manual identifications (the first {@code max}), meals
     * across lanes, and what the inspection office reads beside the meal rules (guest meals, overdrafts, acts out of
     * hours: {@link InspectionQueries}). Always read live.
     */
    public List<Anomaly> otherAnomalies(DateRange range, int max) {
        String sql = "SELECT 'MANUAL_IDENTIFICATION' rule, i.recorded_at t, i.diner_id d, COALESCE(m.period, '') p, "
                + "COALESCE(m.amount_fen, 0) a, CONCAT(i.operator, ': ', i.reason) detail "
                + "FROM canteen_manual_identification i LEFT JOIN canteen_meal m ON m.txn_id = i.txn_id "
                + "WHERE CAST(i.recorded_at AS DATE) BETWEEN ? AND ? ORDER BY t, rule, d, p, a, detail LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, range);
            s.setInt(3, max);
            List<Anomaly> anomalies = new ArrayList<>(read(s));
            anomalies.addAll(acrossLanes(c, range));
            anomalies.addAll(InspectionQueries.all(c, range));
            return anomalies;
        } catch (SQLException e) {
            throw new StorageException("cannot read the canteen anomalies", e);
        }
    }

    static List<Anomaly> read(PreparedStatement s) throws SQLException {
        List<Anomaly> anomalies = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                anomalies.add(new Anomaly(Rule.valueOf(r.getString(1)), r.getObject(2).toString(), r.getString(3),
                        r.getString(4), r.getLong(5), r.getString(6)));
            }
        }
        return anomalies;
    }

    /**
     * Diners with more meals in a period than allowed counting other lanes' meals (the bank feed's DEBITs):
     * {@link CrossLaneMeals}. This terminal's own DEBITs are its meals, counted once from {@code canteen_meal}.
     */
    private static List<Anomaly> acrossLanes(Connection c, DateRange range) throws SQLException {
        String ownTerminal = SettingKey.TERMINAL_ID.defaultValue();
        try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
            s.setString(1, SettingKey.TERMINAL_ID.key());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    ownTerminal = r.getString(1);
                }
            }
        }
        List<CrossLaneMeals.Movement> movements = new ArrayList<>();
        boolean bank = Tables.exists(c, "bank_account");
        try (PreparedStatement s = c.prepareStatement("SELECT l.account_id, "
                + (bank ? "(SELECT b.diner_id FROM bank_account b WHERE b.account_id = l.account_id)" : "NULL")
                + ", l.terminal_id, l.kind, l.amount_fen, l.received_at, l.business_date FROM canteen_lane_movement l "
                + "WHERE l.business_date BETWEEN ? AND ? AND l.terminal_id <> ?")) {
            bind(s, range);
            s.setString(3, ownTerminal);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    movements.add(new CrossLaneMeals.Movement(r.getString(1), r.getString(2), r.getString(3),
                            "DEBIT".equals(r.getString(4)), r.getLong(5), r.getObject(6, OffsetDateTime.class),
                            r.getObject(7, LocalDate.class)));
                }
            }
        }
        if (movements.isEmpty()) {
            return List.of();
        }
        int perPeriod = Integer.parseInt(CanteenSetting.MEALS_PER_PERIOD.defaultValue());
        try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM canteen_setting WHERE name = ?")) {
            s.setString(1, CanteenSetting.MEALS_PER_PERIOD.key());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    perPeriod = Integer.parseInt(r.getString(1));
                }
            }
        }
        List<CrossLaneMeals.Period> periods = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, start_minute, end_minute, weekdays, meals_allowed "
                + "FROM canteen_period ORDER BY start_minute"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int allowed = r.getInt(5);
                if (r.wasNull()) {
                    allowed = perPeriod;
                }
                periods.add(new CrossLaneMeals.Period(r.getString(1), r.getInt(2), r.getInt(3), r.getString(4),
                        allowed));
            }
        }
        List<CrossLaneMeals.OwnMeals> own = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT m.account_id, MAX(m.diner_id), m.business_date, "
                + "m.period, COUNT(*), SUM(m.subsidy_fen + m.balance_fen), MAX(m.occurred_at) FROM canteen_meal m "
                + "WHERE m.business_date BETWEEN ? AND ? AND NOT m.refunded AND m.guest_approval IS NULL "
                + "AND m.source = 'BANK' GROUP BY m.account_id, m.business_date, m.period")) {
            bind(s, range);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    own.add(new CrossLaneMeals.OwnMeals(r.getString(1), r.getString(2),
                            r.getObject(3, LocalDate.class), r.getString(4), r.getInt(5), r.getLong(6),
                            r.getObject(7, OffsetDateTime.class)));
                }
            }
        }
        return CrossLaneMeals.anomalies(periods, own, movements, ownTerminal);
    }

    private static void bind(PreparedStatement s, DateRange range) throws SQLException {
        s.setDate(1, Date.valueOf(range.from()));
        s.setDate(2, Date.valueOf(range.to()));
    }
}
