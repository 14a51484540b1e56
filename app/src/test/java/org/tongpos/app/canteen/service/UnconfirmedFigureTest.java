package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.sync.sandbox.DemoAccount;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.sync.sandbox.SandboxFaults;
import org.tongpos.testkit.MutableClock;

/**
 * The terminal's unconfirmed charges to bank accounts (the offline limit {@code offline.terminal-total} judges them)
 * are a running figure, not a sum over every unconfirmed meal on each decision: it must always equal that sum — as
 * bank meals are served offline, when a refused meal records nothing, when the feed confirms them, and after a
 * restart — and the offline limit must still refuse by it. Lunch at Monday 2026-11-30 12:00 in Shanghai.
 */
class UnconfirmedFigureTest {

    private static final Session CASHIER = TestSessions.as(Role.CASHIER, "101");
    private static final int DINERS = 4;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-30T04:00:00Z");
    private final String key = BankTestSupport.newKey();
    private SandboxBank bank;

    @BeforeEach
    void startBank() {
        bank = SandboxBank.start(new SandboxBankConfig(0, dir.resolve("bank"), Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT), clock);
        List<DemoAccount> accounts = new ArrayList<>();
        for (int i = 1; i <= DINERS; i++) {
            accounts.add(new DemoAccount("U000" + i, "U" + i, "食客" + i, "后勤处", "STAFF", card(i), 10_000, 0));
        }
        bank.openAccounts(accounts);
    }

    @AfterEach
    void stopBank() {
        bank.close();
    }

    private static String card(int i) {
        return "0D0D0D0" + i;
    }

    private Terminal lane() {
        Path at = dir.resolve("lane");
        try (Terminal terminal = Terminal.open(at, clock)) {
            BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
            terminal.canteen().demo().load();
        }
        Terminal terminal = Terminal.open(at, clock);
        assertThat(terminal.bank().services().orElseThrow().refreshCanteenData().complete()).isTrue();
        return terminal;
    }

    private static ServedMeal serve(Terminal lane, int diner) {
        return lane.canteen().serving().serve(new MealRequest(new DinerSource.Card(card(diner)), MealOrder.FIXED),
                CASHIER);
    }

    /** The running figure, checked against the sum of the table. */
    private static long figure(Terminal lane) {
        MealStore meals = lane.canteen().mealStore();
        long running = meals.terminalUnconfirmed().fen();
        assertThat(running).as("the running figure equals the sum of the unconfirmed meals")
                .isEqualTo(meals.sumUnconfirmed());
        return running;
    }

    private void bankDown() {
        bank.faults().inject(null, "/v1/.*", Fault.unavailableBeforeExecuting(), SandboxFaults.FOREVER);
    }

    @Test
    void theRunningFigureFollowsMealsConfirmationsAndARestart() {
        Path at = dir.resolve("lane");
        try (Terminal lane = lane()) {
            assertThat(figure(lane)).isZero();
            bankDown();
            for (int i = 1; i <= 3; i++) {
                assertThat(serve(lane, i).served()).isTrue();
                assertThat(lane.canteen().mealStore().unconfirmedFigureKept())
                        .as("kept through the meal: the next decision does not sum").isTrue();
                assertThat(figure(lane)).isEqualTo(i * 1000L);
            }
            assertThat(serve(lane, 1).served()).as("a second lunch is refused").isFalse();
            assertThat(figure(lane)).as("a refusal records nothing").isEqualTo(3000);

            bank.faults().clear();
            assertThat(lane.bank().services().orElseThrow().sync().syncNow().pendingEntries()).isZero();
            assertThat(lane.bank().services().orElseThrow().refreshCanteenData().complete()).isTrue();
            assertThat(lane.canteen().mealStore().unconfirmedFigureKept()).as("summed again after confirmations")
                    .isFalse();
            assertThat(figure(lane)).as("the feed confirmed every meal").isZero();

            bankDown();
            assertThat(serve(lane, 4).served()).isTrue();
            assertThat(figure(lane)).isEqualTo(1000);
        }
        try (Terminal again = Terminal.open(at, clock)) {
            assertThat(figure(again)).as("after a restart, summed from the table").isEqualTo(1000);
        }
    }

    @Test
    void theTerminalsOfflineTotalStillRefusesByTheRunningFigure() {
        try (Terminal lane = lane()) {
            lane.canteen().rules().setLimit("offline.terminal-total", "25", "test");
            bankDown();
            assertThat(serve(lane, 1).served()).isTrue();
            assertThat(serve(lane, 2).served()).isTrue();
            ServedMeal third = serve(lane, 3);
            assertThat(third.served()).isFalse();
            MealDecision.Refused refused = (MealDecision.Refused) third.attempt().decision();
            assertThat(refused.reason()).isEqualTo(RefusalReason.OFFLINE_LIMIT);
            assertThat(refused.offlineLimit()).contains(OfflineLimit.TERMINAL_TOTAL);
            assertThat(figure(lane)).isEqualTo(2000);
        }
    }
}
