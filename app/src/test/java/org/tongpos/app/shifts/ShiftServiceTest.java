package org.tongpos.app.shifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.shifts.domain.DrawerCount;
import org.tongpos.app.shifts.domain.ShiftException;
import org.tongpos.app.shifts.domain.ShiftReport;
import org.tongpos.app.shifts.service.ShiftService;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.sync.journal.TenderMethod;

class ShiftServiceTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private ShiftService shifts;
    private Session cashier;
    private Session supervisor;

    @BeforeEach
    void open() throws Exception {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        shifts = terminal.shifts();
        cashier = Session.loggedIn(terminal.operators().operators().find("001").orElseThrow(),
                terminal.clock().instant());
        supervisor = Session.loggedIn(terminal.operators().operators().find("002").orElseThrow(),
                terminal.clock().instant());
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private void sell(String code, long count, String cashYuan) throws Exception {
        Cart cart = new Cart();
        for (int i = 0; i < count; i++) {
            terminal.checkout().scan(cart, code);
        }
        terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, Money.parseYuan(cashYuan), "")),
                cashier);
    }

    @Test
    void zReportAddsFloatSalesAndMovementsAndClosesTheShift() throws Exception {
        sell(TerminalFixture.COLA, 1, "3"); // before the shift: not in it
        shifts.open(cashier, Money.parseYuan("200"));
        sell(TerminalFixture.COLA, 2, "10"); // 6.00 cash, 4.00 change
        sell(TerminalFixture.PEPSI, 1, "3");
        shifts.paidIn(supervisor, Money.parseYuan("50"), "零钱");
        shifts.paidOut(supervisor, Money.parseYuan("20.50"), "付送水费");

        ShiftReport x = shifts.xReport(cashier);
        assertThat(x.figures().sales()).isEqualTo(2);
        assertThat(x.figures().expectedCash()).isEqualTo(Money.parseYuan("238.50"));
        assertThat(shifts.current()).isPresent();

        DrawerCount count = DrawerCount.parse("100x2,20x1,10x1,5x1,1x3,0.5x1").orElseThrow();
        ShiftReport z = shifts.close(cashier, count, "");
        assertThat(z.kind()).isEqualTo(ShiftReport.Kind.Z);
        assertThat(z.overShort()).contains(Money.ZERO);
        assertThat(shifts.current()).isEmpty();
        List<AuditRecord> audit = terminal.operators().audit().list(terminal.systemSession(),
                java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 12, 31));
        assertThat(audit).extracting(AuditRecord::action).contains(AuditAction.SHIFT_OPENED, AuditAction.PAID_IN,
                AuditAction.PAID_OUT, AuditAction.SHIFT_CLOSED);

        String text = terminal.shiftReports().text(z, PaperWidth.MM58);
        assertThat(text).contains("Z 报表", "销售（2 笔）", "9.00", "备用金", "200.00", "应有现金", "238.50",
                "实点现金", "相符", "付送水费");
        assertThat(text.lines()).allMatch(l -> org.tongpos.hardware.escpos.TextWidth.columns(l) <= 32);
    }

    @Test
    void overOrShortAboveTheToleranceNeedsAReasonAndClosesNothingWithout() {
        shifts.open(cashier, Money.parseYuan("100"));
        assertThatThrownBy(() -> shifts.close(cashier, DrawerCount.ofTotal(Money.parseYuan("95")), " "))
                .isInstanceOfSatisfying(ShiftException.class, e -> assertThat(e.reason())
                        .isEqualTo(ShiftException.Reason.OVER_SHORT_REASON_REQUIRED));
        assertThat(shifts.current()).isPresent();
        // within the default tolerance of 2 yuan: no reason needed
        ShiftReport z = shifts.close(cashier, DrawerCount.ofTotal(Money.parseYuan("98.50")), "");
        assertThat(z.overShort()).contains(Money.parseYuan("-1.50"));
        assertThat(terminal.shiftReports().text(z, PaperWidth.MM80)).contains("短款", "-1.50");
    }

    @Test
    void shortWithAReasonIsRecorded() {
        shifts.open(cashier, Money.parseYuan("100"));
        ShiftReport z = shifts.close(cashier, DrawerCount.ofTotal(Money.parseYuan("90")), "找错零钱");
        assertThat(z.reason()).isEqualTo("找错零钱");
        assertThat(terminal.shiftReports().text(z, PaperWidth.MM58)).contains("原因：找错零钱", "-10.00");
    }

    @Test
    void oneShiftAtATimeAndMovementsNeedAnOpenShiftAReasonAndTheRight() {
        assertThatThrownBy(() -> shifts.paidIn(supervisor, Money.parseYuan("1"), "x"))
                .isInstanceOfSatisfying(ShiftException.class,
                        e -> assertThat(e.reason()).isEqualTo(ShiftException.Reason.NO_OPEN_SHIFT));
        shifts.open(cashier, Money.ZERO);
        assertThatThrownBy(() -> shifts.open(cashier, Money.ZERO)).isInstanceOfSatisfying(ShiftException.class,
                e -> assertThat(e.reason()).isEqualTo(ShiftException.Reason.ALREADY_OPEN));
        assertThatThrownBy(() -> shifts.paidIn(supervisor, Money.parseYuan("1"), "  "))
                .isInstanceOf(ShiftException.class);
        assertThatThrownBy(() -> shifts.paidIn(cashier, Money.parseYuan("1"), "零钱"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> shifts.paidOut(supervisor, Money.parseYuan("0.01"), "x"))
                .isInstanceOfSatisfying(ShiftException.class,
                        e -> assertThat(e.reason()).isEqualTo(ShiftException.Reason.NOT_ENOUGH_CASH));
        assertThat(shifts.xReport(cashier).movements()).isEmpty();
    }

    @Test
    void theOpenShiftSurvivesARestart() throws Exception {
        shifts.open(cashier, Money.parseYuan("300"));
        terminal.close();
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
        assertThat(terminal.shifts().current()).hasValueSatisfying(s -> {
            assertThat(s.openingFloat()).isEqualTo(Money.parseYuan("300"));
            assertThat(s.openedBy()).isEqualTo("001");
        });
    }

    @Test
    void drawerCountParsesDenominationsAndRefusesOthers() {
        assertThat(DrawerCount.parse("100x3,50x1,0.5x4").orElseThrow().total()).isEqualTo(Money.parseYuan("352"));
        assertThat(DrawerCount.parse("100x3,50x1").orElseThrow().pieces()).isEqualTo(Map.of(10000L, 3L, 5000L, 1L));
        assertThat(DrawerCount.parse("30x1")).isEmpty();
        assertThat(DrawerCount.parse("100x1,100x2")).isEmpty();
        assertThat(DrawerCount.parse("100")).isEmpty();
        assertThat(DrawerCount.parse("100x-1")).isEmpty();
    }
}
