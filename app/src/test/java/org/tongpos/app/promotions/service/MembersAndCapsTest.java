package org.tongpos.app.promotions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.BankTender;
import org.tongpos.app.promotions.domain.CapUse;
import org.tongpos.app.promotions.domain.Member;
import org.tongpos.app.promotions.domain.OfferTender;
import org.tongpos.app.promotions.domain.PricedCart;
import org.tongpos.app.promotions.domain.PricingLine;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.UnavailableOffer;
import org.tongpos.sync.wire.PaymentChannel;

/** Members by phone or card, the durable per-day cap of a bank offer, and which tenders are the bank's. */
class MembersAndCapsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final String CARD = "6231 **** **** 1234";

    @TempDir
    Path dir;
    private Terminal terminal;
    private Promotions promotions;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir, 300);
        promotions = terminal.promotions();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private MemberService.ImportOutcome importMembers(String csv) throws Exception {
        return promotions.members().importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void membersAreFoundByPhoneOrCardUidAndOnlyWhileActive() throws Exception {
        MemberService.ImportOutcome outcome = importMembers("phone,card_uid,name,active\n"
                + "13800138000,,王芳,\n,04a1b2c3,李强,yes\n13900139000,0A0B0C0D,赵敏,no\n");

        assertThat(outcome.imported()).isTrue();
        assertThat(promotions.members().find("13800138000")).map(Member::name).contains("王芳");
        assertThat(promotions.members().find("04A1B2C3")).map(Member::name).contains("李强");
        assertThat(promotions.members().find("04a1b2c3")).isPresent();
        assertThat(promotions.members().find("13900139000")).as("inactive").isEmpty();
        assertThat(promotions.members().find("13700000000")).isEmpty();
    }

    @Test
    void aBadMembersFileImportsNobodyAndSaysEveryRow() throws Exception {
        MemberService.ImportOutcome outcome = importMembers("phone,card_uid,name\n"
                + "13800138000,,王芳\n1380013800,,短号\n,,无名\n13800138000,,重复\n");

        Messages zh = Messages.forSetting("zh_CN");
        assertThat(outcome.problems()).extracting(p -> p.text(zh)).containsExactly(
                "第 3 行：手机号 1380013800 应为 1 开头的 11 位数字", "第 4 行：手机号和卡号至少填一个",
                "第 5 行：13800138000 已在第 2 行出现");
        assertThat(promotions.members().all()).isEmpty();
    }

    @Test
    void theCapIsKeptDurablyAndRecordingASaleTwiceCountsOnce() {
        BankOfferCaps caps = promotions.caps();
        Promotion offer = Promotion.builder("BANK-50-5", "用本行卡满50减5", PromotionKind.BANK_OFFER)
                .minSpend(Money.ofFen(5000)).amountOff(Money.ofFen(500)).tender(OfferTender.ANY).dailyCap(2).build();
        List<CapUse> use = List.of(new CapUse("BANK-50-5", CARD, 2));

        assertThat(caps.isAvailable(offer, CARD, DAY)).isTrue();
        caps.record("txn-1", DAY, use);
        caps.record("txn-1", DAY, use);
        assertThat(caps.usesOn(BankTender.card(CARD), DAY)).isEqualTo(Map.of("BANK-50-5", 1));
        caps.record("txn-2", DAY, use);
        assertThat(caps.isAvailable(offer, CARD, DAY)).isFalse();
        assertThat(caps.isAvailable(offer, "6231 **** **** 9999", DAY)).as("another card").isTrue();
        assertThat(caps.isAvailable(offer, CARD, DAY.plusDays(1))).as("the next day").isTrue();
        assertThatThrownBy(() -> caps.record("txn-3", DAY, use))
                .isInstanceOf(BankOfferCaps.OfferUsedUpException.class);
        assertThat(caps.usesOn(BankTender.card(CARD), DAY)).isEqualTo(Map.of("BANK-50-5", 2));

        assertThat(caps.release("txn-2")).isEqualTo(1);
        assertThat(caps.isAvailable(offer, CARD, DAY)).isTrue();
    }

    @Test
    void theCapSurvivesARestartAndKeepsNoCardNumber() throws Exception {
        promotions.caps().record("txn-1", DAY, List.of(new CapUse("BANK-50-5", CARD, 1)));
        terminal.close();
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
        promotions = terminal.promotions();

        assertThat(promotions.caps().usesOn(BankTender.card(CARD), DAY)).isEqualTo(Map.of("BANK-50-5", 1));
        try (Connection c = terminal.database().connection();
             var rs = c.createStatement().executeQuery("SELECT payer_hash FROM bank_offer_use")) {
            rs.next();
            assertThat(rs.getString(1)).hasSize(64).doesNotContain("6231").doesNotContain("1234");
        }
    }

    @Test
    void recordingInsideTheSalesTransactionRollsBackWithIt() throws Exception {
        try (Connection c = terminal.database().connection()) {
            c.setAutoCommit(false);
            promotions.caps().record(c, "txn-9", DAY, List.of(new CapUse("BANK-50-5", CARD, 1)));
            c.rollback();
        }
        assertThat(promotions.caps().usesOn(BankTender.card(CARD), DAY)).isEmpty();
    }

    @Test
    void pricingWithTheBanksCardReadsTodaysUses() throws Exception {
        String csv = "id,name,kind,min_spend,amount_off,tender,daily_cap\n"
                + "BANK-50-5,用本行卡满50减5,bank_offer,50,5,ANY,1\n";
        assertThat(promotions.promotions().importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "店长").isSaved()).isTrue();
        List<PricingLine> lines = List.of(PricingLine.pieces(
                terminal.catalog().byBarcode(PromotionImportTest.RICE).orElseThrow(), 2));
        LocalDateTime noon = DAY.atTime(12, 0);

        PricedCart first = promotions.pricing().price(lines, Optional.empty(),
                Optional.of(BankTender.card(CARD)), noon);
        assertThat(first.payable()).isEqualTo(Money.ofFen(7480));
        promotions.caps().record("txn-1", DAY, first.capUses());
        PricedCart second = promotions.pricing().price(lines, Optional.empty(),
                Optional.of(BankTender.card(CARD)), noon);

        assertThat(second.payable()).isEqualTo(Money.ofFen(7980));
        assertThat(second.unavailable()).extracting(UnavailableOffer::why)
                .containsExactly(UnavailableOffer.Why.DAILY_CAP_REACHED);
    }

    @Test
    void onlyTheBanksOwnPaymentCodesAreBankTenders() {
        BankTenders tenders = promotions.bankTenders();

        assertThat(tenders.paymentCode("134567890123456789", "p")).as("WeChat").isEmpty();
        assertThat(tenders.paymentCode("281234567890123456", "p")).as("Alipay").isEmpty();
        assertThat(tenders.paymentCode("6212345678901234567", "p")).as("UnionPay").isEmpty();
        assertThat(tenders.paymentCode("990012345678901234", "p")).as("the bank's own")
                .contains(BankTender.paymentCode("p"));
        assertThat(tenders.paymentCode("not-a-code", "p")).isEmpty();
        assertThat(tenders.paidThrough(PaymentChannel.BANK, "p")).isPresent();
        assertThat(tenders.paidThrough(PaymentChannel.WECHAT, "p")).isEmpty();
    }
}
