package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Serving a meal records it in one durable step with its MEAL journal entry (local diners of the demo canteen; the
 * fixture's clock is Monday 2026-11-30 12:05 in Shanghai, lunch). QR codes are covered with the sandbox bank in
 * {@link CanteenWithTheBankTest}.
 */
class MealCommitTest {

    private static final String L001_CARD = "04D1E2F3A4B501";
    private static final Session CASHIER = TestSessions.as(Role.CASHIER, "101");

    @TempDir
    Path dir;

    private Terminal open(Path at) {
        Terminal terminal = Terminal.open(at, TerminalFixture.FIXED_CLOCK);
        if (terminal.canteen().rules().rules().periods().isEmpty()) {
            terminal.canteen().demo().load();
        }
        return terminal;
    }

    private static ServedMeal serve(Terminal terminal, DinerSource source) {
        return terminal.canteen().serving().serve(new MealRequest(source, MealOrder.FIXED), CASHIER);
    }

    private static DinerAccount diner(Terminal terminal, String id) {
        return terminal.canteen().diners().byDinerId(id).orElseThrow();
    }

    @Test
    void aServedMealIsOneMealEntryWithTheSubsidyTenderAndChargesTheLocalDinerOnce() {
        try (Terminal terminal = open(dir)) {
            ServedMeal meal = serve(terminal, new DinerSource.Card(L001_CARD));
            assertThat(meal.served()).isTrue();
            JournalEntry entry = meal.entry().orElseThrow();
            assertThat(entry.kind()).isEqualTo(EntryKind.MEAL);
            assertThat(entry.amountFen()).isEqualTo(1000);
            assertThat(entry.originalTxnId()).isEmpty();
            assertThat(entry.tenders()).containsExactly(new EntryTender(TenderMethod.SUBSIDY, 1000, "L-L001"));
            assertThat(terminal.journal().read(1, 10)).containsExactly(entry);
            assertThat(diner(terminal, "L001").subsidy()).isEqualTo(Money.ofFen(29_000));
            assertThat(diner(terminal, "L001").balance()).isEqualTo(Money.ofFen(20_000));
            assertThat(terminal.canteen().mealStore().count(java.time.LocalDate.of(2026, 11, 30), "午餐")).isEqualTo(1);

            ServedMeal again = serve(terminal, new DinerSource.Card(L001_CARD));
            assertThat(again.served()).isFalse();
            assertThat(again.entry()).isEmpty();
            assertThat(((MealDecision.Refused) again.attempt().decision()).reason())
                    .isEqualTo(RefusalReason.ALREADY_SERVED);
            assertThat(terminal.journal().lastSeq()).as("a refused meal records nothing").isEqualTo(1);
            assertThat(diner(terminal, "L001").subsidy()).isEqualTo(Money.ofFen(29_000));
        }
    }

    @Test
    void balanceFirstPaysWithAnAccountTenderNamingTheAccount() {
        try (Terminal terminal = open(dir)) {
            terminal.canteen().rules().setLimit("pay-order", "balance-first", "test");
            ServedMeal meal = serve(terminal, new DinerSource.Face("1002"));
            assertThat(meal.entry().orElseThrow().tenders())
                    .containsExactly(new EntryTender(TenderMethod.ACCOUNT, 1000, "L-L002"));
            assertThat(diner(terminal, "L002").balance()).isEqualTo(Money.ofFen(19_000));
            assertThat(diner(terminal, "L002").subsidy()).isEqualTo(Money.ofFen(30_000));
        }
    }

    @Test
    void aManualIdentificationIsRecordedWithTheMealAndAudited() {
        try (Terminal terminal = open(dir)) {
            Session supervisor = TestSessions.as(Role.SUPERVISOR, "201");
            ServedMeal meal = terminal.canteen().serving().serve(new MealRequest(
                    new DinerSource.Manual("L003", "忘带卡"), MealOrder.FIXED), supervisor);
            assertThat(meal.served()).isTrue();
            List<AuditRecord> audit = terminal.operators().audit().list(terminal.systemSession(),
                    java.time.LocalDate.of(2026, 11, 30), java.time.LocalDate.of(2026, 11, 30));
            assertThat(audit).anySatisfy(r -> {
                assertThat(r.action()).isEqualTo(AuditAction.MANUAL_IDENTIFICATION);
                assertThat(r.actor()).isEqualTo("201");
                assertThat(r.subject()).isEqualTo("L003");
                assertThat(r.detail()).contains("忘带卡").contains(meal.entry().orElseThrow().txnId());
            });
            assertThat(terminal.operators().audit().verify().ok()).isTrue();
        }
    }

    @Test
    void aCashierMayNotPickADinerByHandAndAnAuditorMayNotServe() {
        try (Terminal terminal = open(dir)) {
            assertThatThrownBy(() -> terminal.canteen().serving().serve(new MealRequest(
                    new DinerSource.Manual("L003", "忘带卡"), MealOrder.FIXED), CASHIER))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> terminal.canteen().serving().serve(new MealRequest(
                    new DinerSource.Card(L001_CARD), MealOrder.FIXED), TestSessions.as(Role.AUDITOR, "901")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(terminal.journal().lastSeq()).isZero();
        }
    }

    @Test
    void aMealInTheLogButNotInTheDatabaseIsRestoredOnceOnOpen() throws Exception {
        Path before = dir.resolve("before");
        Path live = dir.resolve("live");
        open(live).close();
        copy(live, before);
        byte[] logged;
        JournalEntry entry;
        try (Terminal terminal = open(live)) {
            entry = serve(terminal, new DinerSource.Card(L001_CARD)).entry().orElseThrow();
            logged = Files.readAllBytes(live.resolve("sales.wal"));
        }
        assertThat(logged).isNotEmpty();
        // the crash: the log holds the meal, the database never saw it
        Files.write(before.resolve("sales.wal"), logged);
        try (Terminal restored = open(before)) {
            assertThat(restored.journal().read(1, 10)).containsExactly(entry);
            assertThat(diner(restored, "L001").subsidy()).isEqualTo(Money.ofFen(29_000));
            assertThat(restored.journalVerifier().verify().ok()).isTrue();
        }
        // replayed a second time (the log back as it was): nothing is written twice
        Files.write(before.resolve("sales.wal"), logged);
        try (Terminal again = open(before)) {
            assertThat(again.journal().lastSeq()).isEqualTo(1);
            assertThat(diner(again, "L001").subsidy()).isEqualTo(Money.ofFen(29_000));
            assertThat(serve(again, new DinerSource.Card(L001_CARD)).served()).as("one meal per period holds").isFalse();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
