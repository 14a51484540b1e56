package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.store.SalesReportStore;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.returns.store.ReturnStore;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.testkit.MutableClock;

/**
 * Decision 0012: the report summaries of closed days always equal the journal. Random histories over several days are
 * rung up through the real checkout and the real returns, with reports read in between (so that days get summarised
 * while the history grows), late sales rung up on a day already summarised (the clock set back: an entry arriving
 * late), and categories changed after the fact; then every breakdown and the totals of random ranges, read through
 * the summaries, equal the same figures read straight from the journal, and again after {@code report rebuild}.
 */
class SalesSummaryProperty {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Property(tries = 6)
    void summariesEqualTheJournal(@ForAll long seed, @ForAll @IntRange(min = 30, max = 60) int steps) throws Exception {
        Path dir = Files.createTempDirectory("report-summary-property");
        MutableClock clock = new MutableClock(Instant.parse("2026-10-08T23:30:00Z"), SHANGHAI);
        Random random = new Random(seed);
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir, clock)) {
            ReturnService returns = new ReturnService(new ReturnStore(terminal.database().dataSource()),
                    terminal.journal(), terminal.operators().audit(), new DurableTransaction(terminal.database()),
                    terminal.clock(), () -> Money.ZERO, () -> Optional.empty());
            List<Product> pieces = terminal.catalog().all().stream().filter(p -> !p.isWeighed()).toList();
            List<CompletedSale> cashSales = new ArrayList<>();
            List<String> firstItems = new ArrayList<>();
            Reports reports = terminal.reports();
            Session reader = terminal.systemSession();
            LocalDate start = LocalDate.now(clock);
            for (int i = 0; i < steps; i++) {
                int op = random.nextInt(10);
                if (op < 6) {
                    clock.advance(Duration.ofMinutes(1 + (random.nextInt(3) == 0 ? 4320 : 0) + random.nextInt(400)));
                    sell(terminal, clock, random, pieces, cashSales, firstItems);
                } else if (op == 6 && !cashSales.isEmpty()) {
                    int k = random.nextInt(cashSales.size());
                    returns.refund(reader, cashSales.remove(k).receiptNo(),
                            List.of(new ReturnService.Pick(firstItems.remove(k), 1)), "test", Optional.empty());
                } else if (op == 7) {
                    // an entry arriving late: a sale on a day that may have been summarised already
                    Duration back = Duration.ofHours(24L * (1 + random.nextInt(3)));
                    clock.advance(back.negated());
                    sell(terminal, clock, random, pieces, cashSales, firstItems);
                    clock.advance(back);
                } else if (op == 8) {
                    // the catalog changes a category after the fact: categories are read as they are now
                    Product p = pieces.get(random.nextInt(pieces.size()));
                    try (var c = terminal.database().dataSource().getConnection();
                         var s = c.prepareStatement("UPDATE product SET category = ? WHERE id = ?")) {
                        s.setString(1, "类" + random.nextInt(3));
                        s.setLong(2, p.id());
                        s.executeUpdate();
                    }
                } else {
                    LocalDate today = LocalDate.now(clock);
                    reports.sales(reader, randomRange(random, start, today), SalesGrouping.values()[
                            random.nextInt(SalesGrouping.values().length)], 0);
                }
            }
            LocalDate today = LocalDate.now(clock);
            SalesReportStore journal = new SalesReportStore(terminal.database().dataSource());
            List<DateRange> ranges = new ArrayList<>(List.of(new DateRange(start.minusDays(3), today.plusDays(1)),
                    new DateRange(start, today.minusDays(1).isBefore(start) ? start : today.minusDays(1))));
            for (int i = 0; i < 4; i++) {
                ranges.add(randomRange(random, start, today));
            }
            // most of a closed month: its month row less the days outside the range (SummarySpans)
            java.time.YearMonth october = java.time.YearMonth.from(start);
            if (today.isAfter(october.atEndOfMonth())) {
                ranges.add(new DateRange(start.plusDays(2), october.atEndOfMonth().minusDays(1)));
                ranges.add(new DateRange(start.plusDays(1 + random.nextInt(5)), today));
            }
            assertEqual(reports, journal, ranges);
            reports.rebuildSummaries(reader);
            assertEqual(reports, journal, ranges);
        } finally {
            SalesReportProperty.delete(dir);
        }
    }

    private static void assertEqual(Reports reports, SalesReportStore journal, List<DateRange> ranges) {
        for (DateRange range : ranges) {
            assertThat(reports.salesTotals(range)).as("totals of %s", range).isEqualTo(journal.totals(range));
            for (SalesGrouping by : SalesGrouping.values()) {
                assertThat(byKey(reports.salesRows(range, by))).as("%s by %s", range, by)
                        .isEqualTo(byKey(journal.rows(range, by)));
            }
        }
    }

    private static DateRange randomRange(Random random, LocalDate start, LocalDate today) {
        int span = (int) (today.toEpochDay() - start.toEpochDay()) + 3;
        LocalDate from = start.minusDays(1).plusDays(random.nextInt(span));
        return new DateRange(from, from.plusDays(random.nextInt(span)));
    }

    private static Map<String, ReportRow> byKey(List<ReportRow> rows) {
        Map<String, ReportRow> map = new HashMap<>();
        for (ReportRow row : rows) {
            assertThat(map.put(row.key(), row)).as("key %s once", row.key()).isNull();
        }
        return map;
    }

    private static void sell(Terminal terminal, MutableClock clock, Random random, List<Product> pieces,
                             List<CompletedSale> cashSales, List<String> firstItems) throws Exception {
        Cart cart = new Cart();
        int n = 1 + random.nextInt(4);
        String first = null;
        for (int l = 0; l < n; l++) {
            Product p = pieces.get(random.nextInt(pieces.size()));
            cart.append(CartLine.pieces(p, 1 + random.nextInt(3)));
            if (first == null) {
                first = p.primaryBarcode();
            }
        }
        boolean cash = random.nextInt(3) > 0;
        String cashier = random.nextBoolean() ? "001" : "002";
        CompletedSale sale = terminal.checkout().pay(cart, List.of(new Payment.Offer(
                cash ? TenderMethod.CASH : TenderMethod.BANK_CARD,
                cash ? cart.total().plus(Money.ofFen(random.nextInt(500))) : cart.total(), cash ? "" : "9" + n)),
                Session.commandLine(cashier, clock.instant()));
        if (cash && !first.isEmpty()) {
            cashSales.add(sale);
            firstItems.add(first);
        }
    }
}
