package org.tongpos.app.reports.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds diners who took more meals in a period than allowed <em>across lanes</em>: this terminal's meals plus the meals
 * other lanes charged to the same bank account, which reach this terminal as the feed's {@code DEBIT}s (less their
 * {@code CREDIT}s). Two lanes cut off from the bank each serve a diner lunch; neither could know; once both have synced,
 * each sees the other's DEBIT and this check flags the pair ({@link CanteenReport.Rule#MEALS_ACROSS_LANES}).
 *
 * <p>The feed does not say when another lane served a meal, only when its DEBIT arrived here. A DEBIT is put in the
 * period whose window holds its arrival, else in the last period of that day that had ended before it arrived (the
 * lane was offline during the meal and uploaded after); a DEBIT that arrived before the day's first period is not put
 * in any period (it is yesterday's, or an outage spanned the night) and is not counted here. Periods served on the
 * day's weekday are preferred; a pure function, no database.
 */
public final class CrossLaneMeals {

    private CrossLaneMeals() {
    }

    /** A meal period as the check needs it: window in minutes of the day, weekdays as digits, meals allowed. */
    public record Period(String name, int startMinute, int endMinute, String weekdays, int mealsAllowed) {
    }

    /** This terminal's meals (not refunded, not guests') of an account in one period of one day. */
    public record OwnMeals(String accountId, String dinerId, LocalDate businessDate, String period, int meals,
                           long amountFen, OffsetDateTime lastAt) {
    }

    /** A DEBIT ({@code debit} true) or CREDIT of another lane from the bank's feed, as it arrived here. */
    public record Movement(String accountId, String dinerId, String terminalId, boolean debit, long amountFen,
                           OffsetDateTime receivedAt, LocalDate businessDate) {
    }

    /** The period a movement that arrived at {@code at} (local time of the business zone) is put in, if any. */
    public static Optional<Period> periodOf(List<Period> periods, OffsetDateTime at) {
        String weekday = String.valueOf(at.getDayOfWeek().getValue());
        List<Period> served = periods.stream().filter(p -> p.weekdays().contains(weekday)).toList();
        List<Period> candidates = served.isEmpty() ? periods : served;
        int minute = at.getHour() * 60 + at.getMinute();
        Optional<Period> during = candidates.stream()
                .filter(p -> p.startMinute() <= minute && minute < p.endMinute()).findFirst();
        if (during.isPresent()) {
            return during;
        }
        return candidates.stream().filter(p -> p.endMinute() <= minute).max(Comparator.comparingInt(Period::endMinute));
    }

    /**
     * The anomalies: every (account, day, period) with at least one other lane's meal where this terminal's meals and
     * the other lanes' meals together exceed what the period allows; {@code ownTerminal} names this terminal in the
     * detail ({@code 2 > 1: T0001 1, T0002 1}). In order of the time the last meal of each became known.
     */
    public static List<CanteenReport.Anomaly> anomalies(List<Period> periods, List<OwnMeals> own,
                                                        List<Movement> movements, String ownTerminal) {
        Map<String, Group> groups = new TreeMap<>();
        for (OwnMeals m : own) {
            Group g = groups.computeIfAbsent(key(m.accountId(), m.businessDate(), m.period()),
                    k -> new Group(m.accountId(), m.period()));
            g.dinerId = m.dinerId();
            g.perLane.merge(ownTerminal, m.meals(), Integer::sum);
            g.amountFen += m.amountFen();
            g.seen(m.lastAt());
        }
        for (Movement m : movements) {
            Optional<Period> period = periodOf(periods, m.receivedAt());
            if (period.isEmpty()) {
                continue;
            }
            Group g = groups.computeIfAbsent(key(m.accountId(), m.businessDate(), period.get().name()),
                    k -> new Group(m.accountId(), period.get().name()));
            if (g.dinerId == null) {
                g.dinerId = m.dinerId();
            }
            g.perLane.merge(m.terminalId(), m.debit() ? 1 : -1, Integer::sum);
            g.amountFen += m.debit() ? m.amountFen() : -m.amountFen();
            g.seen(m.receivedAt());
        }
        Map<String, Integer> allowed = new TreeMap<>();
        periods.forEach(p -> allowed.put(p.name(), p.mealsAllowed()));
        List<CanteenReport.Anomaly> found = new ArrayList<>();
        for (Group g : groups.values()) {
            int total = 0;
            int others = 0;
            StringBuilder lanes = new StringBuilder();
            for (Map.Entry<String, Integer> lane : g.perLane.entrySet()) {
                int meals = Math.max(0, lane.getValue());
                total += meals;
                if (!lane.getKey().equals(ownTerminal)) {
                    others += meals;
                }
                if (meals > 0) {
                    lanes.append(lanes.isEmpty() ? "" : ", ").append(lane.getKey()).append(' ').append(meals);
                }
            }
            int limit = allowed.getOrDefault(g.period, Integer.MAX_VALUE);
            if (others > 0 && total > limit) {
                found.add(new CanteenReport.Anomaly(CanteenReport.Rule.MEALS_ACROSS_LANES, g.lastAt.toString(),
                        g.dinerId == null ? g.accountId : g.dinerId, g.period, Math.max(0, g.amountFen),
                        total + " > " + limit + ": " + lanes));
            }
        }
        found.sort(Comparator.comparing(CanteenReport.Anomaly::occurredAt));
        return found;
    }

    private static String key(String accountId, LocalDate date, String period) {
        return accountId + '\u0000' + date + '\u0000' + period;
    }

    private static final class Group {
        final String accountId;
        final String period;
        final Map<String, Integer> perLane = new TreeMap<>();
        String dinerId;
        long amountFen;
        OffsetDateTime lastAt;

        Group(String accountId, String period) {
            this.accountId = accountId;
            this.period = period;
        }

        void seen(OffsetDateTime at) {
            if (lastAt == null || at.isAfter(lastAt)) {
                lastAt = at;
            }
        }
    }
}
