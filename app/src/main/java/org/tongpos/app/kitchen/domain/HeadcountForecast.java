package org.tongpos.app.kitchen.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Diners per meal period for coming days, from history: the mean of the same weekday and period over the last
 * {@code weeks} open weeks (a day with no meal at all is closed: a holiday or a day off, left out of the mean), zero on
 * days named closed. Measured on the past: each of the last {@code evaluationDays} open days is forecast from the
 * history before it and compared with what was served (MAPE), beside the naive "same weekday last week".
 */
public final class HeadcountForecast {

    /** Meals served by day and period (not refunded). */
    private final Map<LocalDate, Map<String, Long>> history;
    private final Set<String> periods = new TreeSet<>();
    private final int weeks;

    public HeadcountForecast(Map<LocalDate, Map<String, Long>> history, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("weeks must be at least 1");
        }
        this.history = Map.copyOf(history);
        this.weeks = weeks;
        history.values().forEach(p -> periods.addAll(p.keySet()));
    }

    /** One day's forecast (or actual) for a period. */
    public record Day(LocalDate date, String period, long meals) {
    }

    /** Forecast error on past days: mean absolute percentage error of the forecast and of the naive method. */
    public record Error(int days, double mape, double naiveMape) {
    }

    public Set<String> periods() {
        return Set.copyOf(periods);
    }

    private boolean open(LocalDate day) {
        Map<String, Long> served = history.get(day);
        return served != null && served.values().stream().anyMatch(n -> n > 0);
    }

    /** The forecast for a day and period from the history before {@code day}. */
    public long forecast(LocalDate day, String period) {
        long sum = 0;
        int n = 0;
        LocalDate d = day.minusWeeks(1);
        LocalDate oldest = day.minusWeeks(weeks * 3L); // look back a while further when weeks were closed
        while (n < weeks && !d.isBefore(oldest)) {
            if (open(d)) {
                sum += history.get(d).getOrDefault(period, 0L);
                n++;
            }
            d = d.minusWeeks(1);
        }
        return n == 0 ? 0 : Math.round((double) sum / n);
    }

    /** Forecasts for {@code days} days from {@code first}, each period; zero on the closed days given. */
    public List<Day> forecast(LocalDate first, int days, Set<LocalDate> closed) {
        List<Day> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            for (String period : periods) {
                out.add(new Day(day, period, closed.contains(day) ? 0 : forecast(day, period)));
            }
        }
        return out;
    }

    /** The error over the last {@code evaluationDays} days before {@code today} that were open. */
    public Error error(LocalDate today, int evaluationDays) {
        double sum = 0;
        double naiveSum = 0;
        int n = 0;
        for (int i = 1; i <= evaluationDays; i++) {
            LocalDate day = today.minusDays(i);
            if (!open(day)) {
                continue;
            }
            for (String period : periods) {
                long actual = history.get(day).getOrDefault(period, 0L);
                if (actual == 0) {
                    continue;
                }
                Map<String, Long> weekBefore = history.get(day.minusWeeks(1));
                long naive = weekBefore == null ? 0 : weekBefore.getOrDefault(period, 0L);
                sum += Math.abs(forecast(day, period) - actual) / (double) actual;
                naiveSum += Math.abs(naive - actual) / (double) actual;
                n++;
            }
        }
        return n == 0 ? new Error(0, 0, 0) : new Error(n, sum * 100 / n, naiveSum * 100 / n);
    }
}
