package org.tongpos.app.canteen.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.CalendarDay;
import org.tongpos.app.canteen.domain.CanteenSetting;
import org.tongpos.app.canteen.service.CanteenRules;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.ui.DirectTaskRunner;

/**
 * The meal-rules screen's ViewModel on a real terminal with the demo canteen and the demo operators (cashier 001,
 * supervisor 002, manager 003 with PIN 3333, auditor 004): rows read from the rules service, saved back through it,
 * each change in the audit log with who approved it.
 */
class MealRulesViewModelTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private Terminal terminal;
    private final AtomicReference<Session> session = new AtomicReference<>();
    private ApprovalViewModel approvals;
    private MealRulesViewModel vm;
    private final AtomicInteger saves = new AtomicInteger();

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir, TerminalFixture.FIXED_CLOCK);
        terminal.canteen().demo().load();
        session.set(TestSessions.demo(terminal, Role.MANAGER));
        approvals = new ApprovalViewModel(terminal.operators().approvals(), new DirectTaskRunner(),
                terminal.clock().getZone());
        vm = new MealRulesViewModel(terminal.canteen().rules(), new DirectTaskRunner(), session::get, approvals);
        vm.setOnSaved(saves::incrementAndGet);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private CanteenRules rules() {
        return terminal.canteen().rules();
    }

    private MealRulesViewModel.PriceRow price(String period, String type) {
        return vm.prices().stream().filter(p -> p.period().get().equals(period) && p.dinerType().get().equals(type))
                .findFirst().orElseThrow();
    }

    private long staffLunchFen() {
        return rules().rules().price("午餐", "STAFF").orElseThrow().fixed().orElseThrow().fen();
    }

    private List<AuditRecord> ruleChanges() {
        return terminal.operators().audit().list(terminal.systemSession(), MONDAY, MONDAY).stream()
                .filter(r -> r.action() == AuditAction.MEAL_RULE_CHANGED).toList();
    }

    @Test
    void theStoredRulesAreShownAsRows() {
        vm.load();

        assertThat(vm.periods()).extracting(p -> p.name().get() + " " + p.window().get() + " " + p.days().get())
                .containsExactly("早餐 07:00-09:00 1234567", "午餐 11:00-13:30 1234567", "晚餐 17:00-19:30 1234567");
        assertThat(price("午餐", "STAFF").price().get()).isEqualTo("10.00");
        assertThat(vm.limits().get(CanteenSetting.PAY_ORDER).get()).isEqualTo("subsidy-first");
        assertThat(vm.readOnly().get()).isFalse();
        assertThat(vm.hasChanges()).isFalse();
    }

    @Test
    void aManagerSavesAChangedPriceThroughTheRulesServiceAndTheAuditLogHasIt() {
        vm.load();
        int before = ruleChanges().size();
        price("午餐", "STAFF").price().set("12.5");

        assertThat(vm.save()).isTrue();

        assertThat(approvals.isAsking()).as("a manager needs no one else").isFalse();
        assertThat(staffLunchFen()).isEqualTo(1250);
        assertThat(vm.notice().get().key()).isEqualTo("rules.saved");
        assertThat(saves).hasValue(1);
        assertThat(price("午餐", "STAFF").price().get()).as("read back").isEqualTo("12.50");
        List<AuditRecord> changes = ruleChanges();
        assertThat(changes).hasSize(before + 1);
        AuditRecord change = changes.get(changes.size() - 1);
        assertThat(change.subject()).isEqualTo("price 午餐 STAFF");
        assertThat(change.actor()).isEqualTo("003");
        assertThat(change.detail()).isEqualTo("'10.00' -> '12.50'");
        assertThat(vm.save()).as("nothing left to save").isFalse();
        assertThat(vm.notice().get().key()).isEqualTo("rules.nothingChanged");
    }

    @Test
    void aCashierIsAskedForAManagersPinAndEveryChangeIsRecordedWithTheApprover() {
        session.set(TestSessions.demo(terminal, Role.CASHIER));
        vm.load();
        assertThat(vm.readOnly().get()).as("a cashier may ask a manager").isFalse();
        int before = ruleChanges().size();
        price("午餐", "STAFF").price().set("11");
        vm.limits().get(CanteenSetting.DAILY_CAP).set("30");

        assertThat(vm.save()).isTrue();
        assertThat(approvals.isAsking()).isTrue();
        assertThat(staffLunchFen()).as("nothing saved before the approval").isEqualTo(1000);

        // a supervisor may not approve a rule change
        approvals.operatorNumber().set("002");
        approvals.pin().set("2222");
        approvals.confirm();
        assertThat(approvals.isAsking()).isTrue();
        assertThat(approvals.notice().get().key()).isEqualTo("approval.notAllowed");
        assertThat(staffLunchFen()).isEqualTo(1000);

        approvals.operatorNumber().set("003");
        approvals.pin().set("3333");
        approvals.confirm();

        assertThat(approvals.isAsking()).isFalse();
        assertThat(staffLunchFen()).isEqualTo(1100);
        assertThat(rules().rules().limits().dailyCap()).contains(Money.parseYuan("30"));
        assertThat(vm.notice().get().key()).isEqualTo("rules.savedApproved");
        List<AuditRecord> changes = ruleChanges().subList(before, ruleChanges().size());
        assertThat(changes).extracting(AuditRecord::subject).containsExactly("price 午餐 STAFF", "limit daily-cap");
        assertThat(changes).allSatisfy(r -> {
            assertThat(r.actor()).isEqualTo("001");
            assertThat(r.approver()).isEqualTo("003");
        });
        assertThat(terminal.operators().audit().verify().ok()).isTrue();
    }

    @Test
    void cancellingTheApprovalSavesNothing() {
        session.set(TestSessions.demo(terminal, Role.CASHIER));
        vm.load();
        price("午餐", "STAFF").price().set("11");
        vm.save();

        approvals.cancel();

        assertThat(staffLunchFen()).isEqualTo(1000);
        assertThat(vm.notice().get().key()).isEqualTo("rules.cancelled");
        assertThat(vm.hasChanges()).as("what was typed stays").isTrue();
    }

    @Test
    void anAuditorSeesTheRulesReadOnlyAndCannotSave() {
        session.set(TestSessions.demo(terminal, Role.AUDITOR));
        vm.load();
        int before = ruleChanges().size();

        assertThat(vm.readOnly().get()).isTrue();
        assertThat(vm.periods()).hasSize(3);
        price("午餐", "STAFF").price().set("1");
        assertThat(vm.save()).isFalse();

        assertThat(vm.notice().get().key()).isEqualTo("rules.readOnly");
        assertThat(approvals.isAsking()).isFalse();
        assertThat(staffLunchFen()).isEqualTo(1000);
        assertThat(ruleChanges()).hasSize(before);
    }

    @Test
    void theRulesServiceRefusesAnAuditorsChangeEvenWithAManagersApproval() {
        Session auditor = TestSessions.demo(terminal, Role.AUDITOR);
        Session manager = TestSessions.demo(terminal, Role.MANAGER);
        Session cashier = TestSessions.demo(terminal, Role.CASHIER);
        TreeMap<Integer, Money> none = new TreeMap<>();

        assertThatThrownBy(() -> rules().setPrice("午餐", "STAFF", Optional.of(Money.parseYuan("1")), none, auditor))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules().setPrice("午餐", "STAFF", Optional.of(Money.parseYuan("1")), none, auditor,
                Optional.of(manager))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules().setLimit("daily-cap", "1", auditor, Optional.of(manager)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rules().setPrice("午餐", "STAFF", Optional.of(Money.parseYuan("1")), none, cashier,
                Optional.of(cashier))).as("the approver must hold the right").isInstanceOf(AccessDeniedException.class);
        assertThat(staffLunchFen()).isEqualTo(1000);
        assertThat(CanteenRules.mayEdit(auditor)).isFalse();
        assertThat(CanteenRules.mayEdit(cashier)).isTrue();
    }

    @Test
    void aBadWindowIsRefusedBeforeAnyoneIsAskedAndNothingIsSaved() {
        session.set(TestSessions.demo(terminal, Role.CASHIER));
        vm.load();
        vm.periods().get(1).window().set("11:00-25:00");

        assertThat(vm.save()).isFalse();

        assertThat(vm.notice().get().key()).isEqualTo("canteen.rule.badWindow");
        assertThat(approvals.isAsking()).isFalse();
        assertThat(rules().rules().period("午餐").orElseThrow().window()).isEqualTo("11:00-13:30");
    }

    @Test
    void newRowsAndRemovedRowsBecomeTheMatchingChangesInAnOrderTheServiceAccepts() {
        vm.load();
        MealRulesViewModel.PeriodRow supper = vm.addPeriod();
        supper.name().set("夜宵");
        supper.window().set("21:00-22:00");
        supper.days().set("12345");
        MealRulesViewModel.PriceRow supperPrice = vm.addPrice();
        supperPrice.period().set("夜宵");
        supperPrice.dinerType().set("staff");
        supperPrice.price().set("6");
        MealRulesViewModel.DishRow dish = vm.addDish();
        dish.period().set("夜宵");
        dish.name().set("馄饨");
        dish.price().set("5");
        MealRulesViewModel.DayRow holiday = vm.addDay();
        holiday.date().set("2026-12-31");
        holiday.note().set("元旦前");
        price("早餐", "GUEST").removed().set(true);

        assertThat(vm.save()).isTrue();

        assertThat(vm.lastSave().get().refused()).isEmpty();
        assertThat(rules().rules().period("夜宵").orElseThrow().daysText()).isEqualTo("12345");
        assertThat(rules().rules().price("夜宵", "STAFF").orElseThrow().fixed()).contains(Money.parseYuan("6"));
        assertThat(rules().rules().menuOf("夜宵")).extracting(d -> d.name()).containsExactly("馄饨");
        assertThat(rules().rules().day(LocalDate.of(2026, 12, 31)).orElseThrow().kind())
                .isEqualTo(CalendarDay.Kind.CLOSED);
        assertThat(rules().rules().price("早餐", "GUEST")).isEmpty();
        assertThat(vm.periods()).hasSize(4);
    }

    @Test
    void aChangeTheServiceRefusesIsReportedWithItsReason() {
        vm.load();
        MealRulesViewModel.PeriodRow clash = vm.addPeriod();
        clash.name().set("加餐");
        clash.window().set("12:00-14:00");

        assertThat(vm.save()).isTrue();

        assertThat(vm.lastSave().get().refused()).contains("period 加餐");
        assertThat(vm.notice().get().key()).isEqualTo("rules.refused");
        assertThat(rules().rules().period("加餐")).isEmpty();
        assertThat(vm.periods()).as("the rows stay to be corrected").hasSize(4);
    }
}
