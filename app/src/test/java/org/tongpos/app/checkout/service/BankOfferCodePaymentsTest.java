package org.tongpos.app.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankServices;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.payment.PaymentCodeService;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.testkit.MutableClock;

/**
 * The bank's offer paid by the bank's own payment code, against the sandbox bank: the code is charged the discounted
 * amount, the cap use is recorded with the sale; a code the bank refuses uses no cap; a WeChat code gets no bank offer.
 */
class BankOfferCodePaymentsTest {

    /** 20 digits, not shaped like WeChat, Alipay or UnionPay: the bank's own (sandbox channel BANK). */
    private static final String BANK_PAYS = "88123456789012340000";
    private static final String BANK_NO_BALANCE = "88123456789012349002";
    private static final String WECHAT_PAYS = "134567890123450000";
    private static final String PROMOTIONS = "id,name,kind,target,min_spend,amount_off,tender,daily_cap\n"
            + "BANK-5-1,用本行码满5减1,bank_offer,all,5,1,PAYMENT_CODE,1\n";

    @TempDir
    Path dir;
    @TempDir
    Path bankDir;
    private final String key = BankTestSupport.newKey();
    private final MutableClock clock = MutableClock.at("2026-12-05T02:00:00Z");
    private SandboxBank bank;
    private Terminal terminal;
    private PaymentCodeService payments;
    private Customer member;

    @BeforeEach
    void open() throws Exception {
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT));
        terminal = Terminal.open(dir);
        terminal.catalog().save(terminal.demoCatalog().products(50));
        BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        BankServices services = terminal.bank().services().orElseThrow();
        payments = new PaymentCodeService(services.client(), new Jdbc(terminal.database().dataSource()), clock,
                clock::sleep);
        assertThat(terminal.promotions().promotions().importCsv(new ByteArrayInputStream(
                PROMOTIONS.getBytes(StandardCharsets.UTF_8)), "test").isSaved()).isTrue();
        assertThat(terminal.promotions().members().importCsv(new ByteArrayInputStream(
                "phone,card_uid,name\n13800138000,,王芳\n".getBytes(StandardCharsets.UTF_8))).imported()).isTrue();
        member = Customer.member(terminal.promotions().members().find("13800138000").orElseThrow());
    }

    @AfterEach
    void close() {
        terminal.close();
        bank.close();
    }

    private CodePayments till() {
        return new CodePayments(terminal.checkout(), () -> Optional.of(payments));
    }

    private Cart colas(int count) {
        Cart cart = new Cart();
        cart.addPieces(terminal.catalog().byBarcode(DemoCatalog.stapleBarcode(0)).orElseThrow(), count);
        return cart;
    }

    private long capUses() throws Exception {
        try (Connection c = terminal.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM bank_offer_use");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aRefusedBankCodeUsesNoCapAndThePaidOneTakesItWithTheSale() throws Exception {
        CodePayments.Outcome refused = till().payAll(colas(2), member, BANK_NO_BALANCE, terminal.systemSession(),
                PaymentCodeService.Progress.NONE);
        assertThat(refused).isInstanceOf(CodePayments.Outcome.Refused.class);
        assertThat(capUses()).isZero();
        assertThat(terminal.journal().lastSeq()).isZero();

        CodePayments.Outcome paid = till().payAll(colas(2), member, BANK_PAYS, terminal.systemSession(),
                PaymentCodeService.Progress.NONE);

        assertThat(paid).isInstanceOfSatisfying(CodePayments.Outcome.Paid.class, p -> {
            assertThat(p.sale().total()).isEqualTo(Money.parseYuan("5.00"));
            assertThat(p.sale().tenders().get(0).amount()).isEqualTo(Money.parseYuan("5.00"));
            assertThat(p.sale().discounts()).hasSize(1);
        });
        assertThat(capUses()).isEqualTo(1);

        CodePayments.Outcome again = till().payAll(colas(2), member, BANK_PAYS, terminal.systemSession(),
                PaymentCodeService.Progress.NONE);
        assertThat(again).isInstanceOfSatisfying(CodePayments.Outcome.Paid.class,
                p -> assertThat(p.sale().total()).as("once a day per member").isEqualTo(Money.parseYuan("6.00")));
        assertThat(capUses()).isEqualTo(1);
    }

    @Test
    void aWeChatCodeIsNotTheBanksTender() throws Exception {
        CodePayments.Outcome paid = till().payAll(colas(2), member, WECHAT_PAYS, terminal.systemSession(),
                PaymentCodeService.Progress.NONE);

        assertThat(paid).isInstanceOfSatisfying(CodePayments.Outcome.Paid.class,
                p -> assertThat(p.sale().total()).isEqualTo(Money.parseYuan("6.00")));
        assertThat(capUses()).isZero();
    }
}
