package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.GuestApproval;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/** Guest meals only against a manager's approval, within its head count and before it expires; exported as CSV. */
class GuestMealsTest {

    private static final Session MANAGER = TestSessions.as(Role.MANAGER, "301");
    private static final Session CASHIER = TestSessions.as(Role.CASHIER, "101");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    /** 13:00 in Shanghai on the fixture's Monday. */
    private static final OffsetDateTime ONE_PM = OffsetDateTime.of(2026, 11, 30, 13, 0, 0, 0, ZoneOffset.ofHours(8));

    @TempDir
    Path dir;

    private Terminal open(Clock clock) {
        Terminal terminal = Terminal.open(dir, clock);
        if (terminal.canteen().rules().rules().periods().isEmpty()) {
            terminal.canteen().demo().load();
        }
        return terminal;
    }

    private static ServedMeal guest(Terminal terminal, String approval) {
        return terminal.canteen().serving().serve(new MealRequest(new DinerSource.Guest(approval), MealOrder.FIXED),
                CASHIER);
    }

    private static RefusalReason refusal(ServedMeal meal) {
        return ((MealDecision.Refused) meal.attempt().decision()).reason();
    }

    @Test
    void guestsEatOnTheApprovalsAccountUpToTheHeadCountAndTheHostStillEatsOwnMeal() throws Exception {
        try (Terminal terminal = open(TerminalFixture.FIXED_CLOCK)) {
            GuestApproval approval = terminal.canteen().guests().approve(MANAGER, "上级检查，工作餐", 2, MONDAY, ONE_PM,
                    Optional.of("L-L004"));
            assertThat(approval.id()).isEqualTo("G000001");
            ServedMeal first = guest(terminal, approval.id());
            assertThat(first.served()).isTrue();
            assertThat(first.entry().orElseThrow().tenders())
                    .containsExactly(new EntryTender(TenderMethod.SUBSIDY, 1000, "L-L004"));
            assertThat(guest(terminal, approval.id()).served()).isTrue();
            assertThat(refusal(guest(terminal, approval.id()))).isEqualTo(RefusalReason.GUEST_APPROVAL_USED_UP);
            assertThat(refusal(guest(terminal, "G999999"))).isEqualTo(RefusalReason.GUEST_APPROVAL_UNKNOWN);
            assertThat(terminal.canteen().diners().byDinerId("L004").orElseThrow().subsidy())
                    .isEqualTo(Money.parseYuan("280"));
            assertThat(terminal.canteen().serving().serve(new MealRequest(new DinerSource.Card("04D1E2F3A4B504"),
                    MealOrder.FIXED), CASHIER).served()).as("guest meals are not the host's own").isTrue();

            terminal.canteen().refunds().refund(first.entry().orElseThrow().txnId(), "客人未到", MANAGER,
                    Optional.empty());
            assertThat(guest(terminal, approval.id()).served()).as("a refunded guest meal frees its head").isTrue();

            StringWriter csv = new StringWriter();
            terminal.canteen().guests().exportCsv(TestSessions.as(Role.AUDITOR, "801"), csv);
            assertThat(csv.toString()).isEqualTo(
                    "approval_id,approved_by,reason,head_count,meal_date,expires_at,payer,served,created_at\n"
                            + "G000001,301,上级检查，工作餐,2,2026-11-30,2026-11-30T13:00+08:00,L-L004,2,"
                            + "2026-11-30T12:05:09+08:00\n");
        }
    }

    @Test
    void anExpiredApprovalIsRefusedAndCashGuestsPayCash() {
        try (Terminal terminal = open(TerminalFixture.FIXED_CLOCK)) {
            terminal.canteen().guests().approve(MANAGER, "来访", 3, MONDAY, ONE_PM, Optional.empty());
            ServedMeal cash = guest(terminal, "G000001");
            assertThat(cash.entry().orElseThrow().tenders()).containsExactly(new EntryTender(TenderMethod.CASH, 1000,
                    ""));
        }
        Clock later = Clock.offset(TerminalFixture.FIXED_CLOCK, Duration.ofHours(1));
        try (Terminal terminal = open(later)) {
            assertThat(refusal(guest(terminal, "G000001"))).isEqualTo(RefusalReason.GUEST_APPROVAL_EXPIRED);
        }
    }

    @Test
    void onlyAManagerApprovesAndAGuestWithoutApprovalIsRefused() {
        try (Terminal terminal = open(TerminalFixture.FIXED_CLOCK)) {
            for (Role role : new Role[] {Role.CASHIER, Role.SUPERVISOR, Role.AUDITOR}) {
                assertThatThrownBy(() -> terminal.canteen().guests().approve(TestSessions.as(role, "5"), "x", 1, MONDAY,
                        ONE_PM, Optional.empty())).isInstanceOf(AccessDeniedException.class);
            }
            assertThatThrownBy(() -> terminal.canteen().guests().approve(MANAGER, "x", 0, MONDAY, ONE_PM,
                    Optional.empty())).isInstanceOf(RuleProblem.class);
            assertThat(terminal.canteen().guests().list(terminal.systemSession())).isEmpty();
            assertThat(refusal(terminal.canteen().serving().serve(new MealRequest(
                    new DinerSource.Card("04D1E2F3A4B508"), MealOrder.FIXED), CASHIER)))
                    .as("L008 is a GUEST diner").isEqualTo(RefusalReason.GUEST_APPROVAL_REQUIRED);
        }
    }
}
