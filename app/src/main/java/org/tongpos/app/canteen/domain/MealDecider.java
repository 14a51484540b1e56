package org.tongpos.app.canteen.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.money.domain.Money;

/**
 * Decides one meal from the rules and what is known of the diner, in this order: the account (closed, lost card,
 * guest), the day and the period, the price for the diner's type, meals already taken, the dishes, the daily cap,
 * the offline limits (bank accounts only), and last the money. A pure function: the same inputs always give the same
 * decision, and nothing is recorded.
 *
 * <p>Money: the subsidy and balance known here are the source's, less this terminal's charges the bank has not
 * confirmed yet. The price is split by the canteen's pay order; a negative subsidy counts as none; the personal
 * balance may go below zero by the canteen's overdraft and no further. A bank account is also held to the offline
 * limits, so that a terminal cut off from the bank cannot be emptied.
 */
public final class MealDecider {

    private MealDecider() {
    }

    public static MealDecision decide(MealRules rules, DinerAccount diner, MealOrder order, MealHistory history,
                                      OfflineState offline, ZonedDateTime now) {
        if (diner.closed()) {
            return MealDecision.Refused.of(RefusalReason.ACCOUNT_CLOSED);
        }
        if (diner.hotlisted()) {
            return MealDecision.Refused.of(RefusalReason.HOTLISTED);
        }
        if (DinerTypes.GUEST.equals(diner.dinerType())) {
            return MealDecision.Refused.of(RefusalReason.GUEST_APPROVAL_REQUIRED);
        }
        LocalDateTime local = now.toLocalDateTime();
        Rule found = rule(rules, diner.dinerType(), local);
        if (found.refused != null) {
            return found.refused;
        }
        MealPeriod period = found.period;
        int allowed = rules.mealsAllowed(period);
        if (history.mealsThisPeriod() >= allowed) {
            return MealDecision.Refused.of(RefusalReason.ALREADY_SERVED, period.name(),
                    Integer.toString(history.mealsThisPeriod()), Integer.toString(allowed));
        }
        Priced priced = price(rules, found, order, history.mealsThisPeriod() + 1);
        if (priced.refused != null) {
            return priced.refused;
        }
        Money price = priced.price;
        Optional<Money> cap = rules.limits().dailyCap();
        if (cap.isPresent() && cap.get().isLessThan(history.spentToday().plus(price))) {
            return MealDecision.Refused.of(RefusalReason.DAILY_CAP, cap.get().toYuanString(),
                    history.spentToday().toYuanString());
        }
        if (offline.bankAccount()) {
            Optional<MealDecision.Refused> beyond = beyondOfflineLimits(rules.limits(), offline, price, now);
            if (beyond.isPresent()) {
                return beyond.get();
            }
        }
        Money subsidy = diner.subsidy().minus(offline.unconfirmedSubsidy());
        Money balance = diner.balance().minus(offline.unconfirmedBalance());
        Money overdraft = rules.limits().overdraft();
        Money availableSubsidy = max(subsidy, Money.ZERO);
        Money availableBalance = balance.plus(overdraft);
        if (availableSubsidy.plus(max(availableBalance, Money.ZERO)).isLessThan(price)) {
            return MealDecision.Refused.of(RefusalReason.INSUFFICIENT_FUNDS, price.toYuanString(),
                    max(subsidy, Money.ZERO).plus(max(balance, Money.ZERO)).toYuanString());
        }
        ChargeSplit split = split(rules.limits().payOrder(), price, availableSubsidy, balance);
        return new MealDecision.Served(period.name(), local.toLocalDate(), history.mealsThisPeriod() + 1, price, split,
                priced.dishes, Optional.of(subsidy.minus(split.subsidy())), Optional.of(balance.minus(split.balance())));
    }

