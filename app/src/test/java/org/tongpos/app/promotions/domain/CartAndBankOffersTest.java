package org.tongpos.app.promotions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tongpos.app.promotions.domain.Goods.COLA;
import static org.tongpos.app.promotions.domain.Goods.DETERGENT;
import static org.tongpos.app.promotions.domain.Goods.MONDAY_NOON;
import static org.tongpos.app.promotions.domain.Goods.OIL;
import static org.tongpos.app.promotions.domain.Goods.RICE;
import static org.tongpos.app.promotions.domain.Goods.TOOTHPASTE;
import static org.tongpos.app.promotions.domain.Goods.cart;
import static org.tongpos.app.promotions.domain.Goods.yuan;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thresholds (满减) on the whole cart or a category, their combination, and the bank's tender-conditional offers. */
class CartAndBankOffersTest {

    private static final Promotion HUNDRED_MINUS_TEN = Promotion.builder("T100-10", "满100减10", PromotionKind.THRESHOLD)
            .minSpend(yuan("100")).amountOff(yuan("10")).build();
    private static final Promotion BANK_50_5 = Promotion.builder("BANK-50-5", "用本行卡满50减5", PromotionKind.BANK_OFFER)
            .minSpend(yuan("50")).amountOff(yuan("5")).tender(OfferTender.ANY).dailyCap(1).group("bank").build();

    private static PricedCart price(List<PricingLine> lines, PricingContext context, Promotion... promotions) {
        return PromotionBook.of(List.of(promotions)).price(lines, context);
    }

    private static PricedCart price(List<PricingLine> lines, Promotion... promotions) {
        return price(lines, PricingContext.at(MONDAY_NOON), promotions);
    }

    private static PricingContext paying(BankTender tender, Map<String, Integer> usesToday) {
        return PricingContext.at(MONDAY_NOON).withTender(tender, usesToday);
    }

    @Test
    void hundredMinusTenFromOneHundredYuanOn() {
        // rice 39.90 + oil 89.90 = 129.80
        assertThat(price(cart(RICE, 1, OIL, 1), HUNDRED_MINUS_TEN).payable()).isEqualTo(yuan("119.80"));
        // 2 × 39.90 + 2 × 10.10 ... just below: 99.99 is not 100
        List<PricingLine> justBelow = List.of(Goods.line(Goods.piece(90, "X1", "散装礼盒", "百货", 9999), 1));
        assertThat(price(justBelow, HUNDRED_MINUS_TEN).discounts()).isEmpty();
    }

    @Test
    void theThresholdIsJudgedAfterItemDiscounts() {
        Promotion oilSpecial = Promotion.builder("OIL-80", "花生油特价 80", PromotionKind.FIXED_PRICE)
                .products(OIL.primaryBarcode()).price(yuan("80")).build();
        Promotion riceSpecial = Promotion.builder("RICE-10", "大米特价 10", PromotionKind.FIXED_PRICE)
                .products(RICE.primaryBarcode()).price(yuan("10")).build();

        // 129.80 - 9.90 = 119.90: still 100 or more
        assertThat(price(cart(RICE, 1, OIL, 1), HUNDRED_MINUS_TEN, oilSpecial).payable()).isEqualTo(yuan("109.90"));
        // 129.80 - 9.90 - 29.90 = 90.00: below 100 once the items are discounted
        PricedCart below = price(cart(RICE, 1, OIL, 1), HUNDRED_MINUS_TEN, oilSpecial, riceSpecial);
        assertThat(below.discountsOf(Stage.CART)).isEmpty();
        assertThat(below.payable()).isEqualTo(yuan("90.00"));
    }

    @Test
    void steppedThresholdTakesTenForEveryFullHundred() {
        Promotion everyHundred = Promotion.builder("EVERY100", "每满100减10", PromotionKind.THRESHOLD)
                .minSpend(yuan("100")).amountOff(yuan("10")).stepped(true).build();

        // 3 × 89.90 = 269.70: two full hundreds
        assertThat(price(cart(OIL, 3), everyHundred).totalDiscount()).isEqualTo(yuan("-20.00"));
    }

