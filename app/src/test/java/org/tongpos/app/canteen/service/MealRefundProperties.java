package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Whatever the order of meals and refunds (refunds of any meal, again and again), a meal is refunded at most once,
 * each refund returns exactly the meal's tenders, and a local diner's money is the start less the meals not refunded.
 */
class MealRefundProperties {

    private static final Session CASHIER = TestSessions.as(Role.CASHIER, "101");
    private static final Session SUPERVISOR = TestSessions.as(Role.SUPERVISOR, "201");

    /** An action: serve diner {@code n % 7 + 1} by card (n ≥ 0) or refund the {@code -n}-th meal served so far. */
    @Provide
    Arbitrary<List<Integer>> actions() {
        return Arbitraries.integers().between(-12, 20).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 8)
    void aRefundNeverExceedsItsMealNorHappensTwice(@ForAll("actions") List<Integer> actions) throws IOException {
        Path dir = Files.createTempDirectory("meal-refund-property");
        try (Terminal terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK)) {
            terminal.canteen().demo().load();
            terminal.canteen().rules().setLimit("meals-per-period", "20", "test");
            List<JournalEntry> meals = new ArrayList<>();
            for (int action : actions) {
                if (action >= 0) {
                    String card = String.format("04D1E2F3A4B5%02d", action % 7 + 1);
                    terminal.canteen().serving().serve(new MealRequest(new DinerSource.Card(card), MealOrder.FIXED),
                            CASHIER).entry().ifPresent(meals::add);
                } else if (!meals.isEmpty()) {
                    JournalEntry meal = meals.get(-action % meals.size());
                    try {
                        terminal.canteen().refunds().refund(meal.txnId(), "test", CASHIER, Optional.of(SUPERVISOR));
                    } catch (RuleProblem problem) {
                        assertThat(problem.key()).isEqualTo("meal.refund.already");
                    }
                }
            }
            Map<String, JournalEntry> byTxn = new HashMap<>();
            Map<String, Integer> refundsOf = new HashMap<>();
            Map<String, Long> chargedTo = new HashMap<>();
            for (JournalEntry entry : terminal.journal().read(1, Integer.MAX_VALUE)) {
                byTxn.put(entry.txnId(), entry);
                long sign = entry.kind() == EntryKind.MEAL ? 1 : -1;
                entry.tenders().forEach(t -> chargedTo.merge(t.reference(), sign * t.amountFen(), Long::sum));
                if (entry.kind() == EntryKind.MEAL_REFUND) {
                    JournalEntry original = byTxn.get(entry.originalTxnId());
                    assertThat(original.kind()).isEqualTo(EntryKind.MEAL);
                    assertThat(entry.amountFen()).isEqualTo(original.amountFen());
                    assertThat(entry.tenders()).isEqualTo(original.tenders());
                    refundsOf.merge(entry.originalTxnId(), 1, Integer::sum);
                }
            }
            assertThat(refundsOf.values()).allMatch(n -> n == 1);
            for (int i = 1; i <= 7; i++) {
                var diner = terminal.canteen().diners().byDinerId(String.format("L%03d", i)).orElseThrow();
                long spent = 50_000 - diner.subsidy().fen() - diner.balance().fen();
                assertThat(spent).isEqualTo(chargedTo.getOrDefault(diner.accountId(), 0L));
            }
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
