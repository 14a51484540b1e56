package org.tongpos.app.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.app.reports.domain.CrossLaneMeals.Movement;
import org.tongpos.app.reports.domain.CrossLaneMeals.OwnMeals;
import org.tongpos.app.reports.domain.CrossLaneMeals.Period;

/** Which period another lane's DEBIT is put in, and when this lane's and other lanes' meals exceed the limit. */
class CrossLaneMealsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static final Period BREAKFAST = new Period("早餐", 7 * 60, 9 * 60, "12345", 1);
    private static final Period LUNCH = new Period("午餐", 11 * 60, 13 * 60 + 30, "12345", 1);
    private static final Period WEEKEND_BRUNCH = new Period("早午餐", 10 * 60, 14 * 60, "67", 1);
    private static final List<Period> PERIODS = List.of(BREAKFAST, LUNCH, WEEKEND_BRUNCH);

    private static OffsetDateTime at(String date, String time) {
        return OffsetDateTime.parse(date + "T" + time + ":00+08:00");
    }

    private static Movement debit(String account, String terminal, OffsetDateTime at) {
        return new Movement(account, "D-" + account, terminal, true, 1000, at, at.toLocalDate());
    }

    private static OwnMeals lunchHere(String account, int meals) {
        return new OwnMeals(account, "D-" + account, MONDAY, "午餐", meals, 1000L * meals, at("2026-11-30", "12:00"));
    }

    @Test
    void aDebitBelongsToThePeriodItArrivedInElseTheLastOneThatHadEnded() {
        assertThat(CrossLaneMeals.periodOf(PERIODS, at("2026-11-30", "12:10"))).contains(LUNCH);
        assertThat(CrossLaneMeals.periodOf(PERIODS, at("2026-11-30", "13:30"))).as("the end is exclusive")
                .contains(LUNCH);
        assertThat(CrossLaneMeals.periodOf(PERIODS, at("2026-11-30", "10:00"))).contains(BREAKFAST);
        assertThat(CrossLaneMeals.periodOf(PERIODS, at("2026-11-30", "06:59"))).as("before the day's first period")
                .isEmpty();
        assertThat(CrossLaneMeals.periodOf(PERIODS, at("2026-12-05", "12:10"))).as("Saturday serves brunch")
                .contains(WEEKEND_BRUNCH);
        assertThat(CrossLaneMeals.periodOf(PERIODS, at("2026-11-30", "23:00"))).contains(LUNCH);
    }

    @Test
    void oneMealHereAndOneOnAnotherLaneInOnePeriodIsFlagged() {
        List<CanteenReport.Anomaly> found = CrossLaneMeals.anomalies(PERIODS, List.of(lunchHere("A1", 1)),
                List.of(debit("A1", "T0002", at("2026-11-30", "14:05"))), "T0001");
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(CanteenReport.Rule.MEALS_ACROSS_LANES);
            assertThat(a.dinerId()).isEqualTo("D-A1");
            assertThat(a.period()).isEqualTo("午餐");
            assertThat(a.amountFen()).isEqualTo(2000);
            assertThat(a.detail()).isEqualTo("2 > 1: T0001 1, T0002 1");
            assertThat(a.occurredAt()).isEqualTo("2026-11-30T14:05+08:00");
        });
    }

    @Test
    void twoOtherLanesAloneAreFlaggedAndWithinTheLimitIsNot() {
        assertThat(CrossLaneMeals.anomalies(PERIODS, List.of(), List.of(
                debit("A1", "T0002", at("2026-11-30", "12:00")), debit("A1", "T0003", at("2026-11-30", "12:01"))),
                "T0001")).extracting(CanteenReport.Anomaly::detail).containsExactly("2 > 1: T0002 1, T0003 1");
        Period twoLunches = new Period("午餐", 11 * 60, 13 * 60 + 30, "12345", 2);
        assertThat(CrossLaneMeals.anomalies(List.of(twoLunches), List.of(lunchHere("A1", 1)),
                List.of(debit("A1", "T0002", at("2026-11-30", "12:00"))), "T0001")).isEmpty();
    }

    @Test
    void aRefundOnTheOtherLaneCancelsItsMealAndOnlyOtherLanesMealsRaiseTheFlag() {
        Movement credit = new Movement("A1", "D-A1", "T0002", false, 1000, at("2026-11-30", "12:30"), MONDAY);
        assertThat(CrossLaneMeals.anomalies(PERIODS, List.of(lunchHere("A1", 1)),
                List.of(debit("A1", "T0002", at("2026-11-30", "12:00")), credit), "T0001")).isEmpty();
        assertThat(CrossLaneMeals.anomalies(PERIODS, List.of(lunchHere("A1", 2)), List.of(), "T0001"))
                .as("this lane's own excess is MORE_MEALS_THAN_ALLOWED's").isEmpty();
        assertThat(CrossLaneMeals.anomalies(PERIODS, List.of(lunchHere("A1", 1)),
                List.of(debit("A2", "T0002", at("2026-11-30", "12:00")),
                        debit("A1", "T0002", at("2026-11-30", "08:00"))), "T0001"))
                .as("another account; another period").isEmpty();
    }
}