    @Test
    void aCategoryThresholdCountsOnlyThatCategory() {
        Promotion dailyGoods = Promotion.builder("RIHUA-50-5", "日化满50减5", PromotionKind.THRESHOLD)
                .categories("日化").minSpend(yuan("50")).amountOff(yuan("5")).build();

        // toothpaste 12.90 + detergent 32.90 = 45.80 of 日化, with 89.90 of oil: below 50
        assertThat(price(cart(TOOTHPASTE, 1, DETERGENT, 1, OIL, 1), dailyGoods).discounts()).isEmpty();
        PricedCart priced = price(cart(TOOTHPASTE, 2, DETERGENT, 1, OIL, 1), dailyGoods);
        assertThat(priced.totalDiscount()).isEqualTo(yuan("-5.00"));
        assertThat(priced.discounts().get(0).shares()).extracting(LineShare::line).containsExactly(0, 1);
    }

    @Test
    void aPercentThresholdIsCappedByItsMaximum() {
        Promotion ninety = Promotion.builder("T200-90", "满200打9折，最多减15", PromotionKind.THRESHOLD)
                .minSpend(yuan("200")).percent(10).maxOff(yuan("15")).build();

        assertThat(price(cart(OIL, 3), ninety).totalDiscount()).isEqualTo(yuan("-15.00"));
        assertThat(price(cart(OIL, 2, RICE, 1), ninety).totalDiscount()).as("219.70 → 21.97 capped")
                .isEqualTo(yuan("-15.00"));
        assertThat(price(cart(OIL, 1, RICE, 3), ninety).totalDiscount()).as("209.60 → 20.96 capped")
                .isEqualTo(yuan("-15.00"));
    }

    @Test
    void thresholdsStackUnlessTheyShareAGroup() {
        Promotion fifty = Promotion.builder("T50-3", "满50减3", PromotionKind.THRESHOLD).minSpend(yuan("50"))
                .amountOff(yuan("3")).build();
        PricedCart stacked = price(cart(OIL, 2), HUNDRED_MINUS_TEN, fifty);
        assertThat(stacked.discounts()).extracting(Discount::name, Discount::amount)
                .containsExactly(tuple("满100减10", yuan("-10.00")), tuple("满50减3", yuan("-3.00")));

        Promotion tierA = Promotion.builder("TIER-A", "满100减10", PromotionKind.THRESHOLD).minSpend(yuan("100"))
                .amountOff(yuan("10")).group("tiers").build();
        Promotion tierB = Promotion.builder("TIER-B", "满150减20", PromotionKind.THRESHOLD).minSpend(yuan("150"))
                .amountOff(yuan("20")).group("tiers").build();
        assertThat(price(cart(OIL, 2), tierA, tierB).discounts()).extracting(Discount::name)
                .containsExactly("满150减20");
        assertThat(price(cart(OIL, 1, RICE, 1), tierA, tierB).discounts()).extracting(Discount::name)
                .containsExactly("满100减10");
    }

    @Test
    void anExclusivePromotionAppliesAloneWhenItAloneGivesMore() {
        Promotion fifty = Promotion.builder("T50-3", "满50减3", PromotionKind.THRESHOLD).minSpend(yuan("50"))
                .amountOff(yuan("3")).build();
        Promotion storeDay = Promotion.builder("DAY-85", "店庆整单85折（不与其他满减同享）", PromotionKind.THRESHOLD)
                .minSpend(yuan("150")).percent(15).exclusive(true).build();

        // 179.80: 15 % = 26.97 against 10 + 3
        assertThat(price(cart(OIL, 2), HUNDRED_MINUS_TEN, fifty, storeDay).discounts()).extracting(Discount::name)
                .containsExactly("店庆整单85折（不与其他满减同享）");
        Promotion big = Promotion.builder("T100-30", "满100减30", PromotionKind.THRESHOLD).minSpend(yuan("100"))
                .amountOff(yuan("30")).build();
        assertThat(price(cart(OIL, 2), big, fifty, storeDay).discounts()).extracting(Discount::name)
                .containsExactly("满100减30", "满50减3");
    }

