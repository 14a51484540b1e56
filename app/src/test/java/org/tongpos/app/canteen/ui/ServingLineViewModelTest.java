package org.tongpos.app.canteen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.GuestApproval;
import org.tongpos.app.canteen.domain.IdentifiedBy;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.JournalEntry;

/**
 * The serving line's ViewModel on a real terminal with the demo canteen (the fixture's clock: Monday 2026-11-30
 * 12:05 in Shanghai, lunch at ¥10 for staff), each meal through the real meal commit.
 */
class ServingLineViewModelTest {

    private static final String L001_CARD = "04D1E2F3A4B501";
    private static final String L002_CARD = "04D1E2F3A4B502";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private Terminal terminal;
    private final AtomicReference<Session> session = new AtomicReference<>(TestSessions.as(Role.CASHIER, "101"));
    private ServingLineViewModel vm;

    @BeforeEach
    void open() {
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
        terminal.canteen().demo().load();
        vm = new ServingLineViewModel(terminal.canteen(), new DirectTaskRunner(), session::get, terminal.clock());
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private DinerAccount diner(String id) {
        return terminal.canteen().diners().byDinerId(id).orElseThrow();
    }

    @Test
    void aMealCardIsShownGreenWithWhatWasChargedAndWhatIsLeftOnceItsMealEntryIsInTheJournal() {
        AtomicInteger cues = new AtomicInteger();
        vm.addResultListener(() -> {
            // when the screen turns green, the entry is already in the journal
            assertThat(terminal.journal().lastSeq()).isEqualTo(1);
            cues.incrementAndGet();
        });

        vm.card(L001_CARD);

        ServingResult shown = vm.result().get();
        assertThat(shown.isServed()).isTrue();
        assertThat(shown.by()).isEqualTo(IdentifiedBy.CARD);
        assertThat(shown.diner().map(DinerAccount::name)).contains(diner("L001").name());
        MealDecision.Served served = shown.served().orElseThrow();
        assertThat(served.period()).isEqualTo("午餐");
        assertThat(served.price()).isEqualTo(Money.ofFen(1000));
        assertThat(served.split().subsidy()).isEqualTo(Money.ofFen(1000));
        assertThat(served.subsidyAfter()).contains(Money.ofFen(29_000));
        assertThat(served.balanceAfter()).contains(Money.ofFen(20_000));
        assertThat(served.nth()).isEqualTo(1);
        JournalEntry entry = terminal.journal().read(1, 1).get(0);
        assertThat(shown.seq()).isEqualTo(entry.seq());
        assertThat(entry.kind()).isEqualTo(EntryKind.MEAL);
        assertThat(cues).hasValue(1);
        assertThat(vm.servedHere().get()).isEqualTo(1);
        assertThat(vm.header().get().period().map(p -> p.name())).contains("午餐");
        assertThat(vm.header().get().servedInPeriod()).isEqualTo(1);
        assertThat(vm.header().get().servedToday()).isEqualTo(1);
        assertThat(vm.working().get()).isFalse();
    }

    @Test
    void aSecondLunchIsRefusedRedWithTheReasonAndNothingIsRecorded() {
        vm.card(L001_CARD);
        vm.card(L001_CARD);

        ServingResult shown = vm.result().get();
        assertThat(shown.isServed()).isFalse();
        assertThat(shown.reason()).contains(RefusalReason.ALREADY_SERVED);
        assertThat(shown.diner().map(DinerAccount::dinerId)).contains("L001");
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
        assertThat(diner("L001").subsidy()).isEqualTo(Money.ofFen(29_000));
        assertThat(vm.recent()).hasSize(2);
        assertThat(vm.recent().get(0)).isSameAs(shown);
        assertThat(vm.recent().get(1).isServed()).isTrue();
        assertThat(vm.servedHere().get()).isEqualTo(1);
    }

    @Test
    void aFaceTerminalsPersonIsServedThroughTheFaceMapping() {
        vm.face("1003");

        assertThat(vm.result().get().isServed()).isTrue();
        assertThat(vm.result().get().by()).isEqualTo(IdentifiedBy.FACE);
        assertThat(vm.result().get().diner().map(DinerAccount::dinerId)).contains("L003");
        assertThat(terminal.canteen().mealStore().count(TODAY, "午餐")).isEqualTo(1);
    }

    @Test
    void aGoodsBarcodeIsNoDinerCodeAndAsksNobodyWhileAGarbledDinerCodeIsRefusedByTheCanteen() {
        vm.scanned(TerminalFixture.COLA);

        assertThat(vm.result().get().problem()).contains(Notice.error("serving.notDinerCode"));
        assertThat(vm.result().get().isServed()).isFalse();

        vm.scanned("TQ1.garbled");

        assertThat(vm.result().get().reason()).contains(RefusalReason.QR_MALFORMED);
        assertThat(terminal.journal().lastSeq()).isZero();
    }

    @Test
    void anAuditorSeesTheLineButNothingIsChargedAndTheServiceRefusesThemToo() {
        session.set(TestSessions.as(Role.AUDITOR, "104"));
        vm.refresh();
        assertThat(vm.readOnly().get()).isTrue();
        assertThat(vm.header().get().period()).isPresent();

        vm.card(L002_CARD);

        assertThat(vm.result().get().problem()).contains(Notice.error("serving.readOnly"));
        assertThat(terminal.journal().lastSeq()).isZero();
        assertThat(diner("L002").subsidy()).isEqualTo(Money.ofFen(30_000));
    }

    @Test
    void aCashWalkInPaysTheWalkInPriceInCash() {
        vm.walkIn();

        MealDecision.Served served = vm.result().get().served().orElseThrow();
        assertThat(served.split().cash()).isEqualTo(Money.ofFen(1500));
        assertThat(vm.result().get().diner()).isEmpty();
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
    }

    @Test
    void aGuestIsServedAgainstTheApprovalUpToItsHeadCount() {
        Session manager = TestSessions.as(Role.MANAGER, "103");
        GuestApproval approval = terminal.canteen().guests().approve(manager, "上级检查组", 1, TODAY,
                OffsetDateTime.parse("2026-11-30T14:00:00+08:00"), Optional.of("L-L001"));

        vm.guest(approval.id());
        assertThat(vm.result().get().isServed()).isTrue();
        assertThat(vm.result().get().by()).isEqualTo(IdentifiedBy.GUEST);

        vm.guest(approval.id());
        assertThat(vm.result().get().reason()).contains(RefusalReason.GUEST_APPROVAL_USED_UP);

        vm.guest("  ");
        assertThat(vm.result().get().problem()).contains(Notice.error("serving.guestIdRequired"));
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
    }

    @Test
    void typedDishNumbersGoWithTheNextMealAndWhatIsNoNumberIsRefusedBeforeAnyDecision() {
        vm.dishes().set("1 x");
        vm.card(L001_CARD);

        assertThat(vm.result().get().problem()).contains(Notice.error("serving.badDishes", "1 x"));
        assertThat(terminal.journal().lastSeq()).isZero();
        assertThat(vm.dishes().get()).as("kept to be corrected").isEqualTo("1 x");
    }

    @Test
    void theScreenListsTheLastEightDinersNewestFirst() {
        for (int i = 0; i < 10; i++) {
            vm.scanned("not-a-diner-" + i);
        }

        assertThat(vm.recent()).hasSize(ServingLineViewModel.RECENT);
        assertThat(vm.recent().get(0)).isSameAs(vm.result().get());
    }
}
