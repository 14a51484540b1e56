package org.tongpos.app.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.domain.CalendarDay;
import org.tongpos.app.canteen.domain.CanteenSetting;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.canteen.domain.MealPeriod;
import org.tongpos.app.canteen.domain.MealRules;
import org.tongpos.app.canteen.domain.PriceRule;
import org.tongpos.app.canteen.service.CanteenRules;
import org.tongpos.app.canteen.service.RuleProblem;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code canteen period|price|menu|limit|day|show}: the canteen's meal rules from the command line. Every change is
 * checked (a refused one exits 2, saying why, and changes nothing) and goes to the rules' audit seam as
 * {@code system}.
 */
@Command(name = "canteen", description = "Meal rules: periods, prices, menus, limits, closed days.",
        subcommands = {CanteenCommand.Period.class, CanteenCommand.Price.class, CanteenCommand.Menu.class,
                CanteenCommand.Limit.class, CanteenCommand.Day.class, CanteenCommand.Show.class})
final class CanteenCommand {

    /** Who the command line records as having changed a rule (the audit log's {@code --operator} comes later). */
    static final String OPERATOR = "system";

    static Money yuan(String text) {
        try {
            Money amount = Money.parseYuan(text);
            if (amount.isPositive()) {
                return amount;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // said below
        }
        throw RuleProblem.of("cli.canteen.badYuan", text);
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw RuleProblem.of("cli.canteen.badDate", text);
        }
    }

    @Command(name = "period", description = "Meal periods: set, list, remove.",
            subcommands = {PeriodSet.class, PeriodList.class, PeriodRemove.class})
    static final class Period {
    }