    @Test
    void theBankOfferNeedsTheBanksTender() {
        List<PricingLine> lines = cart(RICE, 2);

        assertThat(price(lines, BANK_50_5).discounts()).as("cash, WeChat or Alipay: no bank tender").isEmpty();
        PricedCart card = price(lines, paying(BankTender.card("6231 **** **** 1234"), Map.of()), BANK_50_5);
        assertThat(card.discounts()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("用本行卡满50减5");
            assertThat(d.stage()).isEqualTo(Stage.TENDER);
            assertThat(d.amount()).isEqualTo(yuan("-5.00"));
        });
        assertThat(card.payable()).isEqualTo(yuan("74.80"));
        assertThat(card.capUses()).containsExactly(new CapUse("BANK-50-5", "6231 **** **** 1234", 1));
        PricedCart code = price(lines, paying(BankTender.paymentCode("13800138000"), Map.of()), BANK_50_5);
        assertThat(code.payable()).isEqualTo(yuan("74.80"));
    }

    @Test
    void aCardOnlyOfferIgnoresTheBanksPaymentCodeAndOtherBanksCards() {
        Promotion cardOnly = Promotion.builder("CARD-50-5", "本行借记卡满50减5", PromotionKind.BANK_OFFER)
                .minSpend(yuan("50")).amountOff(yuan("5")).tender(OfferTender.BANK_CARD).cardPrefixes(List.of("6231"))
                .build();

        assertThat(price(cart(RICE, 2), paying(BankTender.paymentCode("p1"), Map.of()), cardOnly).discounts()).isEmpty();
        assertThat(price(cart(RICE, 2), paying(BankTender.card("6228 **** **** 0001"), Map.of()), cardOnly)
                .discounts()).isEmpty();
        assertThat(price(cart(RICE, 2), paying(BankTender.card("6231 **** **** 0001"), Map.of()), cardOnly)
                .discounts()).hasSize(1);
    }

    @Test
    void theBankOfferIsJudgedOnWhatIsLeftAfterTheStoresDiscounts() {
        // 129.80 - 10 = 119.80, then the bank's 满50减5
        PricedCart priced = price(cart(RICE, 1, OIL, 1), paying(BankTender.card("6231 **** **** 1234"), Map.of()),
                HUNDRED_MINUS_TEN, BANK_50_5);
        assertThat(priced.discounts()).extracting(Discount::name).containsExactly("满100减10", "用本行卡满50减5");
        assertThat(priced.payable()).isEqualTo(yuan("114.80"));

        Promotion bankBig = Promotion.builder("BANK-120-20", "用本行卡满120减20", PromotionKind.BANK_OFFER)
                .minSpend(yuan("120")).amountOff(yuan("20")).tender(OfferTender.ANY).build();
        PricedCart notQuite = price(cart(RICE, 1, OIL, 1), paying(BankTender.card("6231"), Map.of()),
                HUNDRED_MINUS_TEN, bankBig);
        assertThat(notQuite.discountsOf(Stage.TENDER)).as("119.80 after 满100减10 is below 120").isEmpty();
    }

    @Test
    void aCappedOfferIsUsedUpForThePayerForTheDay() {
        PricedCart second = price(cart(RICE, 2), paying(BankTender.card("6231 **** **** 1234"),
                Map.of("BANK-50-5", 1)), BANK_50_5);

        assertThat(second.discounts()).isEmpty();
        assertThat(second.capUses()).isEmpty();
        assertThat(second.unavailable()).containsExactly(
                new UnavailableOffer("BANK-50-5", "用本行卡满50减5", UnavailableOffer.Why.DAILY_CAP_REACHED));
    }

    @Test
    void aCappedOfferNeedsToKnowWhoPays() {
        PricedCart anonymous = price(cart(RICE, 2), paying(BankTender.paymentCode(""), Map.of()), BANK_50_5);

        assertThat(anonymous.discounts()).isEmpty();
        assertThat(anonymous.unavailable()).extracting(UnavailableOffer::why)
                .containsExactly(UnavailableOffer.Why.PAYER_UNKNOWN);
    }

    @Test
    void aBelowThresholdCartDoesNotReportTheOfferAsUnavailable() {
        PricedCart small = price(cart(COLA, 1), paying(BankTender.card("6231"), Map.of("BANK-50-5", 1)), BANK_50_5);

        assertThat(small.unavailable()).isEmpty();
    }

    @Test
    void thresholdsTogetherNeverTakeMoreThanIsLeft() {
        Promotion a = Promotion.builder("A", "满10减10", PromotionKind.THRESHOLD).minSpend(yuan("10"))
                .amountOff(yuan("10")).build();
        Promotion b = Promotion.builder("B", "满10减9", PromotionKind.THRESHOLD).minSpend(yuan("10"))
                .amountOff(yuan("9")).build();
        List<PricingLine> tenYuan = List.of(Goods.line(Goods.piece(91, "X2", "礼品", "百货", 1000), 1));

        PricedCart priced = price(tenYuan, a, b);

        assertThat(priced.payable()).isEqualTo(yuan("0.00"));
        assertThat(priced.discounts()).extracting(Discount::amount).containsExactly(yuan("-10.00"));
    }
}
