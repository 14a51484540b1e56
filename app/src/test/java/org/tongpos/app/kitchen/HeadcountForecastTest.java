package org.tongpos.app.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpos.app.kitchen.domain.HeadcountForecast;

/**
 * The forecast on a synthetic history with a known pattern: lunch = 100 + 10 × weekday number, ±8 in alternate weeks;
 * dinner 40; weekends closed. Averaging an even number of weeks gives the pattern exactly, so the forecast's error is
 * the ±8 alone and "same weekday last week" (the other parity) is off by twice as much.
 */
class HeadcountForecastTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-30");

    private static long lunch(LocalDate day, LocalDate today) {
        long weeksBack = (today.toEpochDay() - day.toEpochDay() + 6) / 7; // 1 for the last 7 days
        return 100 + 10L * day.getDayOfWeek().getValue() + (weeksBack % 2 == 0 ? 8 : -8);
    }

    private static Map<LocalDate, Map<String, Long>> history(int weeks, Set<LocalDate> closed) {
        Map<LocalDate, Map<String, Long>> h = new HashMap<>();
        for (int i = 1; i <= weeks * 7; i++) {
            LocalDate day = TODAY.minusDays(i);
            if (day.getDayOfWeek().getValue() >= 6 || closed.contains(day)) {
                continue;
            }
            h.put(day, Map.of("午餐", lunch(day, TODAY), "晚餐", 40L));
        }
        return h;
    }

    @Test
    void theForecastFollowsTheWeekdayPatternAndIsMeasuredAgainstLastWeek() {
        HeadcountForecast model = new HeadcountForecast(history(10, Set.of()), 4);
        LocalDate holiday = TODAY.plusDays(2);
        List<HeadcountForecast.Day> days = model.forecast(TODAY, 7, Set.of(holiday));
        assertThat(days).hasSize(14);
        for (HeadcountForecast.Day d : days) {
            long expected;
            if (d.date().equals(holiday) || d.date().getDayOfWeek().getValue() >= 6) {
                expected = 0;
            } else {
                expected = d.period().equals("午餐") ? 100 + 10L * d.date().getDayOfWeek().getValue() : 40;
            }
            assertThat(d.meals()).as(d.toString()).isEqualTo(expected);
        }

        HeadcountForecast.Error error = model.error(TODAY, 28);
        assertThat(error.days()).isEqualTo(20 * 2); // 20 open days, two periods
        // each lunch is off by 8 of its actual; dinner exactly right; last week's lunch is off by 16
        double expected = 0;
        for (int i = 1; i <= 28; i++) {
            LocalDate day = TODAY.minusDays(i);
            if (day.getDayOfWeek().getValue() < 6) {
                expected += 8.0 / lunch(day, TODAY);
            }
        }
        expected = expected * 100 / 40;
        assertThat(error.mape()).isCloseTo(expected, within(1e-9));
        assertThat(error.naiveMape()).isCloseTo(2 * expected, within(1e-9));
    }

    @Test
    void aClosedDayInTheHistoryIsLeftOutAndAnEarlierWeekTakesItsPlace() {
        LocalDate closedWednesday = TODAY.minusDays(1).with(java.time.temporal.TemporalAdjusters
                .previousOrSame(DayOfWeek.WEDNESDAY)).minusWeeks(1);
        HeadcountForecast model = new HeadcountForecast(history(10, Set.of(closedWednesday)), 2);
        LocalDate nextWednesday = TODAY.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        // the two open Wednesdays before it: one week back and three weeks back (two weeks back was closed)
        long mean = Math.round((lunch(nextWednesday.minusWeeks(1), TODAY)
                + lunch(nextWednesday.minusWeeks(3), TODAY)) / 2.0);
        assertThat(closedWednesday).isEqualTo(nextWednesday.minusWeeks(2));
        assertThat(model.forecast(nextWednesday, "午餐")).isEqualTo(mean);
        assertThat(mean).isNotEqualTo(130); // both odd weeks: the pattern's -8 is not averaged away
    }
}
