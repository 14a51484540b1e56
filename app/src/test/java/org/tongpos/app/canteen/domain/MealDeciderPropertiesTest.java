package org.tongpos.app.canteen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.canteen.domain.Rules.MONDAY_NOON;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.tongpos.app.money.domain.Money;

/** The rules' promises, over many generated diners, prices, limits and days of meals. */
class MealDeciderPropertiesTest {

    @Property(tries = 2000)
    void thePartsAreNeverNegativeAndAlwaysMakeThePrice(@ForAll @LongRange(min = -20_000, max = 100_000) long subsidy,
                                                      @ForAll @LongRange(min = -20_000, max = 100_000) long balance,
                                                      @ForAll @LongRange(min = 1, max = 5_000) long price,
                                                      @ForAll @LongRange(min = 0, max = 5_000) long overdraft,
                                                      @ForAll PayOrder order) {
        MealRules rules = new Rules().period("午餐", "11:00-13:30", "1234567")
                .price("午餐", "STAFF", Money.ofFen(price).toYuanString())
                .set(CanteenSetting.OVERDRAFT, Money.ofFen(overdraft).toYuanString())
                .set(CanteenSetting.PAY_ORDER, order == PayOrder.SUBSIDY_FIRST ? "subsidy-first" : "balance-first")
                .build();
        DinerAccount diner = Rules.staff(Money.ofFen(subsidy).toYuanString(), Money.ofFen(balance).toYuanString());

        MealDecision decision = MealDecider.decide(rules, diner, MealOrder.FIXED, MealHistory.NONE, OfflineState.LOCAL,
                MONDAY_NOON);

        long available = Math.max(subsidy, 0) + Math.max(balance + overdraft, 0);
        assertThat(decision.served()).isEqualTo(available >= price);
        if (decision instanceof MealDecision.Served served) {
            ChargeSplit split = served.split();
            assertThat(split.subsidy().fen() + split.balance().fen() + split.cash().fen()).isEqualTo(price);
            assertThat(split.subsidy().fen()).isBetween(0L, Math.max(subsidy, 0));
            assertThat(split.balance().fen()).isNotNegative();
            assertThat(split.cash()).isEqualTo(Money.ZERO);
            if (split.balance().isPositive()) {
                assertThat(served.balanceAfter().orElseThrow().fen()).as("never charged below the overdraft")
                        .isGreaterThanOrEqualTo(-overdraft);
            }
            assertThat(served.balanceAfter().orElseThrow().fen()).isEqualTo(balance - split.balance().fen());
            assertThat(served.subsidyAfter().orElseThrow().fen()).isEqualTo(subsidy - split.subsidy().fen());
            if (order == PayOrder.SUBSIDY_FIRST && split.balance().isPositive()) {
                assertThat(split.subsidy().fen()).as("the subsidy is used up first").isEqualTo(Math.max(subsidy, 0));
            }
            if (order == PayOrder.BALANCE_FIRST && split.subsidy().isPositive()) {
                assertThat(split.balance().fen()).as("the balance is used up first")
                        .isGreaterThanOrEqualTo(Math.max(balance, 0));
            }
            if (split.balance().fen() > Math.max(balance, 0)) {
                assertThat(split.subsidy().fen()).as("the overdraft comes last").isEqualTo(Math.max(subsidy, 0));
            }
        }
    }

    /** One diner tries again and again through a day; the terminal counts what it served, as it would. */
    @Property(tries = 500)
    void neverMoreMealsInAPeriodThanAllowedOnOneTerminal(@ForAll @IntRange(min = 1, max = 4) int perPeriod,
                                                        @ForAll @IntRange(min = 1, max = 3) int lunchMeals,
                                                        @ForAll("attemptMinutes") @Size(max = 60) List<Integer> minutes) {
        MealRules rules = new Rules().period("早餐", "07:00-09:00", "1234567")
                .periodWithMeals("午餐", "11:00-13:30", lunchMeals).period("晚餐", "17:00-19:30", "1234567")
                .price("早餐", "STAFF", "5").nthPrice("午餐", "STAFF", "10", 2, "15").byDish("晚餐", "STAFF")
                .dish("晚餐", 1, "红烧肉", "8").set(CanteenSetting.MEALS_PER_PERIOD, Integer.toString(perPeriod)).build();
        DinerAccount diner = Rules.staff("100000", "100000");
        Map<String, Integer> served = new HashMap<>();
        Money spent = Money.ZERO;
        for (int minute : minutes.stream().sorted().toList()) {
            ZonedDateTime at = MONDAY_NOON.withHour(minute / 60).withMinute(minute % 60);
            String period = rules.periodAt(at.toLocalDateTime()).map(MealPeriod::name).orElse("");
            MealDecision decision = MealDecider.decide(rules, diner, MealOrder.ofDishes(List.of(1)),
                    new MealHistory(served.getOrDefault(period, 0), spent), OfflineState.LOCAL, at);
            if (decision instanceof MealDecision.Served meal) {
                assertThat(meal.period()).isEqualTo(period);
                served.merge(period, 1, Integer::sum);
                spent = spent.plus(meal.price());
            }
        }
        for (MealPeriod period : rules.periods()) {
            assertThat(served.getOrDefault(period.name(), 0)).isLessThanOrEqualTo(rules.mealsAllowed(period));
        }
    }

