package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.CalendarDay;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;

/**
 * The canteen's changes are audited and an auditor can change nothing: every changing service refuses an AUDITOR's
 * session (and a cashier's where the act is above a cashier), while reading works.
 */
class CanteenAuditTest {

    private static final Session AUDITOR = TestSessions.as(Role.AUDITOR, "801");
    private static final Session MANAGER = TestSessions.as(Role.MANAGER, "301");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private Terminal terminal;

    @BeforeEach
    void open() {
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
        terminal.canteen().demo().load();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private List<AuditRecord> audit() {
        return terminal.operators().audit().list(terminal.systemSession(), MONDAY, MONDAY);
    }

    @Test
    void everyRuleChangeIsInTheAuditLogWithWhoMadeItAndBeforeAndAfter() {
        terminal.canteen().rules().setLimit("daily-cap", "30", MANAGER);
        terminal.canteen().rules().removeDish("晚餐", 5, MANAGER);
        assertThat(audit()).filteredOn(r -> r.action() == AuditAction.MEAL_RULE_CHANGED && r.actor().equals("301"))
                .extracting(AuditRecord::subject, AuditRecord::detail, AuditRecord::actorRole)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("limit daily-cap", "'0' -> '30'", "MANAGER"),
                        org.assertj.core.groups.Tuple.tuple("dish 晚餐 5", "'紫菜蛋花汤 1.00' -> ''", "MANAGER"));
        assertThat(audit()).filteredOn(r -> r.action() == AuditAction.MEAL_RULE_CHANGED)
                .as("the demo's rules, recorded as demo-data").anySatisfy(r -> assertThat(r.actor())
                        .isEqualTo("demo-data"));
        assertThat(terminal.operators().audit().verify().ok()).isTrue();
    }

    @Test
    void anAuditorCannotChangeRulesDinersFacesOrServeButReadsEverything() throws Exception {
        CanteenServices canteen = terminal.canteen();
        long auditBefore = audit().size();
        List<Runnable> changes = List.of(
                () -> canteen.rules().setLimit("daily-cap", "30", AUDITOR),
                () -> canteen.rules().setPeriod("夜宵", "21:00-22:00", "1234567", OptionalInt.empty(), AUDITOR),
                () -> canteen.rules().removePeriod("午餐", AUDITOR),
                () -> canteen.rules().setPrice("午餐", "STAFF", Optional.of(Money.parseYuan("1")), new TreeMap<>(),
                        AUDITOR),
                () -> canteen.rules().removePrice("午餐", "STAFF", AUDITOR),
                () -> canteen.rules().setDish("晚餐", 9, "鱼", Money.parseYuan("9"), AUDITOR),
                () -> canteen.rules().removeDish("晚餐", 1, AUDITOR),
                () -> canteen.rules().setDay(MONDAY, CalendarDay.Kind.CLOSED, "", AUDITOR),
                () -> canteen.rules().removeDay(MONDAY, AUDITOR),
                () -> canteen.localDiners().topUp("L001", Money.parseYuan("10"), AUDITOR, ""),
                () -> canteen.localDiners().subsidy("L001", Money.parseYuan("10"), AUDITOR, ""),
                () -> canteen.localDiners().hotlist("L001", true, AUDITOR),
                () -> {
                    try {
                        canteen.localDiners().importCsv(new ByteArrayInputStream(
                                "diner_id,name,diner_type\nX1,某人,STAFF\n".getBytes(StandardCharsets.UTF_8)), AUDITOR);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                () -> canteen.faces().map("2001", "L001", AUDITOR),
                () -> canteen.faces().unmap("1001", AUDITOR),
                () -> canteen.serving().serve(new MealRequest(new DinerSource.Card("04D1E2F3A4B501"),
                        MealOrder.FIXED), AUDITOR));
        for (Runnable change : changes) {
            assertThatThrownBy(change::run).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(canteen.rules().rules().periods()).hasSize(3);
        assertThat(canteen.rules().limits().values()).doesNotContain("30");
        assertThat(canteen.diners().byDinerId("L001").orElseThrow().balance()).isEqualTo(Money.parseYuan("200"));
        assertThat(canteen.diners().byDinerId("L001").orElseThrow().hotlisted()).isFalse();
        assertThat(canteen.diners().byDinerId("X1")).isEmpty();
        assertThat(canteen.faces().all()).containsKey("1001").doesNotContainKey("2001");
        assertThat(terminal.journal().lastSeq()).isZero();
        assertThat(audit()).hasSize((int) auditBefore);
        // reading is what an auditor is for
        assertThat(canteen.meals().decide(new MealRequest(new DinerSource.Card("04D1E2F3A4B501"), MealOrder.FIXED))
                .served()).isTrue();
        assertThat(terminal.operators().audit().list(AUDITOR, MONDAY, MONDAY)).isNotEmpty();
    }

    @Test
    void aCashierCannotChangeRulesNorMoveMoney() {
        Session cashier = TestSessions.cashier("101");
        assertThatThrownBy(() -> terminal.canteen().rules().setLimit("daily-cap", "30", cashier))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> terminal.canteen().localDiners().topUp("L001", Money.parseYuan("10"), cashier, ""))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(terminal.canteen().localDiners().topUp("L001", Money.parseYuan("10"),
                TestSessions.as(Role.SUPERVISOR, "201"), "").balanceAfter()).isEqualTo(Money.parseYuan("210"));
    }
}
