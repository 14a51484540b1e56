package org.tongpos.app.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.ScaleBarcodeLayout;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.ScanOutcome;
import org.tongpos.app.money.domain.Money;
import org.tongpos.hardware.escpos.TextWidth;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

class CheckoutServiceTest {

    @TempDir
    Path dir;
    Terminal terminal;
    CheckoutService checkout;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir, 100);
        checkout = terminal.checkout();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private static List<Payment.Offer> cash(String yuan) {
        return List.of(new Payment.Offer(TenderMethod.CASH, Money.parseYuan(yuan), ""));
    }

    @Test
    void scanningAKnownBarcodeAddsALine() {
        Cart cart = new Cart();
        assertThat(checkout.scan(cart, TerminalFixture.COLA)).isInstanceOf(ScanOutcome.Goods.class);
        assertThat(cart.total()).isEqualTo(Money.ofFen(300));
    }

    @Test
    void scanningUnknownOrMalformedCodesLeavesTheCartUnchanged() {
        Cart cart = new Cart();
        checkout.scan(cart, TerminalFixture.COLA);
        String unknown = Gtin.withCheckDigit("692000000999");
        String wrongCheckDigit = unknown.substring(0, 12) + (char) ('0' + (unknown.charAt(12) - '0' + 1) % 10);
        assertThat(checkout.scan(cart, wrongCheckDigit)).isInstanceOf(ScanOutcome.Malformed.class);
        assertThat(checkout.scan(cart, unknown)).isInstanceOf(ScanOutcome.Unknown.class);
        assertThat(checkout.scan(cart, "69200;DROP")).isInstanceOf(ScanOutcome.Malformed.class);
        assertThat(checkout.scan(cart, "")).isInstanceOf(ScanOutcome.Malformed.class);
        assertThat(cart.size()).isEqualTo(1);
        assertThat(cart.total()).isEqualTo(Money.ofFen(300));
    }

    @Test
    void aScaleBarcodeBecomesAWeighedLineWithTheScalesPrice() {
        String code = ScaleBarcodeLayout.DEFAULT.encode(TerminalFixture.APPLE_PLU, 655);
        Cart cart = new Cart();
        ScanOutcome outcome = checkout.scan(cart, code);
        assertThat(outcome).isInstanceOf(ScanOutcome.Goods.class);
        assertThat(cart.line(0).product().name()).isEqualTo("红富士苹果");
        assertThat(cart.total()).isEqualTo(Money.ofFen(655));
    }

    @Test
    void aWeighedPluAsksForAWeight() {
        assertThat(checkout.resolve(TerminalFixture.APPLE_PLU)).isInstanceOf(ScanOutcome.NeedsWeight.class);
    }

    @Test
    void payingRecordsTheSaleWithAChainedJournalEntry() throws PaymentException {
        Cart cart = new Cart();
        checkout.scan(cart, TerminalFixture.COLA);
        checkout.scan(cart, TerminalFixture.COLA);
        CompletedSale first = checkout.pay(cart, cash("10"), TestSessions.cashier("007"));
        Cart second = new Cart();
        checkout.scan(second, TerminalFixture.PEPSI);
        CompletedSale next = checkout.pay(second, cash("3"), TestSessions.cashier("007"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(next.seq()).isEqualTo(2);
        assertThat(first.change()).isEqualTo(Money.ofFen(400));
        assertThat(first.receiptNo()).isEqualTo("T0001-00000001");
        List<JournalEntry> entries = terminal.journal().read(1, 10);
        assertThat(entries).hasSize(2);
        JournalEntry entry = entries.get(0);
        assertThat(entry.txnId()).isEqualTo(first.txnId());
        assertThat(entry.amountFen()).isEqualTo(600);
        assertThat(entry.occurredAt()).isEqualTo("2026-11-30T12:05:09+08:00");
        assertThat(entry.businessDate()).isEqualTo("2026-11-30");
        assertThat(entry.tenders()).singleElement().satisfies(t -> {
            assertThat(t.method()).isEqualTo(TenderMethod.CASH);
            assertThat(t.amountFen()).isEqualTo(600);
        });
        assertThat(entry.verifies(EntryHashes.genesis("T0001"))).isTrue();
        assertThat(entries.get(1).verifies(entry.entryHash())).isTrue();
        assertThat(terminal.journalVerifier().verify().verifiedEntries()).isEqualTo(2);
    }

    @Test
    void aShortPaymentRecordsNothing() {
        Cart cart = new Cart();
        checkout.scan(cart, TerminalFixture.COLA);
        assertThatThrownBy(() -> checkout.pay(cart, cash("2.99"), TestSessions.cashier("007"))).isInstanceOf(PaymentException.class);
        assertThat(terminal.journal().lastSeq()).isZero();
    }

    @Test
    void theSaleSurvivesClosingAndReopeningTheDatabase() throws PaymentException {
        Cart cart = new Cart();
        checkout.scan(cart, TerminalFixture.COLA);
        CompletedSale sale = checkout.pay(cart, cash("5"), TestSessions.cashier("007"));
        terminal.close();
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
        assertThat(terminal.journal().read(1, 10)).extracting(JournalEntry::txnId).containsExactly(sale.txnId());
    }

    @Test
    void receiptShowsLinesTotalTenderAndChange() throws PaymentException {
        Cart cart = new Cart();
        checkout.scan(cart, TerminalFixture.COLA);
        CompletedSale sale = checkout.pay(cart, cash("50"), TestSessions.cashier("007"));
        String receipt = new SaleReceipts(terminal.messages(), "测试超市").text(sale, PaperWidth.MM58);
        assertThat(receipt).contains("测试超市", "可口可乐 330ml", "3.00", "￥3.00", "现金", "50.00", "找零", "47.00",
                "T0001-00000001", "2026-11-30 12:05:09");
        for (String line : receipt.split("\n")) {
            assertThat(TextWidth.columns(line)).as(line).isLessThanOrEqualTo(32);
        }
    }
}
