package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.store.HistoryWriter;
import org.tongpos.sync.journal.EntryKind;

/** A generated history is a valid hash chain, and the reports over it agree with the journal. */
class DemoHistoryTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedHistoryVerifiesAndTheReportAgreesWithTheJournal() {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            LocalDate today = LocalDate.now(terminal.clock());
            DemoHistory.Outcome outcome = terminal.demoHistory().write(terminal.catalog().all(), today, 10, 0.05, 7);
            assertThat(outcome.sales()).isBetween(300L, 600L);
            assertThat(outcome.from()).isEqualTo(today.minusDays(10));

            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
            assertThat(terminal.journal().lastSeq()).isEqualTo(outcome.sales() + outcome.refunds() + outcome.meals());

            AtomicLong sales = new AtomicLong();
            AtomicLong refunds = new AtomicLong();
            terminal.journal().forEach(1, Long.MAX_VALUE, e -> {
                if (e.kind() == EntryKind.SALE || e.kind() == EntryKind.REFUND) {
                    (e.kind() == EntryKind.SALE ? sales : refunds).addAndGet(e.amountFen());
                }
            });
            SalesReport report = terminal.reports().sales(terminal.systemSession(),
                    new DateRange(outcome.from(), outcome.to()), SalesGrouping.PRODUCT, 10);
            assertThat(report.totals().sales()).isEqualTo(outcome.sales());
            assertThat(report.totals().lines()).isEqualTo(outcome.lines());
            assertThat(report.totals().salesFen()).isEqualTo(sales.get());
            assertThat(report.totals().refundsFen()).isEqualTo(refunds.get());
            assertThat(report.rows().stream().mapToLong(r -> r.amountFen()).sum()).isEqualTo(sales.get());
            // the demo catalog's tail never sells: slow movers
            assertThat(report.slowMovers()).isNotEmpty();
            assertThat(report.totals().costFen()).isPositive();
        }
    }

    /**
     * A few days at full scale, as {@code demo-data --history} writes them: each day committed and summarised as it is
     * written, ids time-ordered (v7, so that H2 appends to its indexes), the chain valid, the counts those written,
     * and the reports through the summaries equal to the same figures read straight from the journal.
     */
    @Test
    void daysAreWrittenInTimeOrderSummarisedAsTheyGoAndEqualTheJournal() throws Exception {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            LocalDate today = LocalDate.now(terminal.clock());
            DemoHistory.Outcome outcome = terminal.demoHistory().write(terminal.catalog().all(), today, 3, 1.0, 11);
            assertThat(outcome.sales()).isBetween(1800L, 3300L);
            assertThat(outcome.lines()).isBetween(outcome.sales() * 8, outcome.sales() * 12);
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
            assertThat(terminal.journal().lastSeq()).isEqualTo(outcome.sales() + outcome.refunds() + outcome.meals());

            var ds = terminal.database().dataSource();
            try (var c = ds.getConnection(); var s = c.createStatement()) {
                // every id a v7 id, and a later day's sales all after an earlier day's in id order
                try (var r = s.executeQuery("SELECT COUNT(*) FROM journal WHERE SUBSTRING(txn_id, 15, 1) <> '7'")) {
                    r.next();
                    assertThat(r.getLong(1)).isZero();
                }
                try (var r = s.executeQuery("SELECT business_date, MIN(txn_id), MAX(txn_id) FROM journal "
                        + "WHERE kind = 'SALE' GROUP BY business_date ORDER BY business_date")) {
                    String last = "";
                    while (r.next()) {
                        assertThat(r.getString(2)).as("first id of %s", r.getString(1)).isGreaterThan(last);
                        last = r.getString(3);
                    }
                }
                try (var r = s.executeQuery("SELECT COUNT(*), SUM(qty) FROM report_summary "
                        + "WHERE span = 'D' AND dim = 'TOTAL'")) {
                    r.next();
                    assertThat(r.getLong(1)).as("days summarised while written").isEqualTo(3);
                    assertThat(r.getLong(2)).isEqualTo(outcome.lines());
                }
            }
            DateRange range = new DateRange(outcome.from(), outcome.to());
            org.tongpos.app.reports.store.SalesReportStore journal =
                    new org.tongpos.app.reports.store.SalesReportStore(ds);
            assertThat(terminal.reports().salesTotals(range)).isEqualTo(journal.totals(range));
            for (SalesGrouping by : SalesGrouping.values()) {
                assertThat(terminal.reports().salesRows(range, by)).as("by %s", by)
                        .containsExactlyInAnyOrderElementsOf(journal.rows(range, by));
            }
        }
    }

    /**
     * A day whose summary fails (here the second, on the summary thread) fails the whole history with that cause, and
     * the generator stops within two days of it: the days committed before are a valid chain.
     */
    @Test
    void aFailingDaySummaryFailsTheHistory() {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            LocalDate today = LocalDate.now(terminal.clock());
            LocalDate second = today.minusDays(9);
            IllegalStateException broken = new IllegalStateException("summary table gone");
            DemoHistory history = new DemoHistory(() -> HistoryWriter.open(terminal.database().dataSource(),
                    terminal.journal().terminalId()), terminal.clock().getZone(), day -> {
                        if (day.equals(second)) {
                            throw broken;
                        }
                    });

            assertThatThrownBy(() -> history.write(terminal.catalog().all(), today, 10, 0.05, 7))
                    .isInstanceOf(DayHandOff.SummaryFailed.class).hasMessageContaining(second.toString())
                    .hasCause(broken);
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
            assertThat(lastBusinessDate(terminal)).isBetween(second, second.plusDays(2));
        }
    }

    /**
     * The summaries made day by day on their own thread as the history is written (each month on its last day), and
     * completed as {@code demo-data} completes them, are row for row those a rebuild from the journal makes.
     */
    @Test
    void summariesMadeAsTheHistoryIsWrittenEqualARebuild() throws Exception {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            LocalDate today = LocalDate.now(terminal.clock());
            // 70 days hold at least one whole month, summarised on its last day
            DemoHistory.Outcome outcome = terminal.demoHistory().write(terminal.catalog().all(), today, 70, 0.02, 5);
            assertThat(count(terminal, "SELECT COUNT(*) FROM report_summary WHERE dim = 'TOTAL' AND span = 'D'"))
                    .isEqualTo(70);
            assertThat(count(terminal, "SELECT COUNT(*) FROM canteen_summary WHERE dim = 'TOTAL' AND span = 'D'"))
                    .isEqualTo(70);
            assertThat(count(terminal, "SELECT COUNT(*) FROM report_summary WHERE dim = 'TOTAL' AND span = 'M'"))
                    .isPositive();
            assertThat(count(terminal, "SELECT COUNT(*) FROM canteen_summary WHERE dim = 'TOTAL' AND span = 'M'"))
                    .isPositive();
            terminal.reports().summarise(terminal.systemSession(), new DateRange(outcome.from(), outcome.to()));
            List<String> asWritten = summaryRows(terminal);

            terminal.reports().rebuildSummaries(terminal.systemSession());

            assertThat(summaryRows(terminal)).hasSizeGreaterThan(1000).containsExactlyElementsOf(asWritten);
        }
    }

    private static LocalDate lastBusinessDate(Terminal terminal) {
        try (var c = terminal.database().dataSource().getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT MAX(business_date) FROM journal")) {
            r.next();
            return LocalDate.parse(r.getString(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Terminal terminal, String sql) throws java.sql.SQLException {
        try (var c = terminal.database().dataSource().getConnection(); var s = c.createStatement();
             var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every row of the sales and canteen summaries, the canteen's anomalies included, in key order. */
    private static List<String> summaryRows(Terminal terminal) throws java.sql.SQLException {
        List<String> rows = new ArrayList<>();
        try (var c = terminal.database().dataSource().getConnection(); var s = c.createStatement()) {
            for (String sql : List.of("SELECT 'S', * FROM report_summary ORDER BY dim, span, period, k",
                    "SELECT 'C', * FROM canteen_summary ORDER BY dim, span, period, k",
                    "SELECT 'A', * FROM canteen_summary_anomaly ORDER BY business_date, occurred_at, rule, diner_id, "
                            + "period, amount_fen, detail")) {
                try (var r = s.executeQuery(sql)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(r.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void aHistoryGoesOnlyIntoAnEmptyJournal() {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            LocalDate today = LocalDate.now(terminal.clock());
            terminal.demoHistory().write(terminal.catalog().all(), today, 2, 0.05, 1);
            long head = terminal.journal().lastSeq();
            assertThatThrownBy(() -> terminal.demoHistory().write(terminal.catalog().all(), today, 2, 0.05, 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has");
            assertThat(terminal.journal().lastSeq()).isEqualTo(head);
        }
    }
}
