package org.tongpos.app.promoscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promoscreen.ui.PromotionFormReader.Field;
import org.tongpos.app.promoscreen.ui.PromotionFormReader.Problem;
import org.tongpos.app.promotions.domain.OfferTender;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.PromotionRules;
import org.tongpos.app.promotions.domain.Target;
import org.tongpos.app.promotions.domain.TargetType;

/**
 * The promotion form read into the engine's promotions without JavaFX controls: every kind the engine prices, the
 * time window, exclusivity and priority; bad input refused at its field with a message in both languages, and a form
 * read from a saved promotion reads back as that promotion.
 */
class PromotionFormReaderTest {

    private static final String COLA = "6920000000012";
    private static final String CHIPS = "6920000000036";
    private final PromotionFormReader reader = new PromotionFormReader();

    private static PromotionForm form(String id, String name, PromotionKind kind) {
        PromotionForm f = PromotionForm.blank();
        f.id().set(id);
        f.name().set(name);
        f.kind().set(kind);
        return f;
    }

    private static PromotionForm onCola(PromotionForm f) {
        f.goods().add(new PromotionForm.Goods(COLA, "可口可乐"));
        return f;
    }

    private Promotion read(PromotionForm f) {
        PromotionFormReader.Result result = reader.read(f);
        assertThat(result.problems()).as("problems").isEmpty();
        return result.promotion().orElseThrow();
    }

    private List<Problem> refused(PromotionForm f) {
        PromotionFormReader.Result result = reader.read(f);
        assertThat(result.promotion()).isEmpty();
        assertThat(result.isValid()).isFalse();
        return result.problems();
    }

    @Test
    void percentOffOnAProduct() {
        PromotionForm f = onCola(form("COLA-10", "可乐九折", PromotionKind.PERCENT_OFF));
        f.percent().set("10");

        Promotion p = read(f);

        assertThat(p.kind()).isEqualTo(PromotionKind.PERCENT_OFF);
        assertThat(p.target()).isEqualTo(Target.products(COLA));
        assertThat(p.terms().percent()).isEqualTo(10);
        assertThat(p.conditions().window().weekdays()).isEmpty();
        assertThat(p.active()).isTrue();
    }

    @Test
    void fixedPriceAndMemberPriceTakeYuanAndAMemberPriceIsForMembersOnly() {
        PromotionForm fixed = onCola(form("COLA-SP", "可乐特价", PromotionKind.FIXED_PRICE));
        fixed.price().set("￥2.50");
        assertThat(read(fixed).terms().price()).isEqualTo(Money.parseYuan("2.50"));
        assertThat(read(fixed).conditions().membersOnly()).isFalse();

        PromotionForm member = onCola(form("COLA-M", "可乐会员价", PromotionKind.MEMBER_PRICE));
        member.price().set("2.2");
        Promotion p = read(member);
        assertThat(p.terms().price()).isEqualTo(Money.ofFen(220));
        assertThat(p.conditions().membersOnly()).isTrue();
    }

    @Test
    void multibuysSecondAtHalfPriceAndThreeForTenWithMixAndMatch() {
        PromotionForm half = onCola(form("COLA-2ND", "可乐第二件半价", PromotionKind.NTH_PERCENT));
        half.buyQty().set("2");
        half.percent().set("50");
        Promotion second = read(half);
        assertThat(second.terms().buyQty()).isEqualTo(2);
        assertThat(second.terms().percent()).isEqualTo(50);
        assertThat(second.terms().mix()).isFalse();

        PromotionForm three = form("DRINKS-3", "饮料 3 件 10 元", PromotionKind.N_FOR_PRICE);
        three.targetType().set(TargetType.CATEGORY);
        three.goods().add(new PromotionForm.Goods("饮料", "饮料"));
        three.buyQty().set("3");
        three.price().set("10");
        three.mix().set(true);
        Promotion n = read(three);
        assertThat(n.target()).isEqualTo(Target.categories("饮料"));
        assertThat(n.terms().price()).isEqualTo(Money.parseYuan("10"));
        assertThat(n.terms().mix()).isTrue();
    }

    @Test
    void buyXGetYOfOtherGoodsAndItsOverlapIsRefusedAtTheGoodsGiven() {
        PromotionForm f = onCola(form("COLA-CHIPS", "买两瓶可乐送薯片", PromotionKind.BUY_X_GET_Y));
        f.buyQty().set("2");
        f.getQty().set("1");
        f.getGoods().add(new PromotionForm.Goods(CHIPS, "薯片"));
        Promotion p = read(f);
        assertThat(p.terms().getTarget()).isEqualTo(Target.products(CHIPS));
        assertThat(p.terms().getQty()).isEqualTo(1);
        assertThat(p.terms().percent()).isZero();

        f.getGoods().setAll(new PromotionForm.Goods(COLA, "可口可乐"));
        assertThat(refused(f)).extracting(Problem::field).contains(Field.GET_GOODS);
    }

