package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.CalendarDay;
import org.tongpos.app.canteen.domain.MealRules;
import org.tongpos.app.canteen.domain.PayOrder;
import org.tongpos.app.canteen.store.CanteenRuleStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.storage.Database;

/** Rule changes are checked, stored, read back after a restart, and each one reaches the audit seam once. */
class CanteenRulesTest {

    @TempDir
    Path dir;

    private final List<RuleChange> audited = new ArrayList<>();

    private CanteenRules rules(Database database) {
        return new CanteenRules(new CanteenRuleStore(database.dataSource()), audited::add, TerminalFixture.FIXED_CLOCK);
    }

    private static String problem(Runnable change) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(change::run);
        assertThat(thrown).isInstanceOf(RuleProblem.class);
        return ((RuleProblem) thrown).key();
    }

    @Test
    void everyKindOfRuleIsStoredAndReadBackAfterARestart() {
        try (Database database = Database.open(dir)) {
            CanteenRules rules = rules(database);
            rules.setPeriod("午餐", "11:00-13:30", "12345", OptionalInt.of(2), "001");
            TreeMap<Integer, Money> nth = new TreeMap<>();
            nth.put(2, Money.parseYuan("15"));
            rules.setPrice("午餐", "staff", Optional.of(Money.parseYuan("10")), nth, "001");
            rules.setPrice("午餐", "STUDENT", Optional.empty(), new TreeMap<>(), "001");
            rules.setDish("午餐", 3, " 清炒时蔬 ", Money.parseYuan("3"), "001");
            rules.setDay(LocalDate.of(2026, 10, 1), CalendarDay.Kind.CLOSED, "国庆节", "001");
            rules.setLimit("pay-order", "balance-first", "001");
        }
        try (Database database = Database.open(dir)) {
            MealRules read = rules(database).rules();
            assertThat(read.period("午餐").orElseThrow().window()).isEqualTo("11:00-13:30");
            assertThat(read.mealsAllowed(read.period("午餐").orElseThrow())).isEqualTo(2);
            assertThat(read.price("午餐", "STAFF").orElseThrow().priceOfMeal(2)).isEqualTo(Money.parseYuan("15"));
            assertThat(read.price("午餐", "STUDENT").orElseThrow().byDish()).isTrue();
            assertThat(read.dish("午餐", 3).orElseThrow().name()).isEqualTo("清炒时蔬");
            assertThat(read.closedOn(LocalDate.of(2026, 10, 1))).isTrue();
            assertThat(read.limits().payOrder()).isEqualTo(PayOrder.BALANCE_FIRST);
        }
        assertThat(audited).extracting(RuleChange::subject).containsExactly("period 午餐", "price 午餐 STAFF",
                "price 午餐 STUDENT", "dish 午餐 3", "day 2026-10-01", "limit pay-order");
        assertThat(audited.get(5).before()).isEqualTo("subsidy-first");
        assertThat(audited.get(5).after()).isEqualTo("balance-first");
        assertThat(audited).allSatisfy(c -> assertThat(c.operator()).isEqualTo("001"));
    }

    @Test
    void refusedChangesSayWhyChangeNothingAndAreNotAudited() {
        try (Database database = Database.open(dir)) {
            CanteenRules rules = rules(database);
            rules.setPeriod("午餐", "11:00-13:30", "12345", OptionalInt.empty(), "001");
            audited.clear();
            MealRules before = rules.rules();

            assertThat(problem(() -> rules.setPeriod("加餐", "13:00-14:00", "5", OptionalInt.empty(), "001")))
                    .isEqualTo("canteen.rule.overlap");
            assertThat(problem(() -> rules.setPeriod("早 餐", "07:00-09:00", "12345", OptionalInt.empty(), "001")))
                    .isEqualTo("canteen.rule.badPeriodName");
            assertThat(problem(() -> rules.setPeriod("早餐", "09:00-07:00", "12345", OptionalInt.empty(), "001")))
                    .isEqualTo("canteen.rule.badWindow");
            assertThat(problem(() -> rules.setPeriod("早餐", "07:00-09:00", "0", OptionalInt.empty(), "001")))
                    .isEqualTo("canteen.rule.badDays");
            assertThat(problem(() -> rules.setPeriod("早餐", "07:00-09:00", "1", OptionalInt.of(0), "001")))
                    .isEqualTo("canteen.rule.badMeals");
            assertThat(problem(() -> rules.setPrice("晚餐", "STAFF", Optional.of(Money.parseYuan("9")), new TreeMap<>(),
                    "001"))).isEqualTo("canteen.rule.noPeriod");
            assertThat(problem(() -> rules.setPrice("午餐", "员工", Optional.of(Money.parseYuan("9")), new TreeMap<>(),
                    "001"))).isEqualTo("canteen.rule.badDinerType");
            assertThat(problem(() -> rules.setDish("午餐", 1000, "汤", Money.parseYuan("1"), "001")))
                    .isEqualTo("canteen.rule.badDishNo");
            assertThat(problem(() -> rules.setLimit("offline.account-spend", "lots", "001")))
                    .isEqualTo("canteen.rule.badLimit");
            assertThat(problem(() -> rules.setLimit("free-lunch", "true", "001"))).isEqualTo("canteen.rule.unknownLimit");
            assertThat(problem(() -> rules.removeDish("午餐", 1, "001"))).isEqualTo("canteen.rule.noDish");

            assertThat(rules.rules()).isEqualTo(before);
            assertThat(audited).isEmpty();
        }
    }

    @Test
    void removingAPeriodTakesItsPricesAndMenuAlong() {
        try (Database database = Database.open(dir)) {
            CanteenRules rules = rules(database);
            rules.setPeriod("晚餐", "17:00-19:00", "1234567", OptionalInt.empty(), "001");
            rules.setPrice("晚餐", "STAFF", Optional.empty(), new TreeMap<>(), "001");
            rules.setDish("晚餐", 1, "红烧肉", Money.parseYuan("8"), "001");
            rules.removePeriod("晚餐", "001");
            MealRules after = rules.rules();
            assertThat(after.periods()).isEmpty();
            assertThat(after.prices()).isEmpty();
            assertThat(after.menu()).isEmpty();
            assertThat(audited.get(audited.size() - 1).before()).isEqualTo("17:00-19:00 days 1234567");
        }
    }
}