    /** A cash meal for someone without an account, priced as diner type {@link DinerTypes#WALK_IN}. */
    public static MealDecision decideCash(MealRules rules, MealOrder order, ZonedDateTime now) {
        if (!rules.limits().cashWalkIns()) {
            return MealDecision.Refused.of(RefusalReason.CASH_NOT_ALLOWED);
        }
        LocalDateTime local = now.toLocalDateTime();
        Rule found = rule(rules, DinerTypes.WALK_IN, local);
        if (found.refused != null) {
            return found.refused;
        }
        Priced priced = price(rules, found, order, 1);
        if (priced.refused != null) {
            return priced.refused;
        }
        return new MealDecision.Served(found.period.name(), local.toLocalDate(), 1, priced.price,
                new ChargeSplit(Money.ZERO, Money.ZERO, priced.price), priced.dishes, Optional.empty(),
                Optional.empty());
    }

    /**
     * A guest's meal against an approval: the approval (for today, not expired, heads left), the period and the
     * {@link DinerTypes#GUEST} price, then the payer: cash, or the paying account with its usual checks (closed, lost
     * card, the offline limits of a bank account, the money).
     *
     * @param used the approval's meals already served (not refunded)
     */
    public static MealDecision decideGuest(MealRules rules, GuestApproval approval, int used,
                                           Optional<DinerAccount> payer, OfflineState offline, MealOrder order,
                                           ZonedDateTime now) {
        if (!approval.validAt(now)) {
            return MealDecision.Refused.of(RefusalReason.GUEST_APPROVAL_EXPIRED, approval.id());
        }
        if (used >= approval.headCount()) {
            return MealDecision.Refused.of(RefusalReason.GUEST_APPROVAL_USED_UP, approval.id(), Integer.toString(used),
                    Integer.toString(approval.headCount()));
        }
        LocalDateTime local = now.toLocalDateTime();
        Rule found = rule(rules, DinerTypes.GUEST, local);
        if (found.refused != null) {
            return found.refused;
        }
        Priced priced = price(rules, found, order, 1);
        if (priced.refused != null) {
            return priced.refused;
        }
        Money price = priced.price;
        if (payer.isEmpty()) {
            return new MealDecision.Served(found.period.name(), local.toLocalDate(), used + 1, price,
                    new ChargeSplit(Money.ZERO, Money.ZERO, price), priced.dishes, Optional.empty(), Optional.empty());
        }
        DinerAccount account = payer.get();
        if (account.closed()) {
            return MealDecision.Refused.of(RefusalReason.ACCOUNT_CLOSED);
        }
        if (account.hotlisted()) {
            return MealDecision.Refused.of(RefusalReason.HOTLISTED);
        }
        if (offline.bankAccount()) {
            Optional<MealDecision.Refused> beyond = beyondOfflineLimits(rules.limits(), offline, price, now);
            if (beyond.isPresent()) {
                return beyond.get();
            }
        }
        Money subsidy = account.subsidy().minus(offline.unconfirmedSubsidy());
        Money balance = account.balance().minus(offline.unconfirmedBalance());
        Money availableSubsidy = max(subsidy, Money.ZERO);
        Money availableBalance = balance.plus(rules.limits().overdraft());
        if (availableSubsidy.plus(max(availableBalance, Money.ZERO)).isLessThan(price)) {
            return MealDecision.Refused.of(RefusalReason.INSUFFICIENT_FUNDS, price.toYuanString(),
                    max(subsidy, Money.ZERO).plus(max(balance, Money.ZERO)).toYuanString());
        }
        ChargeSplit split = split(rules.limits().payOrder(), price, availableSubsidy, balance);
        return new MealDecision.Served(found.period.name(), local.toLocalDate(), used + 1, price, split, priced.dishes,
                Optional.of(subsidy.minus(split.subsidy())), Optional.of(balance.minus(split.balance())));
    }

    /** The parts of {@code price}; the caller has checked that subsidy and balance with overdraft cover it. */
    static ChargeSplit split(PayOrder order, Money price, Money availableSubsidy, Money balance) {
        Money fromSubsidy;
        if (order == PayOrder.SUBSIDY_FIRST) {
            fromSubsidy = min(availableSubsidy, price);
        } else {
            Money fromBalanceFirst = min(max(balance, Money.ZERO), price);
            fromSubsidy = min(availableSubsidy, price.minus(fromBalanceFirst));
        }
        return new ChargeSplit(fromSubsidy, price.minus(fromSubsidy), Money.ZERO);
    }

