package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.devices.PrinterEndpoint;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.service.ReportTables;
import org.tongpos.hardware.escpos.EscPosElement;

/**
 * {@code report sales --print}: a day's summary goes to a TCP printer endpoint that decodes the ESC/POS it receives;
 * the Chinese text arrives intact with the day's figures and each tender, and the page is cut. A printer that does not
 * answer is said on the error stream (exit 1).
 */
class ReportPrintCliTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void aDaysSummaryIsPrintedInChineseOnTheReceiptPrinter() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-28");
        SalesReport expected;
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            terminal.demoHistory().write(terminal.catalog().all(), LocalDate.parse("2026-11-30"), 3, 0.02, 5);
            expected = terminal.reports().sales(terminal.systemSession(), DateRange.day(day), SalesGrouping.TENDER, 0);
        }
        assertThat(expected.totals().sales()).isPositive();
        try (PrinterEndpoint printer = new PrinterEndpoint()) {
            int status = cli.run(dir, "report", "sales", "--from", day.toString(), "--to", day.toString(), "--print",
                    "--printer", printer.address());
            assertThat(status).as(cli.err()).isZero();
            assertThat(printer.awaitElement(EscPosElement.Cut.class, 5000)).isTrue();
            String text = printer.text();
            assertThat(text).contains("销售汇总 2026-11-28 至 2026-11-28")
                    .contains("销售 " + expected.totals().sales() + " 笔")
                    .contains(ReportTables.yuan(expected.totals().salesFen()))
                    .contains(ReportTables.yuan(expected.totals().netFen()))
                    .contains("扣除退货后毛利");
            for (ReportRow tender : expected.rows()) {
                assertThat(text).contains(ReportTables.yuan(tender.netFen()));
            }
            assertThat(text).contains("现金");
            assertThat(printer.decoded()).last().isInstanceOf(EscPosElement.Cut.class);
            assertThat(cli.out()).contains("已在小票打印机打印汇总");
        }
    }

    @Test
    void aPrinterThatDoesNotAnswerIsSaid() throws Exception {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            terminal.demoHistory().write(terminal.catalog().all(), LocalDate.parse("2026-11-30"), 1, 0.02, 5);
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int status = cli.run(dir, "report", "sales", "--from", "2026-11-29", "--print", "--printer",
                "tcp://127.0.0.1:" + port);
        assertThat(status).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("无法在 tcp://127.0.0.1:" + port + " 打印汇总");
    }
}
