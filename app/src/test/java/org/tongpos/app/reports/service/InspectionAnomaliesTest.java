package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.service.MealRequest;
import org.tongpos.app.canteen.service.ServedMeal;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.CanteenReport.Anomaly;
import org.tongpos.app.reports.domain.CanteenReport.Rule;
import org.tongpos.app.reports.domain.DateRange;

/**
 * What the inspection office reads beside the meal rules, made by the real serving path (the demo canteen, lunch
 * 11:30-13:00 on the fixture's Monday): a guest meal with its approval, a meal that overdrew a balance, and a rule
 * changed at 23:10; the same changes at lunch are not flagged.
 */
class InspectionAnomaliesTest {

    private static final Session MANAGER = TestSessions.as(Role.MANAGER, "301");
    private static final Session CASHIER = TestSessions.as(Role.CASHIER, "101");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private Terminal open(Clock clock) {
        Terminal terminal = Terminal.open(dir, clock);
        if (terminal.canteen().rules().rules().periods().isEmpty()) {
            terminal.canteen().demo().load();
        }
        return terminal;
    }

    private static ServedMeal serve(Terminal terminal, DinerSource source) {
        return terminal.canteen().serving().serve(new MealRequest(source, MealOrder.FIXED), CASHIER);
    }

    @Test
    void guestMealsOverdraftsAndOffHoursActsAreFlaggedWithWhatExplainsThem() {
        try (Terminal terminal = open(TerminalFixture.FIXED_CLOCK)) {
            terminal.canteen().rules().setLimit("overdraft", "200", MANAGER);
            terminal.canteen().rules().setPrice("午餐", "STAFF", Optional.of(Money.parseYuan("600")), new TreeMap<>(),
                    MANAGER);
            // subsidy 300 first, then 300 of a balance of 200: 100 overdrawn
            assertThat(serve(terminal, new DinerSource.Card("04D1E2F3A4B501")).served()).isTrue();
            // a meal within the balance is not flagged
            terminal.canteen().rules().setPrice("午餐", "STAFF", Optional.of(Money.parseYuan("10")), new TreeMap<>(),
                    MANAGER);
            assertThat(serve(terminal, new DinerSource.Card("04D1E2F3A4B502")).served()).isTrue();
            String approval = terminal.canteen().guests().approve(MANAGER, "上级检查", 1, MONDAY,
                    OffsetDateTime.of(2026, 11, 30, 13, 0, 0, 0, ZoneOffset.ofHours(8)), Optional.empty()).id();
            assertThat(serve(terminal, new DinerSource.Guest(approval)).served()).isTrue();
        }
        // 23:10 in Shanghai: a manager changes a limit at night
        try (Terminal terminal = open(Clock.fixed(Instant.parse("2026-11-30T15:10:00Z"), ZoneOffset.UTC))) {
            terminal.canteen().rules().setLimit("overdraft", "500", MANAGER);
        }
        try (Terminal terminal = open(TerminalFixture.FIXED_CLOCK)) {
            CanteenReport report = terminal.reports().canteen(TestSessions.as(Role.AUDITOR, "801"),
                    new DateRange(MONDAY, MONDAY), CanteenReport.CanteenGrouping.DAY);
            List<Anomaly> overdrafts = only(report, Rule.OVERDRAFT);
            assertThat(overdrafts).singleElement().satisfies(a -> {
                assertThat(a.dinerId()).isEqualTo("L001");
                assertThat(a.amountFen()).isEqualTo(60_000);
                assertThat(a.detail()).isEqualTo("-100.00 (LOCAL)");
            });
            assertThat(only(report, Rule.GUEST_MEAL)).singleElement().satisfies(a -> {
                assertThat(a.dinerId()).isEqualTo(approval(report));
                assertThat(a.detail()).isEqualTo(a.dinerId() + " 301: 上级检查 (1, CASH)");
            });
            assertThat(only(report, Rule.OFF_HOURS)).singleElement().satisfies(a -> {
                assertThat(a.occurredAt()).isEqualTo("2026-11-30T23:10:00+08:00");
                assertThat(a.dinerId()).isEqualTo("301");
                assertThat(a.detail()).startsWith("MEAL_RULE_CHANGED");
            });
            List<String> shown = new ReportTables(terminal.messages()).canteen(report).get(1).rows().stream()
                    .map(r -> r.get(0)).toList();
            assertThat(shown).contains("接待用餐（附审批）", "余额透支", "非营业时间操作");
        }
    }

    private static String approval(CanteenReport report) {
        return only(report, Rule.GUEST_MEAL).get(0).dinerId();
    }

    private static List<Anomaly> only(CanteenReport report, Rule rule) {
        return report.anomalies().stream().filter(a -> a.rule() == rule).toList();
    }
}