    private static Optional<MealDecision.Refused> beyondOfflineLimits(CanteenLimits limits, OfflineState offline,
                                                                    Money price, ZonedDateTime now) {
        Duration since = offline.lastSynced().map(at -> Duration.between(at, now.toInstant())).orElse(null);
        if (since == null || since.compareTo(limits.maxOffline()) > 0) {
            return Optional.of(MealDecision.Refused.offline(OfflineLimit.TIME_OFFLINE,
                    Long.toString(limits.maxOffline().toHours())));
        }
        if (limits.offlineAccountSpend().isLessThan(offline.accountUnconfirmed().plus(price))) {
            return Optional.of(MealDecision.Refused.offline(OfflineLimit.ACCOUNT_SPEND,
                    limits.offlineAccountSpend().toYuanString(), offline.accountUnconfirmed().toYuanString()));
        }
        if (limits.offlineTerminalTotal().isLessThan(offline.terminalUnconfirmed().plus(price))) {
            return Optional.of(MealDecision.Refused.offline(OfflineLimit.TERMINAL_TOTAL,
                    limits.offlineTerminalTotal().toYuanString(), offline.terminalUnconfirmed().toYuanString()));
        }
        return Optional.empty();
    }

    /** The period now and the price rule of this diner type in it, or why there is none. */
    private static Rule rule(MealRules rules, String dinerType, LocalDateTime now) {
        if (rules.closedOn(now.toLocalDate())) {
            String note = rules.day(now.toLocalDate()).map(CalendarDay::note).orElse("");
            return new Rule(null, null, MealDecision.Refused.of(RefusalReason.CLOSED_DAY, note));
        }
        Optional<MealPeriod> period = rules.periodAt(now);
        if (period.isEmpty()) {
            return new Rule(null, null, MealDecision.Refused.of(RefusalReason.OUTSIDE_PERIOD));
        }
        Optional<PriceRule> rule = rules.price(period.get().name(), dinerType);
        if (rule.isEmpty()) {
            return new Rule(period.get(), null, MealDecision.Refused.of(RefusalReason.NO_PRICE, period.get().name(),
                    dinerType));
        }
        return new Rule(period.get(), rule.get(), null);
    }

    /** The price of the {@code nth} meal of the period: fixed, or the sum of the dishes taken. */
    private static Priced price(MealRules rules, Rule rule, MealOrder order, int nth) {
        if (!rule.price.byDish()) {
            return new Priced(rule.price.priceOfMeal(nth), List.of(), null);
        }
        String period = rule.period.name();
        if (order.dishes().isEmpty()) {
            return Priced.refused(MealDecision.Refused.of(RefusalReason.DISH_REQUIRED, period));
        }
        if (order.dishes().size() > MealOrder.MAX_DISHES) {
            return Priced.refused(MealDecision.Refused.of(RefusalReason.TOO_MANY_DISHES,
                    Integer.toString(MealOrder.MAX_DISHES)));
        }
        List<Dish> dishes = new ArrayList<>();
        Money total = Money.ZERO;
        for (int number : order.dishes()) {
            Optional<Dish> dish = rules.dish(period, number);
            if (dish.isEmpty()) {
                return Priced.refused(MealDecision.Refused.of(RefusalReason.UNKNOWN_DISH, Integer.toString(number),
                        period));
            }
            dishes.add(dish.get());
            total = total.plus(dish.get().price());
        }
        return new Priced(total, dishes, null);
    }

    private record Rule(MealPeriod period, PriceRule price, MealDecision.Refused refused) {
    }

    private record Priced(Money price, List<Dish> dishes, MealDecision.Refused refused) {
        static Priced refused(MealDecision.Refused refused) {
            return new Priced(null, List.of(), refused);
        }
    }

    private static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