    @Test
    void thresholdByCategorySteppedWithAGroupExclusivityAndPriority() {
        PromotionForm f = form("DRINK-50", "饮料每满50减5", PromotionKind.THRESHOLD);
        f.targetType().set(TargetType.CATEGORY);
        f.goods().add(new PromotionForm.Goods("饮料", "饮料"));
        f.minSpend().set("50");
        f.amountOff().set("5");
        f.stepped().set(true);
        f.group().set("满减");
        f.exclusive().set(true);
        f.priority().set("10");

        Promotion p = read(f);

        assertThat(p.terms().minSpend()).isEqualTo(Money.parseYuan("50"));
        assertThat(p.terms().amountOff()).isEqualTo(Money.parseYuan("5"));
        assertThat(p.terms().stepped()).isTrue();
        assertThat(p.combination()).isEqualTo(new Promotion.Combination("满减", true, 10));
    }

    @Test
    void wholeSaleThresholdNeedsNoGoods() {
        PromotionForm f = form("ALL-100", "满100减10", PromotionKind.THRESHOLD);
        f.targetType().set(TargetType.ALL);
        f.minSpend().set("100");
        f.amountOff().set("10");
        assertThat(read(f).target()).isEqualTo(Target.ALL);
    }

    @Test
    void bankOfferWithCardPrefixesAndADailyCapPerCard() {
        PromotionForm f = form("BANK-50-5", "用本行卡满50减5", PromotionKind.BANK_OFFER);
        f.targetType().set(TargetType.ALL);
        f.minSpend().set("50");
        f.amountOff().set("5");
        f.tender().set(OfferTender.BANK_CARD);
        f.cardPrefixes().set("6231; 6232");
        f.dailyCap().set("1");

        Promotion p = read(f);

        assertThat(p.kind()).isEqualTo(PromotionKind.BANK_OFFER);
        assertThat(p.conditions().tender()).isEqualTo(OfferTender.BANK_CARD);
        assertThat(p.conditions().cardPrefixes()).containsExactly("6231", "6232");
        assertThat(p.conditions().dailyCap()).isEqualTo(1);

        f.tender().set(OfferTender.PAYMENT_CODE);
        assertThat(refused(f)).extracting(Problem::field).containsExactly(Field.CARD_PREFIXES);
    }

    @Test
    void theTimeWindowWeekdaysHoursOverMidnightAndADateRange() {
        PromotionForm f = onCola(form("NIGHT", "夜宵九折", PromotionKind.PERCENT_OFF));
        f.percent().set("10");
        f.dateFrom().set("2026-12-01");
        f.dateTo().set("2026-12-31");
        f.weekday(DayOfWeek.FRIDAY).set(true);
        f.weekday(DayOfWeek.SATURDAY).set(true);
        f.timeFrom().set("21:00");
        f.timeTo().set("2：00");

        Promotion p = read(f);

        assertThat(p.conditions().window().from()).contains(LocalDate.of(2026, 12, 1));
        assertThat(p.conditions().window().to()).contains(LocalDate.of(2026, 12, 31));
        assertThat(p.conditions().window().weekdays()).containsExactlyInAnyOrder(DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY);
        assertThat(p.conditions().window().start()).contains(LocalTime.of(21, 0));
        assertThat(p.conditions().window().end()).contains(LocalTime.of(2, 0));
    }

    @Test
    void fieldsTheKindDoesNotUseAreNotReadSoSwitchingKindsIsNoMistake() {
        PromotionForm f = onCola(form("COLA-SP", "可乐特价", PromotionKind.NTH_PERCENT));
        f.buyQty().set("2");
        f.percent().set("50");
        f.minSpend().set("abc");
        f.group().set("x y");
        f.kind().set(PromotionKind.FIXED_PRICE);
        f.price().set("2.50");

        Promotion p = read(f);

        assertThat(p.terms().buyQty()).isZero();
        assertThat(p.terms().percent()).isZero();
        assertThat(p.combination().group()).isEmpty();
    }

    @Test
    void badInputIsRefusedAtEachFieldAndNothingIsRead() {
        PromotionForm f = form("", "", PromotionKind.NTH_PERCENT);
        f.buyQty().set("two");
        f.percent().set("150");
        f.dateFrom().set("2026-13-01");
        f.timeFrom().set("25:00");

        List<Problem> problems = refused(f);

        assertThat(problems).extracting(Problem::field).contains(Field.ID, Field.NAME, Field.GOODS, Field.BUY_QTY,
                Field.PERCENT, Field.DATE_FROM, Field.TIME_FROM);
        Messages zh = Messages.forSetting("zh_CN");
        Messages en = Messages.forSetting("en");
        assertThat(problems.stream().map(p -> p.text(zh)).toList()).contains("编号：必填", "名称：必填",
                "件数：“two”不是整数", "优惠百分比：应在 1 到 100 之间");
        assertThat(problems.stream().map(p -> p.text(en)).toList()).contains("Code: needed",
                "Quantity: \"two\" is not a whole number", "Percent off: between 1 and 100");
    }