    @Provide
    Arbitrary<List<Integer>> attemptMinutes() {
        return Arbitraries.integers().between(6 * 60, 20 * 60).list();
    }

    /** A step of an offline rush: a meal for one of a few bank accounts, or the bank confirming all that was charged. */
    record Step(int account, boolean sync) {
    }

    @Provide
    Arbitrary<List<Step>> rush() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 9)).as((account, roll) -> new Step(account, roll == 0));
        return step.list().ofMaxSize(120);
    }

    /**
     * A terminal cut off from the bank charges bank accounts; now and then the feed brings the bank's balances (which
     * include what this terminal charged) and nothing is unconfirmed any more. Whatever the order, the charges the bank
     * has not confirmed stay within the per-account and per-terminal limits, and no balance goes below the overdraft.
     */
    @Property(tries = 500)
    void offlineSpendNeverGoesBeyondTheLimits(@ForAll("rush") List<Step> steps,
                                             @ForAll @LongRange(min = 100, max = 6_000) long accountLimit,
                                             @ForAll @LongRange(min = 500, max = 20_000) long terminalLimit,
                                             @ForAll @LongRange(min = 0, max = 2_000) long overdraft,
                                             @ForAll @LongRange(min = 1, max = 1_500) long price) {
        MealRules rules = new Rules().period("全天", "00:00-24:00", "1234567")
                .price("全天", "STAFF", Money.ofFen(price).toYuanString())
                .set(CanteenSetting.MEALS_PER_PERIOD, "20")
                .set(CanteenSetting.OVERDRAFT, Money.ofFen(overdraft).toYuanString())
                .set(CanteenSetting.OFFLINE_ACCOUNT_SPEND, Money.ofFen(accountLimit).toYuanString())
                .set(CanteenSetting.OFFLINE_TERMINAL_TOTAL, Money.ofFen(terminalLimit).toYuanString()).build();
        long[] bankSubsidy = {3_000, 0, 500, 20_000};
        long[] bankBalance = {1_000, 2_000, 0, 20_000};
        long[] unconfirmedSubsidy = new long[4];
        long[] unconfirmedBalance = new long[4];
        int[] meals = new int[4];
        for (Step step : steps) {
            if (step.sync()) {
                for (int a = 0; a < 4; a++) {
                    bankSubsidy[a] -= unconfirmedSubsidy[a];
                    bankBalance[a] -= unconfirmedBalance[a];
                    unconfirmedSubsidy[a] = 0;
                    unconfirmedBalance[a] = 0;
                }
                continue;
            }
            int a = step.account();
            if (meals[a] == 20) {
                continue;
            }
            long terminal = 0;
            for (int i = 0; i < 4; i++) {
                terminal += unconfirmedSubsidy[i] + unconfirmedBalance[i];
            }
            DinerAccount diner = new DinerAccount("A" + a, "D" + a, "", "", "", "STAFF", "",
                    Money.ofFen(bankBalance[a]), Money.ofFen(bankSubsidy[a]), false, false, AccountSource.BANK);
            OfflineState offline = OfflineState.bank(Optional.of(MONDAY_NOON.toInstant().minusSeconds(600)),
                    Money.ofFen(unconfirmedSubsidy[a]), Money.ofFen(unconfirmedBalance[a]), Money.ofFen(terminal));
            MealDecision decision = MealDecider.decide(rules, diner, MealOrder.FIXED,
                    new MealHistory(meals[a], Money.ZERO), offline, MONDAY_NOON);
            if (decision instanceof MealDecision.Served served) {
                meals[a]++;
                unconfirmedSubsidy[a] += served.split().subsidy().fen();
                unconfirmedBalance[a] += served.split().balance().fen();
                terminal += served.price().fen();
                assertThat(unconfirmedSubsidy[a] + unconfirmedBalance[a]).isLessThanOrEqualTo(accountLimit);
                assertThat(terminal).isLessThanOrEqualTo(terminalLimit);
                assertThat(bankBalance[a] - unconfirmedBalance[a]).isGreaterThanOrEqualTo(-overdraft);
                assertThat(bankSubsidy[a] - unconfirmedSubsidy[a]).isGreaterThanOrEqualTo(Math.min(bankSubsidy[a], 0));
            }
        }
    }
}
