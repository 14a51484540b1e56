package org.tongpos.app.promotions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.promotions.domain.Goods.APPLE;
import static org.tongpos.app.promotions.domain.Goods.CHIPS;
import static org.tongpos.app.promotions.domain.Goods.COLA;
import static org.tongpos.app.promotions.domain.Goods.MILK;
import static org.tongpos.app.promotions.domain.Goods.MONDAY_NOON;
import static org.tongpos.app.promotions.domain.Goods.PEPSI;
import static org.tongpos.app.promotions.domain.Goods.WATER;
import static org.tongpos.app.promotions.domain.Goods.YOGURT;
import static org.tongpos.app.promotions.domain.Goods.cart;
import static org.tongpos.app.promotions.domain.Goods.line;
import static org.tongpos.app.promotions.domain.Goods.weighed;
import static org.tongpos.app.promotions.domain.Goods.yuan;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.app.money.domain.Money;

/** Each kind of item promotion on the goods of a county supermarket. */
class PromotionKindsTest {

    private static PricedCart price(List<PricingLine> lines, Promotion... promotions) {
        return PromotionBook.of(List.of(promotions)).price(lines, PricingContext.at(MONDAY_NOON));
    }

    @Test
    void tenPercentOffDrinksTakesTenPercentOfEachDrink() {
        Promotion drinks = Promotion.builder("DRINK-90", "饮料九折", PromotionKind.PERCENT_OFF).categories("饮料")
                .percent(10).build();

        PricedCart priced = price(cart(COLA, 3, MILK, 1), drinks);

        assertThat(priced.subtotal()).isEqualTo(yuan("12.50"));
        assertThat(priced.discounts()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("饮料九折");
            assertThat(d.amount()).isEqualTo(yuan("-0.90"));
            assertThat(d.shares()).containsExactly(new LineShare(0, yuan("-0.90")));
        });
        assertThat(priced.payable()).isEqualTo(yuan("11.60"));
    }

    @Test
    void aFixedPriceSellsEachPieceAtThatPrice() {
        Promotion special = Promotion.builder("COLA-250", "可乐特价 2.50", PromotionKind.FIXED_PRICE)
                .products(COLA.primaryBarcode()).price(yuan("2.50")).build();

        PricedCart priced = price(cart(COLA, 2, PEPSI, 1), special);

        assertThat(priced.discounts()).singleElement().extracting(Discount::amount).isEqualTo(yuan("-1.00"));
        assertThat(priced.payable()).isEqualTo(yuan("8.00"));
    }

    @Test
    void aFixedPriceAboveTheShelfPriceGivesNothing() {
        Promotion dearer = Promotion.builder("COLA-350", "可乐 3.50", PromotionKind.FIXED_PRICE)
                .products(COLA.primaryBarcode()).price(yuan("3.50")).build();

        assertThat(price(cart(COLA, 2), dearer).discounts()).isEmpty();
    }

    @Test
    void memberPriceOnlyForAnIdentifiedMember() {
        Promotion member = Promotion.builder("M-MILK", "会员价 伊利纯牛奶", PromotionKind.MEMBER_PRICE)
                .products(MILK.primaryBarcode()).price(yuan("2.80")).build();
        PromotionBook book = PromotionBook.of(List.of(member));

        PricedCart stranger = book.price(cart(MILK, 4), PricingContext.at(MONDAY_NOON));
        PricedCart known = book.price(cart(MILK, 4),
                PricingContext.at(MONDAY_NOON).withMember(new Member("13800138000", "", "王芳", true)));

        assertThat(stranger.payable()).isEqualTo(yuan("14.00"));
        assertThat(known.payable()).isEqualTo(yuan("11.20"));
        assertThat(known.discounts()).singleElement().extracting(Discount::name).isEqualTo("会员价 伊利纯牛奶");
    }

    @Test
    void secondOneHalfPriceHalvesEverySecondBottle() {
        Promotion half = Promotion.builder("COLA-2ND", "可乐第二件半价", PromotionKind.NTH_PERCENT)
                .products(COLA.primaryBarcode()).buy(2).percent(50).build();

        assertThat(price(cart(COLA, 1), half).discounts()).isEmpty();
        assertThat(price(cart(COLA, 2), half).totalDiscount()).isEqualTo(yuan("-1.50"));
        assertThat(price(cart(COLA, 3), half).totalDiscount()).isEqualTo(yuan("-1.50"));
        assertThat(price(cart(COLA, 4), half).totalDiscount()).isEqualTo(yuan("-3.00"));
    }

    @Test
    void secondOneHalfPriceCountsBottlesOfOneProductOverSeveralLines() {
        Promotion half = Promotion.builder("COLA-2ND", "可乐第二件半价", PromotionKind.NTH_PERCENT)
                .products(COLA.primaryBarcode()).buy(2).percent(50).build();

        PricedCart priced = price(cart(COLA, 1, PEPSI, 1, COLA, 1), half);

        assertThat(priced.totalDiscount()).isEqualTo(yuan("-1.50"));
        assertThat(priced.discounts().get(0).shares()).extracting(LineShare::line).containsExactly(0, 2);
    }

    @Test
    void secondOneHalfPriceOnACategoryCountsEachProductOnItsOwnUnlessMixed() {
        Promotion perProduct = Promotion.builder("DRINK-2ND", "饮料同款第二件半价", PromotionKind.NTH_PERCENT)
                .categories("饮料").buy(2).percent(50).build();
        Promotion mixed = Promotion.builder("DRINK-2ND-MIX", "饮料任选第二件半价", PromotionKind.NTH_PERCENT)
                .categories("饮料").buy(2).percent(50).mix(true).build();

        assertThat(price(cart(COLA, 1, PEPSI, 1), perProduct).discounts()).isEmpty();
        assertThat(price(cart(COLA, 1, WATER, 1), mixed).totalDiscount())
                .as("the cheaper of the two is halved").isEqualTo(yuan("-1.00"));
    }

    @Test
    void threeForTenYuanFormsGroupsOfThree() {
        Promotion threeForTen = Promotion.builder("CHIPS-3", "薯片 3 件 10 元", PromotionKind.N_FOR_PRICE)
                .products(CHIPS.primaryBarcode()).buy(3).price(yuan("10")).build();

        assertThat(price(cart(CHIPS, 2), threeForTen).discounts()).isEmpty();
        assertThat(price(cart(CHIPS, 3), threeForTen).payable()).isEqualTo(yuan("10.00"));
        assertThat(price(cart(CHIPS, 4), threeForTen).payable()).isEqualTo(yuan("17.50"));
        assertThat(price(cart(CHIPS, 6), threeForTen).payable()).isEqualTo(yuan("20.00"));
    }

    @Test
    void mixAndMatchPutsTheDearestPiecesIntoTheGroup() {
        Promotion anyThree = Promotion.builder("DAIRY-3", "乳品任选 3 件 10 元", PromotionKind.N_FOR_PRICE)
                .products(YOGURT.primaryBarcode(), MILK.primaryBarcode()).buy(3).price(yuan("10")).mix(true).build();

        PricedCart priced = price(cart(YOGURT, 2, MILK, 2), anyThree);

        // 4.80 + 4.80 + 3.50 = 13.10 for 10.00; the fourth piece (3.50) at its price
        assertThat(priced.totalDiscount()).isEqualTo(yuan("-3.10"));
        assertThat(priced.payable()).isEqualTo(yuan("13.50"));
    }

    @Test
    void nForAPriceAboveWhatThePiecesCostGivesNothing() {
        Promotion water = Promotion.builder("WATER-3", "水 3 瓶 7 元", PromotionKind.N_FOR_PRICE)
                .products(WATER.primaryBarcode()).buy(3).price(yuan("7")).build();

        assertThat(price(cart(WATER, 3), water).discounts()).isEmpty();
    }

    @Test
    void buyTwoGetOneFreeOfTheSameGoods() {
        Promotion b2g1 = Promotion.builder("COLA-B2G1", "可乐买二送一", PromotionKind.BUY_X_GET_Y)
                .products(COLA.primaryBarcode()).buy(2).get(1).build();

        assertThat(price(cart(COLA, 2), b2g1).discounts()).isEmpty();
        assertThat(price(cart(COLA, 3), b2g1).totalDiscount()).isEqualTo(yuan("-3.00"));
        assertThat(price(cart(COLA, 5), b2g1).totalDiscount()).isEqualTo(yuan("-3.00"));
        assertThat(price(cart(COLA, 6), b2g1).totalDiscount()).isEqualTo(yuan("-6.00"));
    }

    @Test
    void buyTwoColasGetChipsFreeGivesOnePackPerTwoColasAndFallsOnTheChips() {
        Promotion chipsFree = Promotion.builder("COLA-CHIPS", "买 2 瓶可乐送薯片", PromotionKind.BUY_X_GET_Y)
                .products(COLA.primaryBarcode()).buy(2).get(1).getTarget(Target.products(CHIPS.primaryBarcode()))
                .build();

        assertThat(price(cart(COLA, 2), chipsFree).discounts()).as("no chips, nothing given").isEmpty();
        assertThat(price(cart(COLA, 1, CHIPS, 1), chipsFree).discounts()).as("one cola is not two").isEmpty();
        PricedCart priced = price(cart(COLA, 4, CHIPS, 1), chipsFree);
        assertThat(priced.totalDiscount()).isEqualTo(yuan("-7.50"));
        assertThat(priced.discounts().get(0).shares()).containsExactly(new LineShare(1, yuan("-7.50")));
        assertThat(price(cart(COLA, 4, CHIPS, 3), chipsFree).totalDiscount()).isEqualTo(yuan("-15.00"));
    }

    @Test
    void buyOneGetTheSecondAtThirtyPercentOff() {
        Promotion b1g1 = Promotion.builder("YOG-B1G1-70", "酸奶买一第二件七折", PromotionKind.BUY_X_GET_Y)
                .products(YOGURT.primaryBarcode()).buy(1).get(1).percent(30).build();

        assertThat(price(cart(YOGURT, 2), b1g1).totalDiscount()).isEqualTo(yuan("-1.44"));
    }

    @Test
    void theBestItemPromotionForTheCustomerWinsEachProduct() {
        Promotion tenOff = Promotion.builder("DRINK-90", "饮料九折", PromotionKind.PERCENT_OFF).categories("饮料")
                .percent(10).build();
        Promotion special = Promotion.builder("COLA-250", "可乐特价 2.50", PromotionKind.FIXED_PRICE)
                .products(COLA.primaryBarcode()).price(yuan("2.50")).build();

        PricedCart priced = price(cart(COLA, 2, PEPSI, 2), tenOff, special);

        assertThat(priced.discounts()).extracting(Discount::name, Discount::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("可乐特价 2.50", yuan("-1.00")),
                        org.assertj.core.groups.Tuple.tuple("饮料九折", yuan("-0.60")));
    }

    @Test
    void aProductGoesToAMixedMultibuyOnlyWhenThatGivesMoreOverall() {
        Promotion yogurtHalf = Promotion.builder("YOG-50", "酸奶五折", PromotionKind.PERCENT_OFF)
                .products(YOGURT.primaryBarcode()).percent(50).build();
        Promotion anyThree = Promotion.builder("DAIRY-3", "乳品任选 3 件 9 元", PromotionKind.N_FOR_PRICE)
                .categories("乳品").buy(3).price(yuan("9")).mix(true).build();

        // yogurt 2 × 4.80 at half price saves 4.80; milk alone cannot make a group of three
        PricedCart priced = price(cart(YOGURT, 2, MILK, 2), yogurtHalf, anyThree);
        assertThat(priced.totalDiscount()).isEqualTo(yuan("-4.80"));
        // with four milks, the milks make a group on their own (10.50 for 9) and the yogurts keep their half price
        PricedCart more = price(cart(YOGURT, 2, MILK, 4), yogurtHalf, anyThree);
        assertThat(more.totalDiscount()).isEqualTo(yuan("-6.30"));
    }

    @Test
    void weighedGoodsTakePercentAndPerKiloPricesButNotMultibuys() {
        Promotion applesOff = Promotion.builder("APPLE-80", "苹果八折", PromotionKind.PERCENT_OFF)
                .products("10001").percent(20).build();
        Promotion applePrice = Promotion.builder("APPLE-990", "苹果 9.90/kg", PromotionKind.FIXED_PRICE)
                .products("010001").price(yuan("9.90")).build();
        Promotion appleHalf = Promotion.builder("APPLE-2ND", "苹果第二件半价", PromotionKind.NTH_PERCENT)
                .products("10001").buy(2).percent(50).build();

        List<PricingLine> lines = List.of(weighed(APPLE, 512), weighed(APPLE, 488));
        assertThat(lines.get(0).amount()).isEqualTo(yuan("6.55"));
        assertThat(price(lines, applesOff).totalDiscount()).isEqualTo(yuan("-2.56"));
        assertThat(price(lines, applePrice).totalDiscount()).as("12.80 - 9.90 per kg, 1 kg")
                .isEqualTo(yuan("-2.90"));
        assertThat(price(lines, appleHalf).discounts()).isEmpty();
        assertThat(price(List.of(new PricingLine(APPLE, 0, yuan("6.55"))), applePrice).discounts())
                .as("a scale-priced line has no weight to reprice").isEmpty();
    }

    @Test
    void anInactivePromotionIsNotInTheBook() {
        Promotion off = Promotion.builder("OFF", "停用", PromotionKind.PERCENT_OFF).percent(50).active(false).build();

        assertThat(PromotionBook.of(List.of(off)).size()).isZero();
        assertThat(price(List.of(line(COLA, 1)), off).payable()).isEqualTo(Money.ofFen(300));
    }
}
