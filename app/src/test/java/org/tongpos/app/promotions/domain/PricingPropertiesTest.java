package org.tongpos.app.promotions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tongpos.app.money.domain.Money;

/**
 * What must hold for every cart and every set of promotions: the payable total is never negative nor above the
 * undiscounted total, does not depend on the order of the lines, bank offers come only with the bank's tender, a
 * per-day cap is never exceeded, and the engine's choice is the best allowed one (checked against a brute force).
 */
class PricingPropertiesTest {

    private static final PricingContext NOON = PricingContext.at(Goods.MONDAY_NOON);
    private static final Member MEMBER = new Member("13800138000", "", "王芳", true);

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(Scenario::generate);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 1000)
    void payableIsNeverNegativeNorAboveTheSubtotalAndTheDiscountsAddUp(@ForAll("scenarios") Scenario s) {
        for (PricingContext context : contexts()) {
            PricedCart priced = PromotionBook.of(s.promotions()).price(s.lines(), context);

            assertThat(priced.payable().isNegative()).isFalse();
            assertThat(priced.subtotal().isLessThan(priced.payable())).isFalse();
            Money sum = priced.subtotal();
            for (Discount d : priced.discounts()) {
                sum = sum.plus(d.amount());
                assertThat(d.shares().stream().map(LineShare::amount).reduce(Money.ZERO, Money::plus))
                        .as("shares of %s", d.promotionId()).isEqualTo(d.amount());
            }
            assertThat(sum).isEqualTo(priced.payable());
            for (int i = 0; i < s.lines().size(); i++) {
                assertThat(priced.netOf(i).isNegative()).as("net of line %d", i).isFalse();
            }
        }
    }

    @Property(tries = 1000)
    void theResultDoesNotDependOnTheOrderOfTheLines(@ForAll("scenarios") Scenario s, @ForAll("seeds") long seed) {
        List<PricingLine> shuffled = new ArrayList<>(s.lines());
        Collections.shuffle(shuffled, new Random(seed));
        PromotionBook book = PromotionBook.of(s.promotions());
        for (PricingContext context : contexts()) {
            PricedCart a = book.price(s.lines(), context);
            PricedCart b = book.price(shuffled, context);

            assertThat(b.payable()).isEqualTo(a.payable());
            assertThat(summary(b)).isEqualTo(summary(a));
        }
    }

    @Property(tries = 1000)
    void bankOffersComeOnlyWithTheBanksTender(@ForAll("scenarios") Scenario s) {
        PromotionBook book = PromotionBook.of(s.promotions());
        PricedCart plain = book.price(s.lines(), NOON);
        assertThat(plain.discountsOf(Stage.TENDER)).isEmpty();
        assertThat(plain.capUses()).isEmpty();

        for (BankTender tender : List.of(BankTender.card("6231 **** **** 1234"), BankTender.paymentCode("p-1"))) {
            PricedCart paid = book.price(s.lines(), NOON.withTender(tender, Map.of()));
            for (Discount d : paid.discountsOf(Stage.TENDER)) {
                Promotion offer = byId(s, d.promotionId());
                assertThat(offer.conditions().tender().accepts(tender.kind())).as(offer.id()).isTrue();
            }
            List<Discount> storeDiscounts = new ArrayList<>(paid.discounts());
            storeDiscounts.removeIf(d -> d.stage() == Stage.TENDER);
            assertThat(storeDiscounts).as("the tender changes nothing but bank offers").isEqualTo(plain.discounts());
        }
    }

    @Property(tries = 500)
    void aPerDayCapIsNeverExceeded(@ForAll("scenarios") Scenario s, @ForAll("seeds") long seed) {
        PromotionBook book = PromotionBook.of(s.promotions());
        Map<String, Integer> ledger = new HashMap<>();
        Random random = new Random(seed);
        for (int sale = 0; sale < 6; sale++) {
            BankTender tender = random.nextBoolean() ? BankTender.card("6231 **** **** 1234")
                    : BankTender.paymentCode("6231 **** **** 1234");
            PricedCart priced = book.price(s.lines(), NOON.withTender(tender, ledger));
            for (CapUse use : priced.capUses()) {
                ledger.merge(use.promotionId(), 1, Integer::sum);
            }
        }
        for (Promotion p : s.promotions()) {
            if (p.isCapped()) {
                assertThat(ledger.getOrDefault(p.id(), 0)).as(p.id()).isLessThanOrEqualTo(p.conditions().dailyCap());
            }
        }
    }

    @Property(tries = 1500)
    void theItemDiscountIsTheBestAnyAllowedChoiceGives(@ForAll("scenarios") Scenario s) {
        PromotionBook book = PromotionBook.of(s.promotions());
        for (boolean member : new boolean[] {false, true}) {
            PricedCart priced = book.price(s.lines(), member ? NOON.withMember(MEMBER) : NOON);
            long engine = -priced.discountsOf(Stage.ITEM).stream().mapToLong(d -> d.amount().fen()).sum();

            assertThat(engine).isEqualTo(BruteForce.bestItemDiscount(s.promotions(), s.lines(), member));
        }
    }

    @Property(tries = 1000)
    void theCartDiscountIsTheBestAllowedCombination(@ForAll("scenarios") Scenario s) {
        List<Promotion> cartPromotions = s.promotions().stream().filter(p -> p.stage() == Stage.CART).toList();
        if (cartPromotions.stream().anyMatch(p -> p.target().type() != TargetType.ALL)) {
            return;
        }
        PricedCart priced = PromotionBook.of(s.promotions()).price(s.lines(), NOON);
        long afterItems = priced.subtotal().fen()
                + priced.discountsOf(Stage.ITEM).stream().mapToLong(d -> d.amount().fen()).sum();
        long engine = -priced.discountsOf(Stage.CART).stream().mapToLong(d -> d.amount().fen()).sum();

        assertThat(engine).isEqualTo(BruteForce.bestCartDiscount(cartPromotions, afterItems));
    }

    private static List<PricingContext> contexts() {
        return List.of(NOON, NOON.withMember(MEMBER),
                NOON.withTender(BankTender.card("6231 **** **** 1234"), Map.of()),
                NOON.withMember(MEMBER).withTender(BankTender.paymentCode("p"), Map.of()));
    }

    /** Each discount as promotion and amount, with its shares summed per product, in a fixed order. */
    private static List<String> summary(PricedCart priced) {
        List<String> out = new ArrayList<>();
        for (Discount d : priced.discounts()) {
            Map<Long, Long> byProduct = new java.util.TreeMap<>();
            for (LineShare share : d.shares()) {
                byProduct.merge(priced.lines().get(share.line()).product().id(), share.amount().fen(), Long::sum);
            }
            out.add(d.promotionId() + " " + d.amount() + " " + byProduct);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static Promotion byId(Scenario s, String id) {
        Optional<Promotion> found = s.promotions().stream().filter(p -> p.id().equals(id)).findFirst();
        return found.orElseThrow();
    }
}