    @Command(name = "set", description = "Sets a meal period: NAME HH:MM-HH:MM [--days 1234567] [--meals N].")
    static final class PeriodSet extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "HH:MM-HH:MM")
        String window;

        @Option(names = "--days", paramLabel = "1234567", defaultValue = "1234567",
                description = "Weekdays it is served on, 1 = Monday … 7 = Sunday (default every day).")
        String days;

        @Option(names = "--meals", paramLabel = "N",
                description = "Meals one diner may take in it (default: the meals-per-period limit).")
        Integer meals;

        @Override
        int change(Terminal terminal) {
            MealPeriod period = terminal.canteen().rules().setPeriod(name, window, days,
                    meals == null ? OptionalInt.empty() : OptionalInt.of(meals), OPERATOR);
            out().println(terminal.messages().get("cli.canteen.period.set", period.name(), period.window(),
                    period.daysText()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists the meal periods: name, window, weekdays, meals allowed.")
    static final class PeriodList extends TerminalCommand.Nested {
        @Override
        int change(Terminal terminal) {
            MealRules rules = terminal.canteen().rules().rules();
            for (MealPeriod p : rules.periods()) {
                out().println(p.name() + "\t" + p.window() + "\t" + p.daysText() + "\t" + rules.mealsAllowed(p));
            }
            if (rules.periods().isEmpty()) {
                out().println(terminal.messages().get("cli.canteen.none"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Removes a meal period with its prices and menu.")
    static final class PeriodRemove extends TerminalCommand.Nested {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int change(Terminal terminal) {
            terminal.canteen().rules().removePeriod(name, OPERATOR);
            out().println(terminal.messages().get("cli.canteen.period.removed", name));
            return ExitCodes.OK;
        }
    }

    @Command(name = "price", description = "Prices per period and diner type: set, list, remove.",
            subcommands = {PriceSet.class, PriceList.class, PriceRemove.class})
    static final class Price {
    }

    @Command(name = "set", description = "Sets what DINER_TYPE pays in PERIOD: a fixed price YUAN (optionally other "
            + "prices for the Nth meal of the period), or --by-dish from the period's menu.")
    static final class PriceSet extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "PERIOD")
        String period;

        @Parameters(index = "1", paramLabel = "DINER_TYPE", description = "STAFF, GUEST, STUDENT, … as the bank's "
                + "diner_type; WALK_IN prices cash meals.")
        String dinerType;

        @Parameters(index = "2", paramLabel = "YUAN", arity = "0..1")
        String yuan;

        @Option(names = "--by-dish", description = "Priced by the dishes taken, from the period's menu.")
        boolean byDish;

        @Option(names = "--nth", paramLabel = "N=YUAN", description = "The price of the Nth meal in the period "
                + "(N from 2), e.g. --nth 2=15; repeat for more.")
        Map<Integer, String> nth;

        @Override
        int change(Terminal terminal) {
            if (byDish == (yuan != null)) {
                err().println(terminal.messages().get("cli.canteen.price.fixedOrDish"));
                return ExitCodes.BAD_INPUT;
            }
            SortedMap<Integer, Money> nthPrices = new TreeMap<>();
            if (nth != null) {
                nth.forEach((n, price) -> nthPrices.put(n, yuan(price)));
            }
            PriceRule rule = terminal.canteen().rules().setPrice(period, dinerType,
                    byDish ? Optional.empty() : Optional.of(yuan(yuan)), nthPrices, OPERATOR);
            out().println(terminal.messages().get("cli.canteen.price.set", rule.period(), rule.dinerType(),
                    describe(terminal.messages(), rule)));
            return ExitCodes.OK;
        }
    }

    static String describe(Messages messages, PriceRule rule) {
        if (rule.byDish()) {
            return messages.get("cli.canteen.price.byDish");
        }
        StringBuilder text = new StringBuilder(rule.fixed().orElseThrow().toYuanString());
        rule.nthPrices().forEach((n, price) -> text.append(' ')
                .append(messages.get("cli.canteen.price.nth", n, price.toYuanString())));
        return text.toString();
    }

    @Command(name = "list", description = "Lists the prices: period, diner type, price.")
    static final class PriceList extends TerminalCommand.Nested {
        @Override
        int change(Terminal terminal) {
            List<PriceRule> prices = terminal.canteen().rules().rules().prices();
            for (PriceRule p : prices) {
                out().println(p.period() + "\t" + p.dinerType() + "\t" + describe(terminal.messages(), p));
            }
            if (prices.isEmpty()) {
                out().println(terminal.messages().get("cli.canteen.none"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Removes the price of DINER_TYPE in PERIOD (that type is then refused).")
    static final class PriceRemove extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "PERIOD")
        String period;

        @Parameters(index = "1", paramLabel = "DINER_TYPE")
        String dinerType;

        @Override
        int change(Terminal terminal) {
            terminal.canteen().rules().removePrice(period, dinerType, OPERATOR);
            out().println(terminal.messages().get("cli.canteen.price.removed", period, dinerType));
            return ExitCodes.OK;
        }
    }

    @Command(name = "menu", description = "Today's menu of a period (for prices by dish): set, list, remove.",
            subcommands = {MenuSet.class, MenuList.class, MenuRemove.class})
    static final class Menu {
    }

    @Command(name = "set", description = "Sets dish DISH_NO of PERIOD's menu: its name and price.")
    static final class MenuSet extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "PERIOD")
        String period;

        @Parameters(index = "1", paramLabel = "DISH_NO")
        int number;

        @Parameters(index = "2", paramLabel = "NAME")
        String name;

        @Parameters(index = "3", paramLabel = "YUAN")
        String yuan;

        @Override
        int change(Terminal terminal) {
            Dish dish = terminal.canteen().rules().setDish(period, number, name, yuan(yuan), OPERATOR);
            out().println(terminal.messages().get("cli.canteen.menu.set", dish.period(), dish.number(), dish.name(),
                    dish.price().toYuanString()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists the menu: period, dish number, name, price.")
    static final class MenuList extends TerminalCommand.Nested {
        @Parameters(paramLabel = "PERIOD", arity = "0..1")
        String period;

        @Override
        int change(Terminal terminal) {
            MealRules rules = terminal.canteen().rules().rules();
            List<Dish> menu = period == null ? rules.menu() : rules.menuOf(period);
            for (Dish d : menu) {
                out().println(d.period() + "\t" + d.number() + "\t" + d.name() + "\t" + d.price().toYuanString());
            }
            if (menu.isEmpty()) {
                out().println(terminal.messages().get("cli.canteen.none"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Removes dish DISH_NO from PERIOD's menu.")
    static final class MenuRemove extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "PERIOD")
        String period;

        @Parameters(index = "1", paramLabel = "DISH_NO")
        int number;

        @Override
        int change(Terminal terminal) {
            terminal.canteen().rules().removeDish(period, number, OPERATOR);
            out().println(terminal.messages().get("cli.canteen.menu.removed", period, number));
            return ExitCodes.OK;
        }
    }

    @Command(name = "limit", description = "The canteen's limits and switches: set, list.",
            subcommands = {LimitSet.class, LimitList.class})
    static final class Limit {
    }

    @Command(name = "set", description = "Sets KEY to VALUE: meals-per-period, pay-order (subsidy-first | "
            + "balance-first), cash-walk-in (true | false), overdraft, daily-cap (yuan, 0 = none), "
            + "offline.account-spend, offline.terminal-total (yuan), offline.max-hours.")
    static final class LimitSet extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        int change(Terminal terminal) {
            terminal.canteen().rules().setLimit(key, value, OPERATOR);
            out().println(terminal.messages().get("cli.canteen.limit.set", key, value.strip()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists every limit with its value (the default when never set).")
    static final class LimitList extends TerminalCommand.Nested {
        @Override
        int change(Terminal terminal) {
            CanteenRules rules = terminal.canteen().rules();
            rules.limits().forEach((setting, value) -> out().println(setting.key() + "\t" + value));
            return ExitCodes.OK;
        }
    }

    @Command(name = "day", description = "Holidays and make-up working days: close, workday, remove, list.",
            subcommands = {DayClose.class, DayWorkday.class, DayRemove.class, DayList.class})
    static final class Day {
    }

    @Command(name = "close", description = "Closes the canteen on DATE (a holiday): every meal is refused.")
    static final class DayClose extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "DATE", description = "YYYY-MM-DD")
        String date;

        @Parameters(index = "1", paramLabel = "NOTE", arity = "0..1")
        String note;

        @Override
        int change(Terminal terminal) {
            CalendarDay day = terminal.canteen().rules().setDay(date(date), CalendarDay.Kind.CLOSED, note, OPERATOR);
            out().println(terminal.messages().get("cli.canteen.day.closed", day.date().toString()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "workday", description = "Makes DATE a working day (调休): every period is served whatever its "
            + "weekdays.")
    static final class DayWorkday extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "DATE", description = "YYYY-MM-DD")
        String date;

        @Parameters(index = "1", paramLabel = "NOTE", arity = "0..1")
        String note;

        @Override
        int change(Terminal terminal) {
            CalendarDay day = terminal.canteen().rules().setDay(date(date), CalendarDay.Kind.WORKDAY, note, OPERATOR);
            out().println(terminal.messages().get("cli.canteen.day.workday", day.date().toString()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "DATE follows the weekday rules again.")
    static final class DayRemove extends TerminalCommand.Nested {
        @Parameters(paramLabel = "DATE")
        String date;

        @Override
        int change(Terminal terminal) {
            terminal.canteen().rules().removeDay(date(date), OPERATOR);
            out().println(terminal.messages().get("cli.canteen.day.removed", date));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists the closed days and make-up working days.")
    static final class DayList extends TerminalCommand.Nested {
        @Override
        int change(Terminal terminal) {
            List<CalendarDay> days = terminal.canteen().rules().rules().calendar().values().stream()
                    .sorted(Comparator.comparing(CalendarDay::date)).toList();
            for (CalendarDay d : days) {
                out().println(d.date() + "\t" + d.kind() + "\t" + d.note());
            }
            if (days.isEmpty()) {
                out().println(terminal.messages().get("cli.canteen.none"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Shows every rule: periods, prices, menus, limits, days.")
    static final class Show extends TerminalCommand.Nested {
        @Override
        int change(Terminal terminal) {
            Messages messages = terminal.messages();
            MealRules rules = terminal.canteen().rules().rules();
            out().println(messages.get("cli.canteen.show.periods"));
            rules.periods().forEach(p -> out().println("  " + p.name() + "\t" + p.window() + "\t" + p.daysText()
                    + "\t" + rules.mealsAllowed(p)));
            out().println(messages.get("cli.canteen.show.prices"));
            rules.prices().forEach(p -> out().println("  " + p.period() + "\t" + p.dinerType() + "\t"
                    + describe(messages, p)));
            out().println(messages.get("cli.canteen.show.menu"));
            rules.menu().forEach(d -> out().println("  " + d.period() + "\t" + d.number() + "\t" + d.name() + "\t"
                    + d.price().toYuanString()));
            out().println(messages.get("cli.canteen.show.limits"));
            terminal.canteen().rules().limits().forEach((CanteenSetting s, String v) -> out().println("  " + s.key()
                    + "\t" + v));
            out().println(messages.get("cli.canteen.show.days"));
            rules.calendar().values().stream().sorted(Comparator.comparing(CalendarDay::date))
                    .forEach(d -> out().println("  " + d.date() + "\t" + d.kind() + "\t" + d.note()));
            return ExitCodes.OK;
        }
    }
}
