package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.reports.domain.CanteenReport.Anomaly;
import org.tongpos.app.reports.domain.CanteenReport.Rule;
import org.tongpos.app.reports.domain.DateRange;

/**
 * The anomalies the discipline-inspection office reads besides the meal rules: every guest meal with the approval it
 * used, meals that took a balance below zero (the overdraft a lane allows while it cannot ask the bank), and what
 * operators did on the terminal outside the canteen's hours (an hour before its first meal period to an hour after
 * its last).
 */
final class InspectionQueries {

    /** Minutes around the meal periods that still count as the canteen's hours. */
    static final int HOURS_MARGIN_MINUTES = 60;

    private InspectionQueries() {
    }

    static List<Anomaly> all(Connection c, DateRange range) throws SQLException {
        List<Anomaly> found = new ArrayList<>();
        guestMeals(c, range, found);
        overdrafts(c, range, found);
        offHours(c, range, found);
        return found;
    }

    private static void guestMeals(Connection c, DateRange range, List<Anomaly> into) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT m.occurred_at, m.diner_id, m.period, m.amount_fen, "
                + "CONCAT(a.approval_id, ' ', a.approved_by, ': ', a.reason, ' (', a.head_count, ', ', "
                + "CASE WHEN m.refunded THEN 'refunded' ELSE m.source END, ')') FROM canteen_meal m "
                + "JOIN canteen_guest_approval a ON a.approval_id = m.guest_approval "
                + "WHERE m.business_date BETWEEN ? AND ?")) {
            bind(s, range);
            read(s, Rule.GUEST_MEAL, into);
        }
    }

    /**
     * Meals that left a negative balance. The lower bound keeps H2 on {@code canteen_meal_overdraft} for the few
     * negative balances: with {@code < 0} alone it read the meals of the whole range (a year: 500,000 rows, 1.5 s),
     * and its index range began at the NULL balances of meals without one.
     */
    private static void overdrafts(Connection c, DateRange range, List<Anomaly> into) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT m.occurred_at, m.diner_id, m.period, m.amount_fen, "
                + "m.balance_after_fen, m.source FROM canteen_meal m WHERE m.business_date BETWEEN ? AND ? "
                + "AND m.balance_after_fen BETWEEN " + Long.MIN_VALUE + " AND -1 AND NOT m.refunded")) {
            bind(s, range);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    into.add(new Anomaly(Rule.OVERDRAFT, r.getObject(1).toString(), r.getString(2), r.getString(3),
                            r.getLong(4), Money.ofFen(r.getLong(5)).toYuanString() + " (" + r.getString(6) + ")"));
                }
            }
        }
    }

    /**
     * Audit records (log-ins, refunds, rule changes, approvals ...) whose local time of day is outside the canteen's
     * hours; none when the canteen has no meal period.
     */
    private static void offHours(Connection c, DateRange range, List<Anomaly> into) throws SQLException {
        int opens;
        int closes;
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(start_minute), MAX(end_minute), COUNT(*) "
                + "FROM canteen_period"); ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getInt(3) == 0) {
                return;
            }
            opens = r.getInt(1) - HOURS_MARGIN_MINUTES;
            closes = r.getInt(2) + HOURS_MARGIN_MINUTES;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT occurred_at, actor, action, subject, "
                + "COALESCE(amount_fen, 0) FROM audit_log WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq")) {
            s.setString(1, range.from().toString());
            s.setString(2, range.to().plusDays(1).toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String at = r.getString(1); // local time with its offset: 2026-11-30T23:10:05+08:00
                    int minute = Integer.parseInt(at.substring(11, 13)) * 60 + Integer.parseInt(at.substring(14, 16));
                    if (minute < opens || minute >= closes) {
                        into.add(new Anomaly(Rule.OFF_HOURS, at, r.getString(2), "", r.getLong(5),
                                r.getString(3) + " " + r.getString(4)));
                    }
                }
            }
        }
    }

    private static void read(PreparedStatement s, Rule rule, List<Anomaly> into) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                into.add(new Anomaly(rule, r.getObject(1).toString(), r.getString(2), r.getString(3), r.getLong(4),
                        r.getString(5)));
            }
        }
    }

    private static void bind(PreparedStatement s, DateRange range) throws SQLException {
        s.setDate(1, Date.valueOf(range.from()));
        s.setDate(2, Date.valueOf(range.to()));
    }
}
