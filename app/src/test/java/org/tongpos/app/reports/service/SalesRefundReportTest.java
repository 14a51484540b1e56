package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.returns.store.ReturnStore;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.sync.journal.TenderMethod;

/**
 * A return made at the till (the real ReturnService, its REFUND journal entry and return lines) lowers the day's net
 * sales and shows as a refund in every breakdown: by day, hour, tender (the payment code refunded first), product,
 * category and cashier. A split tender with a payment code shows the code as a tender of its own.
 */
class SalesRefundReportTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private ReturnService returns;
    private static final DateRange DAY = DateRange.day(LocalDate.parse("2026-11-30"));

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        ReturnService.CodeRefunds bank = (outRefundNo, reference, fen, reason) -> "SUCCESS";
        returns = new ReturnService(new ReturnStore(terminal.database().dataSource()), terminal.journal(),
                terminal.operators().audit(), new DurableTransaction(terminal.database()), terminal.clock(),
                () -> Money.ZERO, () -> Optional.of(bank));
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private CompletedSale sell(List<Payment.Offer> offers, String... codes) throws Exception {
        Session cashier = Session.loggedIn(terminal.operators().operators().find("001").orElseThrow(),
                terminal.clock().instant());
        Cart cart = new Cart();
        for (String code : codes) {
            terminal.checkout().scan(cart, code);
        }
        return terminal.checkout().pay(cart, offers, cashier);
    }

    private SalesReport report(SalesGrouping by) {
        return terminal.reports().sales(terminal.systemSession(), DAY, by, 0);
    }

    private static ReportRow row(SalesReport report, String key) {
        return report.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aReturnedSaleLowersTheDayAndShowsAsARefundInEveryBreakdown() throws Exception {
        // cola 3.00 + pepsi 3.00 = 6.00, paid 4.00 by payment code and 2.00 cash
        CompletedSale split = sell(List.of(new Payment.Offer(TenderMethod.PAYMENT_CODE, Money.parseYuan("4"), "T1"),
                new Payment.Offer(TenderMethod.CASH, Money.parseYuan("10"), "")), TerminalFixture.COLA,
                TerminalFixture.PEPSI);
        sell(List.of(new Payment.Offer(TenderMethod.CASH, Money.parseYuan("10"), "")), TerminalFixture.COLA);
        long soldFen = split.total().fen() + 300;
        long colaFen = terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow().price().fen();

        // the cola of the split sale comes back: refunded from the payment code first, as the sale took it first
        returns.refund(terminal.systemSession(), split.receiptNo(),
                List.of(new ReturnService.Pick(TerminalFixture.COLA, 1)), "damaged", Optional.empty());

        SalesReport byDay = report(SalesGrouping.DAY);
        assertThat(byDay.totals().sales()).isEqualTo(2);
        // the margin net of returns: the returned cola's refund less its cost at the time of sale comes off
        var cola = terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow();
        long colaCost = cola.cost().orElseThrow().fen();
        assertThat(byDay.totals().returnedCostedFen()).isEqualTo(colaFen);
        assertThat(byDay.totals().returnedCostFen()).isEqualTo(colaCost);
        assertThat(byDay.totals().netMarginFen()).isEqualTo(byDay.totals().marginFen() - (colaFen - colaCost));
        assertThat(byDay.totals().marginFen()).isEqualTo(soldFen - colaCost * 2
                - terminal.catalog().byBarcode(TerminalFixture.PEPSI).orElseThrow().cost().orElseThrow().fen());
        assertThat(byDay.totals().salesFen()).isEqualTo(soldFen);
        assertThat(byDay.totals().refunds()).isEqualTo(1);
        assertThat(byDay.totals().refundsFen()).isEqualTo(colaFen);
        assertThat(byDay.totals().netFen()).isEqualTo(soldFen - colaFen);
        ReportRow day = row(byDay, "2026-11-30");
        assertThat(day.refundFen()).isEqualTo(colaFen);
        assertThat(day.netFen()).isEqualTo(soldFen - colaFen);

        SalesReport byTender = report(SalesGrouping.TENDER);
        assertThat(row(byTender, "PAYMENT_CODE").amountFen()).isEqualTo(400);
        assertThat(row(byTender, "PAYMENT_CODE").refundFen()).isEqualTo(colaFen);
        assertThat(row(byTender, "CASH").refundFen()).isZero();
        assertThat(byTender.rows().stream().mapToLong(ReportRow::netFen).sum()).isEqualTo(soldFen - colaFen);

        SalesReport byHour = report(SalesGrouping.HOUR);
        assertThat(byHour.rows().stream().mapToLong(ReportRow::refundFen).sum()).isEqualTo(colaFen);

        String colaName = terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow().name();
        SalesReport byProduct = report(SalesGrouping.PRODUCT);
        assertThat(row(byProduct, colaName).refunds()).isEqualTo(1);
        assertThat(row(byProduct, colaName).netFen()).isEqualTo(colaFen);

        SalesReport byCategory = report(SalesGrouping.CATEGORY);
        assertThat(byCategory.rows().stream().mapToLong(ReportRow::refundFen).sum()).isEqualTo(colaFen);

        SalesReport byCashier = report(SalesGrouping.CASHIER);
        assertThat(byCashier.rows().stream().mapToLong(ReportRow::refundFen).sum()).isEqualTo(colaFen);

        // the printed table says it too
        List<String> dayLine = new ReportTables(terminal.messages()).sales(byDay).get(1).rows().get(0);
        assertThat(dayLine).contains("1 / " + ReportTables.yuan(colaFen), ReportTables.yuan(soldFen - colaFen));
    }

    @Test
    void aReturnWithoutAReceiptShowsByProductCategoryAndCashier() throws Exception {
        sell(List.of(new Payment.Offer(TenderMethod.CASH, Money.parseYuan("10"), "")), TerminalFixture.PEPSI);
        Session supervisor = Session.loggedIn(terminal.operators().operators().find("002").orElseThrow(),
                terminal.clock().instant());
        long colaFen = terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow().price().fen();
        terminal.returns().refundWithoutReceipt(supervisor, List.of(new ReturnService.Pick(TerminalFixture.COLA, 2)), "no slip",
                Optional.empty());

        assertThat(report(SalesGrouping.DAY).totals().refundsFen()).isEqualTo(2 * colaFen);
        String colaName = terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow().name();
        SalesReport byProduct = report(SalesGrouping.PRODUCT);
        assertThat(row(byProduct, colaName).refunds()).isEqualTo(1);
        assertThat(row(byProduct, colaName).refundFen()).isEqualTo(2 * colaFen);
        String category = terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow().category();
        assertThat(row(report(SalesGrouping.CATEGORY), category).refundFen()).isEqualTo(2 * colaFen);
        assertThat(row(report(SalesGrouping.CASHIER), "002").refundFen()).isEqualTo(2 * colaFen);
        assertThat(row(report(SalesGrouping.TENDER), "CASH").refundFen()).isEqualTo(2 * colaFen);
    }
}
