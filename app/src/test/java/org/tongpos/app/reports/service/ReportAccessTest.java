package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.sync.journal.TenderMethod;

/** The auditor reads every report and changes nothing; a cashier may not read them. */
class ReportAccessTest {

    @TempDir
    Path dir;

    private static final DateRange NOV = new DateRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));

    @Test
    void theAuditorReadsEveryReportAndTheDatabaseIsUnchanged() throws Exception {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            sellOne(terminal);
            Session auditor = session(terminal, "004");
            long head = terminal.journal().lastSeq();
            long auditEntries = terminal.operators().audit().list(terminal.systemSession(),
                    LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")).size();

            for (SalesGrouping by : SalesGrouping.values()) {
                assertThat(terminal.reports().sales(auditor, NOV, by, 30).totals().sales()).isEqualTo(1);
            }
            for (CanteenReport.CanteenGrouping by : CanteenReport.CanteenGrouping.values()) {
                assertThat(terminal.reports().canteen(auditor, NOV, by).total().meals()).isZero();
            }
            assertThat(terminal.reports().bank(auditor, NOV)).hasSize(1);

            assertThat(terminal.journal().lastSeq()).isEqualTo(head);
            assertThat(terminal.operators().audit().list(terminal.systemSession(), LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-12-31"))).hasSize((int) auditEntries);
        }
    }

    @Test
    void theAuditorCannotSellAndACashierCannotReadReports() throws Exception {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            Session auditor = session(terminal, "004");
            Cart cart = new Cart();
            cart.addPieces(terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow(), 1);
            assertThatThrownBy(() -> terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH,
                    Money.ofFen(10_000), "")), auditor)).isInstanceOf(AccessDeniedException.class);
            assertThat(terminal.journal().lastSeq()).isZero();

            Session cashier = session(terminal, "001");
            assertThatThrownBy(() -> terminal.reports().sales(cashier, NOV, SalesGrouping.DAY, 0))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> terminal.reports().canteen(cashier, NOV, CanteenReport.CanteenGrouping.DAY))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> terminal.reports().bank(cashier, NOV)).isInstanceOf(AccessDeniedException.class);
        }
    }

    private static Session session(Terminal terminal, String number) {
        Operator operator = terminal.operators().operators().find(number).orElseThrow();
        return Session.loggedIn(operator, terminal.clock().instant());
    }

    private static void sellOne(Terminal terminal) throws Exception {
        Cart cart = new Cart();
        cart.addPieces(terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow(), 2);
        terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(10_000), "")),
                terminal.systemSession());
    }
}
