package org.tongpos.app.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
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
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.Quote;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.promotions.domain.Discount;
import org.tongpos.app.promotions.domain.UnavailableOffer;
import org.tongpos.app.returns.domain.CompletedReturn;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.shifts.domain.ShiftReport;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Promotions on real sales (issue 9): what the quote says is what is journaled, stored per line, printed, refunded and
 * reported; member prices; the bank's offer with the bank's tender only, its daily cap taken with the sale and never
 * by a sale that was not recorded.
 */
class PromotionsAtTheTillTest {

    private static final String CSV = """
            id,name,kind,target,targets,buy_qty,percent,price,min_spend,amount_off,tender,daily_cap,members_only
            COLA-2ND,可乐第二件半价,nth_percent,product,6920000000012,2,50,,,,,,
            M-PEPSI,会员价百事,member_price,product,6920000000029,,,2.50,,,,,
            T20-2,满20减2,threshold,all,,,,,20,2,,,
            BANK-5-1,用本行卡满5减1,bank_offer,all,,,,,5,1,ANY,1,
            """;
    private static final String CARD = "6231********1234";

    @TempDir
    Path dir;
    private Terminal terminal;
    private Session cashier;

    @BeforeEach
    void open() throws Exception {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        cashier = Session.loggedIn(terminal.operators().operators().find("001").orElseThrow(),
                terminal.clock().instant());
        assertThat(terminal.promotions().promotions().importCsv(
                new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), "test").isSaved()).isTrue();
        assertThat(terminal.promotions().members().importCsv(new ByteArrayInputStream(
                "phone,card_uid,name\n13800138000,,王芳\n".getBytes(StandardCharsets.UTF_8))).imported()).isTrue();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private Cart cart(String... codes) {
        Cart cart = new Cart();
        for (String code : codes) {
            terminal.checkout().scan(cart, code);
        }
        return cart;
    }

    private static List<Payment.Offer> cash(String yuan) {
        return List.of(new Payment.Offer(TenderMethod.CASH, Money.parseYuan(yuan), ""));
    }

    private static List<Payment.Offer> card(String yuan) {
        return List.of(new Payment.Offer(TenderMethod.BANK_CARD, Money.parseYuan(yuan), "REF1"));
    }

