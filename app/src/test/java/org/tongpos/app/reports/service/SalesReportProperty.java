package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.testkit.MutableClock;

/**
 * Random histories rung up through the real checkout over several days: the sales report's figures equal totals
 * computed here, independently, from the journal export (count, amount, by day, by hour, by tender) and from the carts
 * as rung up (lines, by product, by cashier, margin from each product's cost).
 */
class SalesReportProperty {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Property(tries = 8)
    void reportEqualsTheJournalAndTheCarts(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int salesCount)
            throws Exception {
        Path dir = Files.createTempDirectory("report-property");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T00:30:00Z"), SHANGHAI);
        Random random = new Random(seed);
        Map<String, Long> byProduct = new HashMap<>();
        Map<String, Long> byCashier = new HashMap<>();
        long lines = 0;
        long cost = 0;
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir, clock)) {
            List<Product> pieces = terminal.catalog().all().stream().filter(p -> !p.isWeighed()).toList();
            for (int i = 0; i < salesCount; i++) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(600)));
                Cart cart = new Cart();
                int n = 1 + random.nextInt(5);
                for (int l = 0; l < n; l++) {
                    Product p = pieces.get(random.nextInt(pieces.size()));
                    long qty = 1 + random.nextInt(3);
                    cart.append(org.tongpos.app.checkout.domain.CartLine.pieces(p, qty));
                    byProduct.merge(p.name(), p.price().fen() * qty, Long::sum);
                    cost += p.cost().orElseThrow().fen() * qty;
                    lines++;
                }
                String cashier = random.nextBoolean() ? "001" : "002";
                TenderMethod method = random.nextBoolean() ? TenderMethod.CASH : TenderMethod.BANK_CARD;
                Money offered = method == TenderMethod.CASH ? cart.total().plus(Money.ofFen(random.nextInt(1000)))
                        : cart.total();
                terminal.checkout().pay(cart, List.of(new Payment.Offer(method, offered,
                        method == TenderMethod.CASH ? "" : "12345" + i)), Session.commandLine(cashier, clock.instant()));
                byCashier.merge(cashier, cart.total().fen(), Long::sum);
            }

            List<JournalEntry> journal = new ArrayList<>();
            terminal.journal().forEach(1, Long.MAX_VALUE, journal::add);
            LocalDate first = LocalDate.parse(journal.get(0).businessDate());
            LocalDate last = LocalDate.parse(journal.get(journal.size() - 1).businessDate());
            DateRange range = new DateRange(first, last);
            Reports reports = terminal.reports();
            Session reader = terminal.systemSession();

            SalesReport byDay = reports.sales(reader, range, SalesGrouping.DAY, 0);
            long amount = journal.stream().filter(e -> e.kind() == EntryKind.SALE).mapToLong(JournalEntry::amountFen)
                    .sum();
            assertThat(byDay.totals().sales()).isEqualTo(journal.size());
            assertThat(byDay.totals().salesFen()).isEqualTo(amount);
            assertThat(byDay.totals().lines()).isEqualTo(lines);
            assertThat(byDay.totals().costFen()).isEqualTo(cost);
            assertThat(byDay.totals().marginFen()).isEqualTo(amount - cost);
            assertThat(rows(byDay)).isEqualTo(sum(journal.stream().map(e -> Map.entry(e.businessDate(),
                    e.amountFen()))));
            assertThat(rows(reports.sales(reader, range, SalesGrouping.HOUR, 0))).isEqualTo(sum(journal.stream()
                    .map(e -> Map.entry(e.occurredAt().substring(11, 13), e.amountFen()))));
            assertThat(rows(reports.sales(reader, range, SalesGrouping.TENDER, 0))).isEqualTo(sum(journal.stream()
                    .flatMap(e -> e.tenders().stream()).map((EntryTender t) -> Map.entry(t.method().name(),
                            t.amountFen()))));
            assertThat(rows(reports.sales(reader, range, SalesGrouping.PRODUCT, 0))).isEqualTo(byProduct);
            assertThat(rows(reports.sales(reader, range, SalesGrouping.CASHIER, 0))).isEqualTo(byCashier);
            // a range after the history is empty, and its week before holds what fell into that week
            SalesReport after = reports.sales(reader, new DateRange(last.plusDays(1), last.plusDays(7)),
                    SalesGrouping.DAY, 0);
            assertThat(after.totals().sales()).isZero();
            long lastWeek = journal.stream().filter(e -> !LocalDate.parse(e.businessDate()).isBefore(last.minusDays(6)))
                    .mapToLong(JournalEntry::amountFen).sum();
            assertThat(after.weekBefore().salesFen()).isEqualTo(lastWeek);
        } finally {
            delete(dir);
        }
    }

    private static Map<String, Long> rows(SalesReport report) {
        Map<String, Long> rows = new HashMap<>();
        for (ReportRow row : report.rows()) {
            rows.put(row.key(), row.amountFen());
        }
        return rows;
    }

    private static Map<String, Long> sum(Stream<Map.Entry<String, Long>> entries) {
        Map<String, Long> sums = new HashMap<>();
        entries.forEach(e -> sums.merge(e.getKey(), e.getValue(), Long::sum));
        return sums;
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
