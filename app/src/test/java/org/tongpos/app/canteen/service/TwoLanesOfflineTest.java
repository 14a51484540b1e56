package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.domain.OfflineLimit;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.canteen.store.MealStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.sandbox.DemoAccount;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.sync.sandbox.SandboxFaults;
import org.tongpos.testkit.MutableClock;

/**
 * Two serving lanes (two data directories, terminals T0001 and T0002) charge the same bank account while the bank is
 * unreachable, then sync through the sandbox. Each lane holds its own offline limits; together they can overdraw an
 * account by at most the lanes × {@code offline.account-spend}; after syncing, both replicas show the bank's balance,
 * every charge is confirmed, each lane sees the double meal across lanes (two meals in the period) and its canteen
 * report flags it ({@code MEALS_ACROSS_LANES}, read by an auditor), whether the bank came back during lunch or after
 * it. Bank and lanes share one clock: Monday 2026-11-30 12:00 in Shanghai (lunch), moved by hand.
 */
class TwoLanesOfflineTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static final String ACCOUNT = "C0001";
    private static final String CARD = "0C0C0C01";
    private static final Session CASHIER = TestSessions.as(Role.CASHIER, "101");

    @TempDir
    Path dir;

    /** Monday 2026-11-30 12:00 in Shanghai (lunch), moved by hand; the bank and both lanes read it. */
    private final MutableClock clock = MutableClock.at("2026-11-30T04:00:00Z");

    private final String key1 = BankTestSupport.newKey();
    private final String key2 = BankTestSupport.newKey();
    private SandboxBank bank;

    @BeforeEach
    void startBank() {
        bank = SandboxBank.start(new SandboxBankConfig(0, dir.resolve("bank"),
                Map.of("T0001", key1, "T0002", key2), BankTestSupport.MERCHANT), clock);
        // ¥5 on the personal balance, no subsidy: lunch (¥10) overdraws it
        bank.openAccounts(List.of(new DemoAccount(ACCOUNT, "C1", "李明", "财务处", "STAFF", CARD, 500, 0)));
    }

    @AfterEach
    void stopBank() {
        bank.close();
    }

    /** A lane configured for the bank with the demo canteen, ¥20 overdraft and ¥15 offline spend per account. */
    private Terminal lane(String terminalId, String key) {
        Path at = dir.resolve(terminalId);
        try (Terminal terminal = Terminal.open(at, clock)) {
            terminal.settings().set(SettingKey.TERMINAL_ID, terminalId);
            BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        }
        Terminal terminal = Terminal.open(at, clock);
        terminal.canteen().demo().load();
        terminal.canteen().rules().setLimit("overdraft", "20", "test");
        terminal.canteen().rules().setLimit("offline.account-spend", "15", "test");
        assertThat(terminal.bank().services().orElseThrow().refreshCanteenData().complete()).isTrue();
        return terminal;
    }

    private static final Session AUDITOR = TestSessions.as(Role.AUDITOR, "104");

    /** The anomalies of the day flagged by the cross-lane rule, as the auditor reads them. */
    private static List<CanteenReport.Anomaly> acrossLanes(Terminal lane) {
        return lane.reports().canteen(AUDITOR, DateRange.day(MONDAY), CanteenReport.CanteenGrouping.PERIOD)
                .anomalies().stream().filter(a -> a.rule() == CanteenReport.Rule.MEALS_ACROSS_LANES).toList();
    }

    /** Both lanes serve the card lunch while the bank is down; the bank stays down. */
    private void bothServeWhileTheBankIsDown(Terminal lane1, Terminal lane2) {
        bank.faults().inject(null, "/v1/.*", Fault.unavailableBeforeExecuting(), SandboxFaults.FOREVER);
        assertThat(card(lane1).served()).isTrue();
        assertThat(card(lane2).served()).isTrue();
        for (Terminal lane : List.of(lane1, lane2)) {
            assertThat(acrossLanes(lane)).as("neither lane can know of the other yet").isEmpty();
        }
    }

    private void bankBackAndBothSync(Terminal lane1, Terminal lane2) {
        bank.faults().clear();
        for (Terminal lane : List.of(lane1, lane2)) {
            assertThat(lane.bank().services().orElseThrow().sync().syncNow().pendingEntries()).isZero();
        }
        for (Terminal lane : List.of(lane1, lane2)) {
            assertThat(lane.bank().services().orElseThrow().refreshCanteenData().complete()).isTrue();
        }
    }

    private static ServedMeal card(Terminal lane) {
        return lane.canteen().serving().serve(new MealRequest(new DinerSource.Card(CARD), MealOrder.FIXED), CASHIER);
    }

    private static MealDecision.Refused refused(ServedMeal meal) {
        assertThat(meal.served()).as(meal.attempt().decision().toString()).isFalse();
        return (MealDecision.Refused) meal.attempt().decision();
    }

    private long bankBalance() {
        return bank.accounts().stream().filter(a -> a.accountId().equals(ACCOUNT)).findFirst().orElseThrow()
                .balanceFen();
    }

    @Test
    void twoLanesOfflineStayWithinTheirLimitsAndConvergeOnTheBanksBalanceOnceTheySync() {
        try (Terminal lane1 = lane("T0001", key1); Terminal lane2 = lane("T0002", key2)) {
            // the bank goes down: every request fails from now on
            bank.faults().inject(null, "/v1/.*", Fault.unavailableBeforeExecuting(), SandboxFaults.FOREVER);

            ServedMeal first = card(lane1);
            assertThat(first.served()).isTrue();
            SyncStatus down = lane1.bank().services().orElseThrow().sync().syncNow();
            assertThat(down.pendingEntries()).as("the bank is unreachable: the meal waits").isEqualTo(1);
            assertThat(first.entry().orElseThrow().amountFen()).isEqualTo(1000);
            assertThat(((MealDecision.Served) first.attempt().decision()).balanceAfter())
                    .contains(Money.ofFen(-500));
            assertThat(refused(card(lane1)).reason()).isEqualTo(RefusalReason.ALREADY_SERVED);

            // a second meal in the period on lane 1 would pass the period's count but not the offline spend
            lane1.canteen().rules().setPeriod("午餐", "11:00-13:30", "1234567", java.util.OptionalInt.of(3), "test");
            MealDecision.Refused overSpend = refused(card(lane1));
            assertThat(overSpend.reason()).isEqualTo(RefusalReason.OFFLINE_LIMIT);
            assertThat(overSpend.offlineLimit()).contains(OfflineLimit.ACCOUNT_SPEND);
            lane1.canteen().rules().setPeriod("午餐", "11:00-13:30", "1234567", java.util.OptionalInt.empty(), "test");

            // lane 2 knows nothing of lane 1 while the bank is down: it serves the same diner (a double meal)
            ServedMeal second = card(lane2);
            assertThat(second.served()).isTrue();
            assertThat(refused(card(lane2)).reason()).isEqualTo(RefusalReason.ALREADY_SERVED);
            assertThat(bankBalance()).as("the bank has heard nothing yet").isEqualTo(500);

            // the bank is back: both lanes upload, then pull the feed
            bank.faults().clear();
            assertThat(lane1.bank().services().orElseThrow().sync().syncNow().pendingEntries()).isZero();
            assertThat(lane2.bank().services().orElseThrow().sync().syncNow().pendingEntries()).isZero();
            assertThat(lane1.bank().services().orElseThrow().refreshCanteenData().complete()).isTrue();
            assertThat(lane2.bank().services().orElseThrow().refreshCanteenData().complete()).isTrue();

            long atTheBank = bankBalance();
            assertThat(atTheBank).as("two lunches charged to ¥5").isEqualTo(500 - 2 * 1000);
            assertThat(-atTheBank).as("overdrawn by at most lanes × offline.account-spend").isLessThanOrEqualTo(2 * 1500);
            for (Terminal lane : List.of(lane1, lane2)) {
                assertThat(lane.canteen().diners().byAccountId(ACCOUNT).orElseThrow().balance())
                        .as("the replica converged on the bank's balance").isEqualTo(Money.ofFen(atTheBank));
                assertThat(lane.canteen().mealStore().unconfirmed(ACCOUNT)).as("every charge confirmed")
                        .isEqualTo(MealStore.Unconfirmed.NONE);
                MealAttempt after = lane.canteen().meals().decide(new MealRequest(new DinerSource.Card(CARD),
                        MealOrder.FIXED));
                assertThat(after.history().mealsThisPeriod()).as("the double meal across lanes is visible")
                        .isEqualTo(2);
            }
            assertThat(lane2.canteen().meals().decide(new MealRequest(new DinerSource.Card(CARD), MealOrder.FIXED))
                    .served()).isFalse();
            assertDoubleLunchFlagged(lane1, lane2);
        }
    }

    @Test
    void aDoubleLunchIsFlaggedWhenTheBankComesBackOnlyAfterLunch() {
        try (Terminal lane1 = lane("T0001", key1); Terminal lane2 = lane("T0002", key2)) {
            bothServeWhileTheBankIsDown(lane1, lane2);
            clock.advance(Duration.ofMinutes(150)); // 14:30: lunch (11:00-13:30) is over, no period is open
            bankBackAndBothSync(lane1, lane2);

            long atTheBank = bankBalance();
            assertThat(atTheBank).isEqualTo(500 - 2 * 1000);
            assertThat(-atTheBank).as("overdrawn within lanes × offline.account-spend").isLessThanOrEqualTo(2 * 1500);
            for (Terminal lane : List.of(lane1, lane2)) {
                assertThat(lane.canteen().diners().byAccountId(ACCOUNT).orElseThrow().balance())
                        .isEqualTo(Money.ofFen(atTheBank));
                assertThat(lane.canteen().mealStore().unconfirmed(ACCOUNT)).isEqualTo(MealStore.Unconfirmed.NONE);
            }
            // the DEBITs arrived after lunch: they are put in the last period that had ended, lunch
            assertDoubleLunchFlagged(lane1, lane2);
        }
    }

    @Test
    void oneLunchOnEachOfTwoDaysIsNoAnomaly() {
        try (Terminal lane1 = lane("T0001", key1); Terminal lane2 = lane("T0002", key2)) {
            assertThat(card(lane1).served()).isTrue();
            bankBackAndBothSync(lane1, lane2);
            clock.advance(Duration.ofDays(1)); // Tuesday lunch on the other lane
            assertThat(card(lane2).served()).isTrue();
            bankBackAndBothSync(lane1, lane2);
            for (Terminal lane : List.of(lane1, lane2)) {
                assertThat(lane.reports().canteen(AUDITOR, new DateRange(MONDAY, MONDAY.plusDays(1)),
                        CanteenReport.CanteenGrouping.PERIOD).anomalies())
                        .noneMatch(a -> a.rule() == CanteenReport.Rule.MEALS_ACROSS_LANES);
            }
        }
    }

    /** Each lane's canteen report, read by an auditor, flags the one double lunch with its rule and both lanes. */
    private static void assertDoubleLunchFlagged(Terminal lane1, Terminal lane2) {
        for (Terminal lane : List.of(lane1, lane2)) {
            List<CanteenReport.Anomaly> flagged = acrossLanes(lane);
            assertThat(flagged).as("one double lunch, flagged on " + lane.journal().terminalId()).hasSize(1);
            CanteenReport.Anomaly anomaly = flagged.get(0);
            assertThat(anomaly.dinerId()).isEqualTo("C1");
            assertThat(anomaly.period()).isEqualTo("午餐");
            assertThat(anomaly.amountFen()).isEqualTo(2000);
            assertThat(anomaly.detail()).isEqualTo("2 > 1: T0001 1, T0002 1");
        }
    }
}