    @Test
    void theRulesOfTheEngineAreSaidAtTheirFields() {
        PromotionForm amountAndPercent = form("T", "满减", PromotionKind.THRESHOLD);
        amountAndPercent.targetType().set(TargetType.ALL);
        amountAndPercent.minSpend().set("100");
        amountAndPercent.amountOff().set("10");
        amountAndPercent.percent().set("5");
        assertThat(refused(amountAndPercent)).containsExactly(new Problem(Field.AMOUNT_OFF,
                org.tongpos.app.promotions.domain.Reason.of("promo.form.offBoth")));

        PromotionForm backwards = onCola(form("B", "九折", PromotionKind.PERCENT_OFF));
        backwards.percent().set("10");
        backwards.dateFrom().set("2026-12-31");
        backwards.dateTo().set("2026-12-01");
        assertThat(refused(backwards)).extracting(Problem::field).containsExactly(Field.DATE_TO);

        PromotionForm wholeSaleFixedPrice = form("F", "特价", PromotionKind.FIXED_PRICE);
        wholeSaleFixedPrice.targetType().set(TargetType.ALL);
        wholeSaleFixedPrice.price().set("1");
        assertThat(refused(wholeSaleFixedPrice)).extracting(Problem::field).containsExactly(Field.GOODS);

        PromotionForm badId = onCola(form("可乐", "九折", PromotionKind.PERCENT_OFF));
        badId.percent().set("10");
        assertThat(refused(badId)).extracting(Problem::field).containsExactly(Field.ID);

        PromotionForm oneForTwo = onCola(form("N", "买一", PromotionKind.N_FOR_PRICE));
        oneForTwo.buyQty().set("1");
        oneForTwo.price().set("5");
        assertThat(refused(oneForTwo)).extracting(Problem::field).containsExactly(Field.BUY_QTY);
    }

    @Test
    void aSavedPromotionOfEveryKindReadsBackAsItself() {
        List<Promotion> saved = List.of(
                Promotion.builder("A", "九折", PromotionKind.PERCENT_OFF).products(COLA).percent(10)
                        .dates(LocalDate.of(2026, 1, 1), null).build(),
                Promotion.builder("B", "特价", PromotionKind.FIXED_PRICE).products(COLA, CHIPS)
                        .price(Money.parseYuan("2")).active(false).build(),
                Promotion.builder("C", "会员价", PromotionKind.MEMBER_PRICE).products(COLA)
                        .price(Money.parseYuan("2.5")).build(),
                Promotion.builder("D", "3件10元", PromotionKind.N_FOR_PRICE).categories("饮料").buy(3)
                        .price(Money.parseYuan("10")).mix(true).build(),
                Promotion.builder("E", "第二件半价", PromotionKind.NTH_PERCENT).products(COLA).buy(2).percent(50)
                        .weekdays(Set.of(DayOfWeek.MONDAY)).hours(LocalTime.of(8, 0), LocalTime.of(12, 0)).build(),
                Promotion.builder("F", "买二送一", PromotionKind.BUY_X_GET_Y).products(COLA).buy(2).get(1)
                        .getTarget(Target.products(CHIPS)).build(),
                Promotion.builder("G", "满100减10", PromotionKind.THRESHOLD).minSpend(Money.parseYuan("100"))
                        .amountOff(Money.parseYuan("10")).group("g1").exclusive(true).priority(5).build(),
                Promotion.builder("H", "本行卡满50减5", PromotionKind.BANK_OFFER).minSpend(Money.parseYuan("50"))
                        .amountOff(Money.parseYuan("5")).tender(OfferTender.ANY).dailyCap(1).build());
        for (Promotion p : saved) {
            assertThat(PromotionRules.check(p)).as(p.id()).isEmpty();
            PromotionForm f = PromotionForm.of(p, code -> "name of " + code);
            assertThat(f.existing().get()).isTrue();
            assertThat(reader.read(f).promotion()).as(p.id()).isEqualTo(Optional.of(p));
        }
    }

    @Test
    void everyLabelAndMessageOfTheFormIsInBothLanguages() {
        for (Messages language : List.of(Messages.forSetting("zh_CN"), Messages.forSetting("en"))) {
            for (Field field : Field.values()) {
                assertThat(language.get(field.labelKey())).isNotBlank();
            }
            for (PromotionKind kind : PromotionKind.values()) {
                assertThat(language.get(PromotionFormView.kindKey(kind))).isNotBlank();
                assertThat(language.get(PromotionFormView.aboutKey(kind))).isNotBlank();
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                assertThat(language.get(PromotionFormView.weekdayKey(day))).isNotBlank();
            }
        }
        assertThat(Messages.forSetting("zh_CN").get(Field.PRICE.labelKey())).isEqualTo("价格（元）");
        assertThat(Messages.forSetting("en").get(Field.PRICE.labelKey())).isEqualTo("Price (yuan)");
    }
}
