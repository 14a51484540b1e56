package org.tongpos.app.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tongpos.app.Terminal;
import org.tongpos.app.kitchen.domain.HeadcountForecast;
import org.tongpos.app.kitchen.domain.Quantities;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.reports.domain.ReportTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code forecast}: diners per meal period for the coming days, its error on past days, and what to buy. */
@Command(name = "forecast", description = "Forecasts diners per meal period for the coming days from the meals served "
        + "(the same weekday and period over the last open weeks), shows its error on the last 28 days (MAPE) beside "
        + "\"same weekday last week\", and the purchases it suggests from the items' quantity per meal.")
final class ForecastCommand extends TerminalCommand.Top {

    @Option(names = "--days", defaultValue = "7", paramLabel = "N", description = "Days ahead from today "
            + "(default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--weeks", defaultValue = "4", paramLabel = "N", description = "Open weeks averaged "
            + "(default ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--closed", split = ",", paramLabel = "DATE", description = "Days the canteen is closed "
            + "(holidays): forecast 0.")
    List<LocalDate> closed = new ArrayList<>();

    @Override
    int run(Terminal terminal) {
        if (days < 1 || days > 60 || weeks < 1 || weeks > 52) {
            err().println(terminal.messages().get("cli.forecast.bad"));
            return ExitCodes.BAD_INPUT;
        }
        var m = terminal.messages();
        KitchenStock.Forecast forecast = terminal.kitchen().forecast(terminal.systemSession(), days, weeks,
                Set.copyOf(closed));
        List<List<String>> rows = new ArrayList<>();
        for (HeadcountForecast.Day d : forecast.days()) {
            rows.add(List.of(d.date().toString(), d.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle
                    .SHORT, m.locale()), d.period(), Long.toString(d.meals())));
        }
        ReportTable table = new ReportTable(m.get("forecast.title", weeks), List.of(m.get("stock.col.date"),
                m.get("forecast.col.weekday"), m.get("stock.col.period"), m.get("forecast.col.meals")), rows);
        List<List<String>> buy = new ArrayList<>();
        for (KitchenStock.Suggestion s : forecast.purchases()) {
            buy.add(List.of(s.code(), s.name(), s.unit(), Quantities.format(s.neededMilli()),
                    Quantities.format(s.onHandMilli()), Quantities.format(s.toBuyMilli())));
        }
        ReportTable purchases = new ReportTable(m.get("forecast.purchases"), List.of(m.get("stock.col.code"),
                m.get("stock.col.name"), m.get("stock.col.unit"), m.get("forecast.col.needed"),
                m.get("stock.col.onHand"), m.get("forecast.col.toBuy")), buy);
        ReportCommand.print(out(), List.of(table, purchases));
        HeadcountForecast.Error e = forecast.error();
        out().println();
        out().println(m.get("forecast.error", e.days(), String.format(Locale.ROOT, "%.1f", e.mape()),
                String.format(Locale.ROOT, "%.1f", e.naiveMape())));
        return ExitCodes.OK;
    }
}