    private long[] lineAmounts(String txnId) throws Exception {
        List<Long> amounts = new ArrayList<>();
        try (Connection c = terminal.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT amount_fen, list_amount_fen FROM sale_line WHERE txn_id = ? ORDER BY line_no")) {
            s.setString(1, txnId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    amounts.add(rs.getLong(1));
                    amounts.add(rs.getObject(2) == null ? -1 : rs.getLong(2));
                }
            }
        }
        return amounts.stream().mapToLong(Long::longValue).toArray();
    }

    private long count(String sql) throws Exception {
        try (Connection c = terminal.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoColasAreJournaledAtTheSecondHalfPriceStoredPerLineAndPrinted() throws Exception {
        Cart cart = cart(TerminalFixture.COLA, TerminalFixture.COLA);
        Quote quote = terminal.checkout().quote(cart, Customer.NOBODY, cash("5"));
        assertThat(quote.total()).isEqualTo(Money.parseYuan("4.50"));

        CompletedSale sale = terminal.checkout().pay(cart, cash("5"), cashier);

        assertThat(sale.total()).isEqualTo(Money.parseYuan("4.50"));
        assertThat(sale.change()).isEqualTo(Money.parseYuan("0.50"));
        assertThat(sale.discounts()).extracting(Discount::promotionId).containsExactly("COLA-2ND");
        assertThat(terminal.journal().read(sale.seq(), 1).get(0).amountFen()).isEqualTo(450);
        assertThat(lineAmounts(sale.txnId())).containsExactly(450, 600);
        assertThat(count("SELECT COUNT(*) FROM sale_discount WHERE promotion_id = 'COLA-2ND' AND amount_fen = -150 "
                + "AND line_no = 1")).isEqualTo(1);
        String receipt = terminal.saleReceipts().text(sale, PaperWidth.MM58);
        assertThat(receipt).contains("可乐第二件半价", "-1.50", "小计", "6.00", "优惠", "4.50");
        assertThat(receipt.indexOf("可乐第二件半价")).as("under its line, before the total")
                .isGreaterThan(receipt.indexOf("可口可乐")).isLessThan(receipt.indexOf("合计"));
    }

    @Test
    void aCartDiscountIsSharedOverTheLinesAndAReturnRefundsWhatWasPaid() throws Exception {
        // four colas and two pepsi
        Cart cart = cart(TerminalFixture.COLA, TerminalFixture.COLA, TerminalFixture.COLA, TerminalFixture.COLA,
                TerminalFixture.PEPSI, TerminalFixture.PEPSI);
        CompletedSale sale = terminal.checkout().pay(cart, cash("50"), cashier);
        // colas 12.00 − 3.00 = 9.00, pepsi 6.00: 15.00 — below 20, no cart discount
        assertThat(sale.total()).isEqualTo(Money.parseYuan("15.00"));
        long[] lines = lineAmounts(sale.txnId());
        assertThat(lines).containsExactly(900, 1200, 600, -1);

        Session manager = terminal.systemSession();
        CompletedReturn oneCola = terminal.returns().refund(manager, sale.receiptNo(),
                List.of(new ReturnService.Pick(TerminalFixture.COLA, 1)), "", Optional.empty());
        assertThat(oneCola.amountFen()).as("a quarter of what the four colas cost").isEqualTo(225);
        CompletedReturn rest = terminal.returns().refund(manager, sale.receiptNo(), List.of(), "", Optional.empty());
        assertThat(rest.amountFen() + oneCola.amountFen()).as("never more than was paid").isEqualTo(1500);
        assertThat(rest.tenders()).containsExactly(new EntryTender(TenderMethod.CASH, 1275, ""));
    }

    @Test
    void theThresholdFallsOnEveryLineAndTheJournalTotalIsThePayable() throws Exception {
        Cart cart = cart(TerminalFixture.COLA, TerminalFixture.COLA, TerminalFixture.PEPSI, TerminalFixture.PEPSI,
                TerminalFixture.PEPSI, TerminalFixture.PEPSI, TerminalFixture.PEPSI, TerminalFixture.PEPSI);
        // colas 4.50 + pepsi 18.00 = 22.50 ≥ 20 → −2.00
        CompletedSale sale = terminal.checkout().pay(cart, cash("20.50"), cashier);

        assertThat(sale.total()).isEqualTo(Money.parseYuan("20.50"));
        long[] lines = lineAmounts(sale.txnId());
        assertThat(lines[0] + lines[2]).isEqualTo(2050);
        assertThat(terminal.saleReceipts().text(sale, PaperWidth.MM80)).contains("满20减2", "-2.00");
    }

    @Test
    void aMemberGetsMemberPrices() throws Exception {
        Customer member = Customer.member(terminal.promotions().members().find("13800138000").orElseThrow());
        Cart cart = cart(TerminalFixture.PEPSI);

        assertThat(terminal.checkout().price(cart, Customer.NOBODY).payable()).isEqualTo(Money.parseYuan("3.00"));
        CompletedSale sale = terminal.checkout().pay(cart, cash("2.50"), cashier, member);
        assertThat(sale.total()).isEqualTo(Money.parseYuan("2.50"));
        assertThat(sale.discounts()).extracting(Discount::name).containsExactly("会员价百事");
    }

    @Test
    void theBankOfferNeedsTheBanksTenderPayingItAllAndItsCapIsTakenWithTheSale() throws Exception {
        Customer withCard = Customer.NOBODY.withCard(CARD);
        Cart cart = cart(TerminalFixture.PEPSI, TerminalFixture.PEPSI);

        assertThat(terminal.checkout().quote(cart, withCard, cash("6")).payable()).as("cash: no bank offer")
                .isEqualTo(Money.parseYuan("6.00"));
        List<Payment.Offer> split = List.of(new Payment.Offer(TenderMethod.BANK_CARD, Money.parseYuan("3"), "R"),
                new Payment.Offer(TenderMethod.CASH, Money.parseYuan("3"), ""));
        assertThat(terminal.checkout().quote(cart, withCard, split).payable()).as("split: no bank offer")
                .isEqualTo(Money.parseYuan("6.00"));
        Quote byCard = terminal.checkout().quote(cart, withCard, card("5"));
        assertThat(byCard.payable()).isEqualTo(Money.parseYuan("5.00"));

        CompletedSale sale = terminal.checkout().pay(cart, card("5"), cashier, withCard);
        assertThat(sale.total()).isEqualTo(Money.parseYuan("5.00"));
        assertThat(count("SELECT COUNT(*) FROM bank_offer_use WHERE txn_id = '" + sale.txnId() + "'")).isEqualTo(1);

        Quote again = terminal.checkout().quote(cart, withCard, card("6"));
        assertThat(again.payable()).as("once a day per card").isEqualTo(Money.parseYuan("6.00"));
        assertThat(again.priced().unavailable()).extracting(UnavailableOffer::why)
                .containsExactly(UnavailableOffer.Why.DAILY_CAP_REACHED);
        assertThat(terminal.checkout().quote(cart, Customer.NOBODY.withCard("6231********9999"), card("5"))
                .payable()).as("another card").isEqualTo(Money.parseYuan("5.00"));
    }

    @Test
    void aSalePricedWithAnOfferUsedUpMeanwhileIsRefusedAndRecordsNothing() throws Exception {
        Customer withCard = Customer.NOBODY.withCard(CARD);
        Cart first = cart(TerminalFixture.PEPSI, TerminalFixture.PEPSI);
        Cart second = cart(TerminalFixture.COLA, TerminalFixture.PEPSI);
        Quote firstQuote = terminal.checkout().quote(first, withCard, card("5"));
        Quote secondQuote = terminal.checkout().quote(second, withCard, card("5"));
        terminal.checkout().pay(first, card("5"), cashier, firstQuote);
        long seq = terminal.journal().lastSeq();

        assertThatThrownBy(() -> terminal.checkout().pay(second, card("5"), cashier, secondQuote))
                .isInstanceOfSatisfying(PaymentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PaymentException.Reason.OFFER_USED_UP));
        assertThat(terminal.journal().lastSeq()).isEqualTo(seq);
        assertThat(count("SELECT COUNT(*) FROM bank_offer_use")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sale")).isEqualTo(1);
    }

    @Test
    void capUsesSurviveARestartAndTheZReportShowsTheDiscountsByPromotion() throws Exception {
        terminal.shifts().ensureOpen(cashier);
        terminal.checkout().pay(cart(TerminalFixture.COLA, TerminalFixture.COLA), cash("5"), cashier);
        terminal.checkout().pay(cart(TerminalFixture.PEPSI, TerminalFixture.PEPSI), card("5"), cashier,
                Customer.NOBODY.withCard(CARD));
        terminal.close();
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);

        assertThat(terminal.checkout().quote(cart(TerminalFixture.PEPSI, TerminalFixture.PEPSI),
                Customer.NOBODY.withCard(CARD), card("6")).payable()).isEqualTo(Money.parseYuan("6.00"));
        ShiftReport x = terminal.shifts().xReport(cashier);
        assertThat(x.discounts()).containsEntry("可乐第二件半价", Money.parseYuan("-1.50"))
                .containsEntry("用本行卡满5减1", Money.parseYuan("-1.00")).hasSize(2);
    }

    @Test
    void aDiscountedSaleTheDatabaseLostComesBackFromTheLogWithItsDiscountsAndCapUse() throws Exception {
        Cart cart = cart(TerminalFixture.COLA, TerminalFixture.COLA, TerminalFixture.PEPSI);
        // 4.50 + 3.00 = 7.50, by the bank's card −1.00
        CompletedSale sale = terminal.checkout().pay(cart, card("6.50"), cashier, Customer.NOBODY.withCard(CARD));
        long[] lines = lineAmounts(sale.txnId());
        byte[] log = java.nio.file.Files.readAllBytes(dir.resolve("sales.wal"));
        try (Connection c = terminal.database().dataSource().getConnection();
             java.sql.Statement s = c.createStatement()) {
            for (String table : List.of("bank_offer_use", "sale_discount", "sale_tender", "sale_line", "sale",
                    "journal")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        terminal.close();
        java.nio.file.Files.write(dir.resolve("sales.wal"), log);
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);

        assertThat(terminal.journal().read(1, 1).get(0).amountFen()).isEqualTo(650);
        assertThat(lineAmounts(sale.txnId())).containsExactly(lines);
        assertThat(count("SELECT COUNT(*) FROM sale_discount")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM bank_offer_use")).isEqualTo(1);
        assertThat(terminal.checkout().quote(cart(TerminalFixture.PEPSI, TerminalFixture.PEPSI),
                Customer.NOBODY.withCard(CARD), card("6")).payable()).as("the cap stays used")
                .isEqualTo(Money.parseYuan("6.00"));
    }
}
