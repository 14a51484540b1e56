package org.tongpos.app.canteen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.canteen.domain.Rules.MONDAY_NOON;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongpos.app.money.domain.Money;

class MealDeciderTest {

    private static MealDecision decide(MealRules rules, DinerAccount diner) {
        return MealDecider.decide(rules, diner, MealOrder.FIXED, MealHistory.NONE, OfflineState.LOCAL, MONDAY_NOON);
    }

    private static MealDecision.Served served(MealDecision decision) {
        assertThat(decision).isInstanceOf(MealDecision.Served.class);
        return (MealDecision.Served) decision;
    }

    private static void refused(MealDecision decision, RefusalReason reason) {
        assertThat(decision).isInstanceOf(MealDecision.Refused.class);
        assertThat(((MealDecision.Refused) decision).reason()).isEqualTo(reason);
    }

    private static Money yuan(String text) {
        return Money.parseYuan(text);
    }

    @Test
    void lunchIsServedFromTheSubsidyFirstWithTheBalancesAfter() {
        MealDecision.Served lunch = served(decide(Rules.standard().build(), Rules.staff("300", "200")));

        assertThat(lunch.period()).isEqualTo("午餐");
        assertThat(lunch.businessDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(lunch.nth()).isEqualTo(1);
        assertThat(lunch.price()).isEqualTo(yuan("10"));
        assertThat(lunch.split()).isEqualTo(new ChargeSplit(yuan("10"), Money.ZERO, Money.ZERO));
        assertThat(lunch.subsidyAfter()).contains(yuan("290"));
        assertThat(lunch.balanceAfter()).contains(yuan("200"));
    }

    @Test
    void whatTheSubsidyCannotCoverComesFromTheBalance() {
        MealDecision.Served lunch = served(decide(Rules.standard().build(), Rules.staff("3.50", "200")));
        assertThat(lunch.split()).isEqualTo(new ChargeSplit(yuan("3.50"), yuan("6.50"), Money.ZERO));
    }

    @Test
    void balanceFirstCanteensChargeTheBalanceThenTheSubsidy() {
        MealRules rules = Rules.standard().set(CanteenSetting.PAY_ORDER, "balance-first").build();
        assertThat(served(decide(rules, Rules.staff("300", "4"))).split())
                .isEqualTo(new ChargeSplit(yuan("6"), yuan("4"), Money.ZERO));
        assertThat(served(decide(rules, Rules.staff("300", "-2"))).split())
                .as("a negative balance gives nothing").isEqualTo(new ChargeSplit(yuan("10"), Money.ZERO, Money.ZERO));
    }

    @Test
    void notEnoughMoneyIsRefusedUnlessTheOverdraftCoversIt() {
        MealDecision refusal = decide(Rules.standard().build(), Rules.staff("2", "7.99"));
        refused(refusal, RefusalReason.INSUFFICIENT_FUNDS);
        assertThat(((MealDecision.Refused) refusal).args()).containsExactly("10.00", "9.99");

        MealRules overdraft = Rules.standard().set(CanteenSetting.OVERDRAFT, "5").build();
        MealDecision.Served lunch = served(decide(overdraft, Rules.staff("2", "4")));
        assertThat(lunch.split()).isEqualTo(new ChargeSplit(yuan("2"), yuan("8"), Money.ZERO));
        assertThat(lunch.balanceAfter()).contains(yuan("-4"));
        refused(decide(overdraft, Rules.staff("0", "4.99")), RefusalReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void aNegativeSubsidyIsNoSubsidy() {
        assertThat(served(decide(Rules.standard().build(), Rules.staff("-5", "20"))).split())
                .isEqualTo(new ChargeSplit(Money.ZERO, yuan("10"), Money.ZERO));
    }

    @Test
    void closedAndLostCardsAndGuestsAreRefusedBeforeAnythingElse() {
        DinerAccount staff = Rules.staff("300", "200");
        MealRules rules = Rules.standard().build();
        refused(decide(rules, new DinerAccount("A1", "D1", "", "张伟", "", "STAFF", "", staff.balance(),
                staff.subsidy(), true, true, AccountSource.BANK)), RefusalReason.ACCOUNT_CLOSED);
        refused(decide(rules, new DinerAccount("A1", "D1", "", "张伟", "", "STAFF", "", staff.balance(),
                staff.subsidy(), true, false, AccountSource.BANK)), RefusalReason.HOTLISTED);
        refused(decide(rules, new DinerAccount("A8", "D8", "", "访客", "", "GUEST", "", staff.balance(),
                staff.subsidy(), false, false, AccountSource.BANK)), RefusalReason.GUEST_APPROVAL_REQUIRED);
    }

    @Test
    void outsideThePeriodsOnTheirWeekdaysNobodyIsServed() {
        MealRules rules = Rules.standard().build();
        DinerAccount staff = Rules.staff("300", "200");
        refused(MealDecider.decide(rules, staff, MealOrder.FIXED, MealHistory.NONE, OfflineState.LOCAL,
                MONDAY_NOON.withHour(14)), RefusalReason.OUTSIDE_PERIOD);
        refused(MealDecider.decide(rules, staff, MealOrder.FIXED, MealHistory.NONE, OfflineState.LOCAL,
                MONDAY_NOON.withHour(13).withMinute(30)), RefusalReason.OUTSIDE_PERIOD);
        assertThat(MealDecider.decide(rules, staff, MealOrder.FIXED, MealHistory.NONE, OfflineState.LOCAL,
                MONDAY_NOON.withHour(13).withMinute(29)).served()).isTrue();
        refused(MealDecider.decide(rules, staff, MealOrder.FIXED, MealHistory.NONE, OfflineState.LOCAL,
                MONDAY_NOON.plusDays(5)), RefusalReason.OUTSIDE_PERIOD);
    }

    @Test
    void aClosedDayRefusesAndAMakeUpWorkdayServesEveryPeriod() {
        LocalDate monday = MONDAY_NOON.toLocalDate();
        MealRules holiday = Rules.standard().day(monday, CalendarDay.Kind.CLOSED).build();
        refused(decide(holiday, Rules.staff("300", "200")), RefusalReason.CLOSED_DAY);

        LocalDate saturday = monday.plusDays(5);
        MealRules workday = Rules.standard().day(saturday, CalendarDay.Kind.WORKDAY).build();
        assertThat(MealDecider.decide(workday, Rules.staff("300", "200"), MealOrder.FIXED, MealHistory.NONE,
                OfflineState.LOCAL, MONDAY_NOON.plusDays(5)).served()).isTrue();
    }

    @Test
    void aDinerTypeWithoutAPriceInThePeriodIsRefused() {
        DinerAccount student = new DinerAccount("S1", "S1", "", "小明", "", "STUDENT", "", yuan("50"), yuan("50"),
                false, false, AccountSource.LOCAL);
        MealDecision decision = decide(Rules.standard().build(), student);
        refused(decision, RefusalReason.NO_PRICE);
        assertThat(((MealDecision.Refused) decision).args()).containsExactly("午餐", "STUDENT");
    }

    @Test
    void oneMealPerPeriodByDefaultAndMoreWhereThePeriodAllowsIt() {
        MealRules rules = Rules.standard().build();
        MealDecision second = MealDecider.decide(rules, Rules.staff("300", "200"), MealOrder.FIXED,
                new MealHistory(1, yuan("10")), OfflineState.LOCAL, MONDAY_NOON);
        refused(second, RefusalReason.ALREADY_SERVED);
        assertThat(((MealDecision.Refused) second).args()).containsExactly("午餐", "1", "1");

        MealRules twice = new Rules().periodWithMeals("午餐", "11:00-13:30", 2).nthPrice("午餐", "STAFF", "10", 2, "15")
                .build();
        MealDecision.Served again = served(MealDecider.decide(twice, Rules.staff("300", "200"), MealOrder.FIXED,
                new MealHistory(1, yuan("10")), OfflineState.LOCAL, MONDAY_NOON));
        assertThat(again.nth()).isEqualTo(2);
        assertThat(again.price()).as("the second meal's own price").isEqualTo(yuan("15"));
        refused(MealDecider.decide(twice, Rules.staff("300", "200"), MealOrder.FIXED, new MealHistory(2, yuan("25")),
                OfflineState.LOCAL, MONDAY_NOON), RefusalReason.ALREADY_SERVED);
    }

    @Test
    void byDishTheMealCostsTheDishesTaken() {
        MealRules rules = new Rules().period("晚餐", "11:00-19:00", "1234567").byDish("晚餐", "STAFF")
                .dish("晚餐", 1, "红烧肉", "8").dish("晚餐", 4, "米饭", "0.5").build();
        DinerAccount staff = Rules.staff("300", "200");
        MealDecision.Served dinner = served(MealDecider.decide(rules, staff, MealOrder.ofDishes(List.of(1, 4, 4)),
                MealHistory.NONE, OfflineState.LOCAL, MONDAY_NOON));
        assertThat(dinner.price()).isEqualTo(yuan("9"));
        assertThat(dinner.dishes()).extracting(Dish::name).containsExactly("红烧肉", "米饭", "米饭");

        refused(MealDecider.decide(rules, staff, MealOrder.FIXED, MealHistory.NONE, OfflineState.LOCAL, MONDAY_NOON),
                RefusalReason.DISH_REQUIRED);
        refused(MealDecider.decide(rules, staff, MealOrder.ofDishes(List.of(1, 2)), MealHistory.NONE,
                OfflineState.LOCAL, MONDAY_NOON), RefusalReason.UNKNOWN_DISH);
        refused(MealDecider.decide(rules, staff, MealOrder.ofDishes(java.util.Collections.nCopies(21, 4)),
                MealHistory.NONE, OfflineState.LOCAL, MONDAY_NOON), RefusalReason.TOO_MANY_DISHES);
        refused(MealDecider.decide(rules, staff, MealOrder.FIXED, new MealHistory(1, yuan("9")), OfflineState.LOCAL,
                MONDAY_NOON), RefusalReason.ALREADY_SERVED);
    }

    @Test
    void theDailyCapCountsWhatWasSpentToday() {
        MealRules rules = Rules.standard().set(CanteenSetting.DAILY_CAP, "14").build();
        refused(MealDecider.decide(rules, Rules.staff("300", "200"), MealOrder.FIXED, new MealHistory(0, yuan("5")),
                OfflineState.LOCAL, MONDAY_NOON), RefusalReason.DAILY_CAP);
        assertThat(MealDecider.decide(rules, Rules.staff("300", "200"), MealOrder.FIXED, new MealHistory(0, yuan("4")),
                OfflineState.LOCAL, MONDAY_NOON).served()).isTrue();
    }

    @Test
    void bankAccountsAreHeldToTheOfflineLimitsAndTheirUnconfirmedCharges() {
        MealRules rules = Rules.standard().set(CanteenSetting.OFFLINE_ACCOUNT_SPEND, "25")
                .set(CanteenSetting.OFFLINE_TERMINAL_TOTAL, "100").set(CanteenSetting.OFFLINE_MAX_HOURS, "2").build();
        DinerAccount diner = Rules.bankStaff("15", "200");
        Instant synced = MONDAY_NOON.toInstant().minusSeconds(60);

        MealDecision.Served lunch = served(MealDecider.decide(rules, diner, MealOrder.FIXED, MealHistory.NONE,
                OfflineState.bank(Optional.of(synced), yuan("10"), yuan("5"), yuan("15")), MONDAY_NOON));
        assertThat(lunch.split()).as("the subsidy left after this terminal's unconfirmed 10")
                .isEqualTo(new ChargeSplit(yuan("5"), yuan("5"), Money.ZERO));
        assertThat(lunch.subsidyAfter()).contains(Money.ZERO);
        assertThat(lunch.balanceAfter()).contains(yuan("190"));

        MealDecision account = MealDecider.decide(rules, diner, MealOrder.FIXED, MealHistory.NONE,
                OfflineState.bank(Optional.of(synced), yuan("10"), yuan("5.01"), yuan("15.01")), MONDAY_NOON);
        refused(account, RefusalReason.OFFLINE_LIMIT);
        assertThat(((MealDecision.Refused) account).offlineLimit()).contains(OfflineLimit.ACCOUNT_SPEND);

        MealDecision terminal = MealDecider.decide(rules, diner, MealOrder.FIXED, MealHistory.NONE,
                OfflineState.bank(Optional.of(synced), Money.ZERO, Money.ZERO, yuan("90.01")), MONDAY_NOON);
        assertThat(((MealDecision.Refused) terminal).offlineLimit()).contains(OfflineLimit.TERMINAL_TOTAL);

        MealDecision stale = MealDecider.decide(rules, diner, MealOrder.FIXED, MealHistory.NONE,
                OfflineState.bank(Optional.of(MONDAY_NOON.toInstant().minusSeconds(2 * 3600 + 1)), Money.ZERO,
                        Money.ZERO, Money.ZERO), MONDAY_NOON);
        assertThat(((MealDecision.Refused) stale).offlineLimit()).contains(OfflineLimit.TIME_OFFLINE);
        MealDecision never = MealDecider.decide(rules, diner, MealOrder.FIXED, MealHistory.NONE,
                OfflineState.bank(Optional.empty(), Money.ZERO, Money.ZERO, Money.ZERO), MONDAY_NOON);
        assertThat(((MealDecision.Refused) never).offlineLimit()).contains(OfflineLimit.TIME_OFFLINE);
    }

    @Test
    void localAccountsKnowNoOfflineLimits() {
        MealRules rules = Rules.standard().set(CanteenSetting.OFFLINE_ACCOUNT_SPEND, "1").build();
        assertThat(decide(rules, Rules.staff("300", "200")).served()).isTrue();
    }

    @Test
    void walkInsPayCashOnlyWhereTheCanteenAllowsIt() {
        MealRules noCash = Rules.standard().price("午餐", DinerTypes.WALK_IN, "15").build();
        refused(MealDecider.decideCash(noCash, MealOrder.FIXED, MONDAY_NOON), RefusalReason.CASH_NOT_ALLOWED);

        MealRules cash = Rules.standard().price("午餐", DinerTypes.WALK_IN, "15")
                .set(CanteenSetting.CASH_WALK_IN, "true").build();
        MealDecision.Served walkIn = served(MealDecider.decideCash(cash, MealOrder.FIXED, MONDAY_NOON));
        assertThat(walkIn.split()).isEqualTo(new ChargeSplit(Money.ZERO, Money.ZERO, yuan("15")));
        assertThat(walkIn.balanceAfter()).isEmpty();
        refused(MealDecider.decideCash(Rules.standard().set(CanteenSetting.CASH_WALK_IN, "true").build(),
                MealOrder.FIXED, MONDAY_NOON), RefusalReason.NO_PRICE);
    }
}
