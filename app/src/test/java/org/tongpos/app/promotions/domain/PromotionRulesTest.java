package org.tongpos.app.promotions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.promotions.domain.Goods.yuan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A promotion whose values do not fit together is refused with every reason, as message keys. */
class PromotionRulesTest {

    private static List<String> keys(Promotion p) {
        return PromotionRules.check(p).stream().map(Reason::key).toList();
    }

    @Test
    void wellFormedPromotionsOfEveryKindPass() {
        assertThat(keys(Promotion.builder("A", "饮料九折", PromotionKind.PERCENT_OFF).categories("饮料").percent(10)
                .build())).isEmpty();
        assertThat(keys(Promotion.builder("B", "会员价", PromotionKind.MEMBER_PRICE).products("6920000000012")
                .price(yuan("2.5")).build())).isEmpty();
        assertThat(keys(Promotion.builder("C", "3件10元", PromotionKind.N_FOR_PRICE).products("1", "2").buy(3)
                .price(yuan("10")).mix(true).build())).isEmpty();
        assertThat(keys(Promotion.builder("D", "买2送1", PromotionKind.BUY_X_GET_Y).products("1").buy(2).get(1)
                .getTarget(Target.products("2")).build())).isEmpty();
        assertThat(keys(Promotion.builder("E", "每满100减10", PromotionKind.THRESHOLD).minSpend(yuan("100"))
                .amountOff(yuan("10")).stepped(true).group("满减").build())).isEmpty();
        assertThat(keys(Promotion.builder("F", "用本行卡满50减5", PromotionKind.BANK_OFFER).minSpend(yuan("50"))
                .amountOff(yuan("5")).tender(OfferTender.BANK_CARD).cardPrefixes(List.of("6231")).dailyCap(1)
                .build())).isEmpty();
    }

    @Test
    void badIdNameAndTargetAreSaid() {
        Promotion p = Promotion.builder("有 空格", " ", PromotionKind.PERCENT_OFF).target(Target.categories())
                .percent(10).build();

        assertThat(keys(p)).containsExactly("promo.rule.badId", "promo.rule.nameEmpty", "promo.rule.targetEmpty");
    }

    @Test
    void eachKindNeedsItsTerms() {
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.PERCENT_OFF).build()))
                .containsExactly("promo.rule.percentNeeded");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.FIXED_PRICE).products("1").build()))
                .containsExactly("promo.rule.priceNeeded");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.N_FOR_PRICE).products("1").buy(1)
                .price(yuan("5")).build())).containsExactly("promo.rule.buyQtyMin");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.BUY_X_GET_Y).products("1").buy(2).build()))
                .containsExactly("promo.rule.getQtyNeeded");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.THRESHOLD).amountOff(yuan("10")).build()))
                .containsExactly("promo.rule.minSpendNeeded");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.THRESHOLD).minSpend(yuan("100")).build()))
                .containsExactly("promo.rule.offNeeded");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.THRESHOLD).minSpend(yuan("100"))
                .amountOff(yuan("10")).percent(10).build())).containsExactly("promo.rule.offBoth");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.THRESHOLD).minSpend(yuan("10"))
                .amountOff(yuan("20")).build())).containsExactly("promo.rule.offAboveMinSpend");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.BANK_OFFER).amountOff(yuan("5")).build()))
                .containsExactly("promo.rule.tenderNeeded");
    }

    @Test
    void aValueTheKindDoesNotReadIsRefusedSoATypoCannotPass() {
        Promotion p = Promotion.builder("A", "饮料九折", PromotionKind.PERCENT_OFF).categories("饮料").percent(10)
                .price(yuan("2")).dailyCap(3).build();

        assertThat(PromotionRules.check(p)).containsExactly(
                Reason.of("promo.rule.fieldNotUsed", "price", "percent_off"),
                Reason.of("promo.rule.fieldNotUsed", "daily_cap", "percent_off"));
    }

    @Test
    void goodsPromotionsCannotCoverTheWholeStoreNorGiveWhatIsBought() {
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.FIXED_PRICE).price(yuan("1")).build()))
                .containsExactly("promo.rule.targetAll");
        assertThat(keys(Promotion.builder("A", "a", PromotionKind.BUY_X_GET_Y).products("1", "2").buy(1).get(1)
                .getTarget(Target.products("2")).build())).containsExactly("promo.rule.getTargetOverlap");
    }

    @Test
    void windowsMustRunForwardAndCombinationIsForCartPromotionsOnly() {
        Promotion p = Promotion.builder("A", "a", PromotionKind.PERCENT_OFF).percent(5)
                .dates(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 1))
                .hours(LocalTime.of(9, 0), LocalTime.of(9, 0)).group("x").priority(10_000).build();

        assertThat(keys(p)).containsExactly("promo.rule.datesBackwards", "promo.rule.hoursEmpty",
                "promo.rule.groupOnlyForCart", "promo.rule.priorityRange");
    }

    @Test
    void cardPrefixesAreDigitsAndOnlyForCards() {
        Promotion codeOnly = Promotion.builder("A", "a", PromotionKind.BANK_OFFER).amountOff(yuan("5"))
                .tender(OfferTender.PAYMENT_CODE).cardPrefixes(List.of("62x1")).build();

        assertThat(keys(codeOnly)).containsExactly("promo.rule.prefixesNeedCard", "promo.rule.badCardPrefix");
    }
}
