package org.tongpos.app.promoscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.OfferTender;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.PromotionRules;
import org.tongpos.app.promotions.domain.Stage;
import org.tongpos.app.promotions.domain.Target;
import org.tongpos.app.promotions.domain.TargetType;

/**
 * The form as a property: any valid promotion of any kind (goods, terms, time window, exclusivity, on or off), shown
 * on the form and read back without a keystroke, is the same promotion; so opening a promotion and pressing F12
 * never changes it.
 */
class PromotionFormRoundTripProperties {

    private static final List<String> CODES = List.of("6920000000012", "6920000000029", "6920000000036",
            "6920000000043", "10001", "20002");
    private static final List<String> CATEGORIES = List.of("饮料", "零食", "日用", "生鲜");

    @Provide
    Arbitrary<Promotion> promotions() {
        return Arbitraries.randomValue(PromotionFormRoundTripProperties::generate);
    }

    @Property(tries = 1000)
    void aValidPromotionReadsBackFromItsFormUnchanged(@ForAll("promotions") Promotion p) {
        assertThat(PromotionRules.check(p)).as("the generator makes valid promotions").isEmpty();

        PromotionFormReader.Result read = new PromotionFormReader().read(PromotionForm.of(p, code -> "名 " + code));

        assertThat(read.problems()).isEmpty();
        assertThat(read.promotion()).isEqualTo(Optional.of(p));
    }

    private static Promotion generate(Random r) {
        PromotionKind kind = PromotionKind.values()[r.nextInt(PromotionKind.values().length)];
        Promotion.Builder b = Promotion.builder("P-" + r.nextInt(100_000), "促销 " + r.nextInt(1000), kind);
        boolean needsGoods = kind == PromotionKind.FIXED_PRICE || kind == PromotionKind.MEMBER_PRICE
                || kind == PromotionKind.N_FOR_PRICE;
        int shape = r.nextInt(needsGoods ? 2 : 3);
        List<String> codes = pick(r, shape == 1 ? CATEGORIES : CODES, 1 + r.nextInt(3));
        Target target = shape == 0 ? Target.of(TargetType.PRODUCT, codes)
                : shape == 1 ? Target.of(TargetType.CATEGORY, codes) : Target.ALL;
        b.target(target);
        boolean mixable = target.type() != TargetType.PRODUCT || codes.size() > 1;
        switch (kind) {
            case PERCENT_OFF -> b.percent(1 + r.nextInt(100));
            case FIXED_PRICE, MEMBER_PRICE -> b.price(Money.ofFen(1 + r.nextInt(100_000)));
            case N_FOR_PRICE -> b.buy(2 + r.nextInt(10)).price(Money.ofFen(1 + r.nextInt(10_000)))
                    .mix(mixable && r.nextBoolean());
            case NTH_PERCENT -> b.buy(2 + r.nextInt(5)).percent(1 + r.nextInt(100)).mix(mixable && r.nextBoolean());
            case BUY_X_GET_Y -> {
                b.buy(1 + r.nextInt(5)).get(1 + r.nextInt(3)).mix(mixable && r.nextBoolean());
                if (r.nextBoolean()) {
                    b.percent(1 + r.nextInt(100));
                }
                if (target.type() != TargetType.ALL && r.nextBoolean()) {
                    List<String> others = new ArrayList<>(CODES);
                    others.removeAll(target.type() == TargetType.PRODUCT ? codes : List.of());
                    b.getTarget(Target.of(TargetType.PRODUCT, pick(r, others, 1 + r.nextInt(2))));
                }
            }
            case THRESHOLD, BANK_OFFER -> {
                long min = 100 + r.nextInt(100_000);
                boolean amount = r.nextBoolean();
                if (kind == PromotionKind.THRESHOLD || r.nextBoolean()) {
                    b.minSpend(Money.ofFen(min));
                }
                if (amount) {
                    b.amountOff(Money.ofFen(1 + r.nextInt((int) Math.min(min, 50_000)))).stepped(
                            kind == PromotionKind.THRESHOLD && r.nextBoolean());
                } else {
                    b.percent(1 + r.nextInt(100));
                }
                if (r.nextBoolean()) {
                    b.maxOff(Money.ofFen(1 + r.nextInt(10_000)));
                }
                if (kind == PromotionKind.BANK_OFFER) {
                    OfferTender tender = List.of(OfferTender.BANK_CARD, OfferTender.PAYMENT_CODE, OfferTender.ANY)
                            .get(r.nextInt(3));
                    b.tender(tender).dailyCap(r.nextInt(4));
                    if (tender != OfferTender.PAYMENT_CODE && r.nextBoolean()) {
                        b.cardPrefixes(List.of("6231", Integer.toString(6000 + r.nextInt(999))));
                    }
                }
                if (r.nextBoolean()) {
                    b.group("g" + r.nextInt(5)).exclusive(r.nextBoolean());
                }
                b.priority(r.nextInt(PromotionRules.MAX_PRIORITY + 1));
            }
        }
        if (kind != PromotionKind.MEMBER_PRICE && kind.stage() == Stage.ITEM && r.nextInt(4) == 0) {
            b.membersOnly(true);
        }
        if (r.nextBoolean()) {
            LocalDate from = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365));
            b.dates(r.nextBoolean() ? from : null, r.nextBoolean() ? from.plusDays(r.nextInt(60)) : null);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (r.nextInt(3) == 0) {
                days.add(day);
            }
        }
        b.weekdays(days);
        if (r.nextBoolean()) {
            LocalTime start = LocalTime.of(r.nextInt(24), r.nextInt(60));
            LocalTime end = start.plusMinutes(1 + r.nextInt(600));
            b.hours(r.nextBoolean() ? start : null, end);
        }
        return b.active(r.nextInt(5) != 0).build();
    }

    private static List<String> pick(Random r, List<String> from, int count) {
        List<String> shuffled = new ArrayList<>(from);
        java.util.Collections.shuffle(shuffled, r);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }
}
