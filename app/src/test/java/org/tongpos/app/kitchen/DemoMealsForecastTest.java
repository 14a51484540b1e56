package org.tongpos.app.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.service.DemoHistory;

/**
 * The demo history's canteen: meals as MEAL journal entries and canteen_meal rows (the chain still verifies), the
 * canteen report counts them, the auditor's planted double lunch is flagged, and the forecast measured on it beats
 * "same weekday last week".
 */
class DemoMealsForecastTest {

    @TempDir
    Path dir;

    @Test
    void demoMealsAreReportedTheDoubleLunchIsFlaggedAndTheForecastIsMeasured() {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            LocalDate today = LocalDate.now(terminal.clock());
            DemoHistory.Outcome outcome = terminal.demoHistory().write(terminal.catalog().all(), today, 70, 0.05, 3);
            assertThat(outcome.meals()).isBetween(70 / 7 * 5 * 80L, 70 / 7 * 5 * 120L);
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();

            DateRange range = new DateRange(outcome.from(), outcome.to());
            CanteenReport report = terminal.reports().canteen(terminal.systemSession(), range,
                    CanteenReport.CanteenGrouping.DEPARTMENT);
            assertThat(report.total().meals()).isEqualTo(outcome.meals());
            assertThat(report.rows()).extracting(CanteenReport.Row::key).contains("办公室", "财务处");
            assertThat(report.anomalies()).filteredOn(a -> a.rule() == CanteenReport.Rule.MORE_MEALS_THAN_ALLOWED)
                    .hasSize(1).allMatch(a -> a.period().equals("午餐"));

            KitchenStock.Forecast forecast = terminal.kitchen().forecast(terminal.systemSession(), 7, 4, Set.of());
            assertThat(forecast.error().days()).isEqualTo(20 * 3);
            assertThat(forecast.error().mape()).isLessThan(forecast.error().naiveMape());
            System.out.printf("demo history forecast error: MAPE %.1f%%, same weekday last week %.1f%%%n",
                    forecast.error().mape(), forecast.error().naiveMape());
        }
    }
}
