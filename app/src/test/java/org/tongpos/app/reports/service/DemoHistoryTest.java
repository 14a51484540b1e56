package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
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
