package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.tongpos.app.canteen.domain.CalendarDay;
import org.tongpos.app.canteen.domain.CanteenLimits;
import org.tongpos.app.canteen.domain.CanteenSetting;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.canteen.domain.MealPeriod;
import org.tongpos.app.canteen.domain.MealRules;
import org.tongpos.app.canteen.domain.PriceRule;
import org.tongpos.app.money.domain.Money;

/** The canteen's meal rules in the terminal's database (tables {@code canteen_period}, {@code canteen_price}, …). */
public final class CanteenRuleStore {

    private final DataSource dataSource;

    public CanteenRuleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every rule as one snapshot. */
    public MealRules load() {
        return Sql.read(dataSource, "the canteen rules", c -> new MealRules(periods(c), prices(c), dishes(c),
                calendar(c), CanteenLimits.from(settings(c))));
    }

    public void savePeriod(MealPeriod period) {
        Sql.write(dataSource, "meal period " + period.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO canteen_period (name, start_minute, end_minute, "
                    + "weekdays, meals_allowed) KEY (name) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, period.name());
                ps.setInt(2, period.startMinute());
                ps.setInt(3, period.endMinute());
                ps.setString(4, period.daysText());
                if (period.mealsAllowed().isPresent()) {
                    ps.setInt(5, period.mealsAllowed().getAsInt());
                } else {
                    ps.setNull(5, Types.INTEGER);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** Removes a period with its prices and menu; false when there was none. */
    public boolean removePeriod(String name) {
        return Sql.write(dataSource, "meal period " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM canteen_period WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Stores a price rule, replacing the one of the same period and diner type with its Nth-meal prices. */
    public void savePrice(PriceRule rule) {
        Sql.write(dataSource, "price of " + rule.period() + " " + rule.dinerType(), c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO canteen_price (period, diner_type, price_fen) "
                    + "KEY (period, diner_type) VALUES (?, ?, ?)")) {
                ps.setString(1, rule.period());
                ps.setString(2, rule.dinerType());
                if (rule.fixed().isPresent()) {
                    ps.setLong(3, rule.fixed().get().fen());
                } else {
                    ps.setNull(3, Types.BIGINT);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM canteen_nth_price WHERE period = ? AND diner_type = ?")) {
                ps.setString(1, rule.period());
                ps.setString(2, rule.dinerType());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO canteen_nth_price (period, diner_type, nth, "
                    + "price_fen) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Integer, Money> nth : rule.nthPrices().entrySet()) {
                    ps.setString(1, rule.period());
                    ps.setString(2, rule.dinerType());
                    ps.setInt(3, nth.getKey());
                    ps.setLong(4, nth.getValue().fen());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public boolean removePrice(String period, String dinerType) {
        return Sql.write(dataSource, "price of " + period + " " + dinerType, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM canteen_price WHERE period = ? AND diner_type = ?")) {
                ps.setString(1, period);
                ps.setString(2, dinerType);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public void saveDish(Dish dish) {
        Sql.write(dataSource, "dish " + dish.number() + " of " + dish.period(), c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO canteen_dish (period, dish_no, name, price_fen) "
                    + "KEY (period, dish_no) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, dish.period());
                ps.setInt(2, dish.number());
                ps.setString(3, dish.name());
                ps.setLong(4, dish.price().fen());
                return ps.executeUpdate();
            }
        });
    }

    public boolean removeDish(String period, int number) {
        return Sql.write(dataSource, "dish " + number + " of " + period, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM canteen_dish WHERE period = ? AND dish_no = ?")) {
                ps.setString(1, period);
                ps.setInt(2, number);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public void saveDay(CalendarDay day) {
        Sql.write(dataSource, "calendar day " + day.date(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO canteen_calendar (calendar_date, kind, note) KEY (calendar_date) VALUES (?, ?, ?)")) {
                ps.setObject(1, day.date());
                ps.setString(2, day.kind().name());
                ps.setString(3, day.note());
                return ps.executeUpdate();
            }
        });
    }

    public boolean removeDay(LocalDate date) {
        return Sql.write(dataSource, "calendar day " + date, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM canteen_calendar WHERE calendar_date = ?")) {
                ps.setObject(1, date);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The stored value of a setting, if it was ever set. */
    public Optional<String> setting(CanteenSetting setting) {
        return Optional.ofNullable(Sql.read(dataSource, "canteen setting", c -> settings(c).get(setting)));
    }

    public void saveSetting(CanteenSetting setting, String value) {
        Sql.write(dataSource, "canteen setting " + setting.key(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO canteen_setting (name, setting_value) KEY (name) VALUES (?, ?)")) {
                ps.setString(1, setting.key());
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    private static List<MealPeriod> periods(Connection c) throws SQLException {
        List<MealPeriod> periods = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, start_minute, end_minute, weekdays, meals_allowed "
                + "FROM canteen_period ORDER BY start_minute"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int meals = rs.getInt(5);
                OptionalInt allowed = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(meals);
                periods.add(new MealPeriod(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        MealPeriod.parseDays(rs.getString(4)), allowed));
            }
        }
        return periods;
    }

    private static List<PriceRule> prices(Connection c) throws SQLException {
        Map<String, SortedMap<Integer, Money>> nth = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT period, diner_type, nth, price_fen FROM canteen_nth_price");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                nth.computeIfAbsent(rs.getString(1) + "\n" + rs.getString(2), k -> new TreeMap<>())
                        .put(rs.getInt(3), Money.ofFen(rs.getLong(4)));
            }
        }
        List<PriceRule> prices = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT period, diner_type, price_fen FROM canteen_price ORDER BY period, diner_type");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long fen = rs.getLong(3);
                Optional<Money> fixed = rs.wasNull() ? Optional.empty() : Optional.of(Money.ofFen(fen));
                prices.add(new PriceRule(rs.getString(1), rs.getString(2), fixed,
                        nth.getOrDefault(rs.getString(1) + "\n" + rs.getString(2), new TreeMap<>())));
            }
        }
        return prices;
    }

    private static List<Dish> dishes(Connection c) throws SQLException {
        List<Dish> dishes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT period, dish_no, name, price_fen FROM canteen_dish ORDER BY period, dish_no");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                dishes.add(new Dish(rs.getString(1), rs.getInt(2), rs.getString(3), Money.ofFen(rs.getLong(4))));
            }
        }
        return dishes;
    }

    private static Map<LocalDate, CalendarDay> calendar(Connection c) throws SQLException {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT calendar_date, kind, note FROM canteen_calendar");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                LocalDate date = rs.getObject(1, LocalDate.class);
                days.put(date, new CalendarDay(date, CalendarDay.Kind.valueOf(rs.getString(2)), rs.getString(3)));
            }
        }
        return days;
    }

    private static Map<CanteenSetting, String> settings(Connection c) throws SQLException {
        Map<CanteenSetting, String> values = new EnumMap<>(CanteenSetting.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT name, setting_value FROM canteen_setting");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String value = rs.getString(2);
                CanteenSetting.byKey(rs.getString(1)).filter(s -> s.accepts(value)).ifPresent(s -> values.put(s, value));
            }
        }
        return values;
    }
}
