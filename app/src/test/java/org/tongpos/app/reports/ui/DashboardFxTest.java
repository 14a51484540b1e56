package org.tongpos.app.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.domain.SalesTotals;
import org.tongpos.app.reports.service.CsvExport;
import org.tongpos.app.reports.service.ReportTables;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.FxTaskRunner;

/**
 * The owner's dashboard on a demo history, opened by its key as the manager would: it shows the totals the
 * {@code report sales} command computes for the same range (the line the CLI prints as "net"), changes range, drills
 * down from a day of the trend to that day alone, exports CSV, and goes back to the till on Esc.
 */
class DashboardFxTest extends CashierWindowTestBase {

    private FxTaskRunner reportTasks;
    private FxTaskRunner stockTasks;
    private DashboardScreens screens;
    private Path exports;
    private final java.util.concurrent.atomic.AtomicReference<byte[]> printed =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected Terminal openTerminal(Path dir) throws Exception {
        Terminal opened = super.openTerminal(dir);
        opened.demoHistory().write(opened.catalog().all(), LocalDate.now(opened.clock()), 40, 0.02, 11);
        opened.settings().set(SettingKey.LOGIN_AUTO, ""); // nobody logged in: the manager logs in below
        return opened;
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        reportTasks = new FxTaskRunner();
        exports = directory.resolve("exports");
        screens = new DashboardScreens(terminal.reports(), window.operatorGate()::current, reportTasks,
                terminal.clock(), exports, org.tongpos.app.reports.service.PdfExport::defaultFont,
                UiSettings.load(terminal.settings()).commandKeyBindings().get(SettingKey.KEY_REPORTS.key()));
        screens.setSummaryPrinter(report -> printed.set(new org.tongpos.app.reports.service.DaySummaryPrint(
                terminal.messages(), terminal.storeName()).encode(report, terminal.receiptPaper())));
        window.addExtension(screens);
        // the stock screen's button on the dashboard, as the application wires it (and the screenshot shows it)
        stockTasks = new FxTaskRunner();
        org.tongpos.app.kitchen.ui.StockScreen stock = new org.tongpos.app.kitchen.ui.StockScreen(terminal.kitchen(),
                window.operatorGate()::current, stockTasks, terminal.clock(), exports,
                UiSettings.load(terminal.settings()).commandKeyBindings().get(SettingKey.KEY_STOCK.key()));
        screens.addLink("dash-stock", stock::menuText, stock::open);
        window.addExtension(stock);
    }

    @Override
    protected void closeMore() {
        reportTasks.close();
        stockTasks.close();
    }

    private SalesReport cli(LocalDate from, LocalDate to) {
        return terminal.reports().sales(terminal.systemSession(), new DateRange(from, to), SalesGrouping.DAY, 0);
    }

    private String expectedTotals(SalesReport report) {
        SalesTotals t = report.totals();
        SalesTotals before = report.weekBefore();
        return terminal.messages().get("report.dash.totals", t.sales(), ReportTables.yuan(t.salesFen()), t.refunds(),
                ReportTables.yuan(t.refundsFen()), ReportTables.yuan(t.netFen()),
                ReportTables.yuan(t.averageSaleFen()), ReportTables.yuan(t.marginFen()),
                ReportTables.yuan(before.netFen()), ReportTables.change(t.netFen(), before.netFen()));
    }

    /** The "net" cell the CLI prints for the range (report sales --from --to). */
    private String cliNet(SalesReport report) {
        Messages messages = terminal.messages();
        return new ReportTables(messages).salesSummary(report).rows().stream()
                .filter(r -> r.get(0).equals(messages.get("report.fig.net"))).findFirst().orElseThrow().get(1);
    }

    private void waitForRange(LocalDate from, LocalDate to) throws Exception {
        waitUntil(() -> screens.shown().map(vm -> vm.data().get() != null && !vm.busy().get()
                && vm.data().get().range().equals(new DateRange(from, to))).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** With -Dtongpos.dashboard.screenshots=DIR, saves what the owner sees (for checking it by eye and the docs). */
    private void snapshot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("tongpos.dashboard.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path file = Path.of(dir).resolve(name);
        Files.createDirectories(file.getParent());
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = scene.snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot[0], null), "png",
                file.toFile());
    }

    private void logInAsManager(FxRobot robot) throws Exception {
        var login = window.operatorGate().loginViewModel();
        robot.interact(() -> {
            login.operatorNumber().set("003");
            login.confirm();
        });
        robot.interact(() -> {
            login.pin().set("3333");
            login.confirm();
        });
        waitUntil(() -> window.operatorGate().session().get() != null
                && "003".equals(window.operatorGate().session().get().recordedAs()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDashboardShowsWhatTheCliReportComputesAndDrillsDownToADay(FxRobot robot) throws Exception {
        LocalDate today = LocalDate.parse("2026-11-30");
        logInAsManager(robot);
        robot.press(KeyCode.SHIFT).press(KeyCode.F9).release(KeyCode.F9).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getId()).isEqualTo("dashboard");
        waitForRange(today.minusDays(6), today);

        SalesReport week = cli(today.minusDays(6), today);
        assertThat(week.totals().sales()).isPositive();
        String shown = robot.lookup("#dash-totals").queryAs(Label.class).getText();
        assertThat(shown).isEqualTo(expectedTotals(week)).contains(cliNet(week));

        snapshot(robot, "dashboard-week.png");

        // the tenders pie has one slice per tender the report has, payment codes included
        PieChart pie = robot.lookup("#dash-tenders").queryAs(PieChart.class);
        assertThat(pie.getData()).hasSize(terminal.reports().sales(terminal.systemSession(),
                new DateRange(today.minusDays(6), today), SalesGrouping.TENDER, 0).rows().size());
        assertThat(pie.getData()).anyMatch(slice -> slice.getName().startsWith(terminal.messages()
                .get("report.tender.PAYMENT_CODE")));

        // last month: October, whose history begins on the 21st (40 days before the fixture's today)
        robot.clickOn("#dash-last-month");
        LocalDate first = LocalDate.parse("2026-10-01");
        LocalDate last = LocalDate.parse("2026-10-31");
        waitForRange(first, last);
        SalesReport october = cli(first, last);
        assertThat(robot.lookup("#dash-totals").queryAs(Label.class).getText()).isEqualTo(expectedTotals(october));
        snapshot(robot, "dashboard-last-month.png");
        TableView<?> products = robot.lookup("#dash-product-table").queryAs(TableView.class);
        assertThat(products.getItems()).hasSize(terminal.reports().sales(terminal.systemSession(),
                new DateRange(first, last), SalesGrouping.PRODUCT, 0).rows().size());

        // drill down: a point of the trend is its day alone
        @SuppressWarnings("unchecked")
        LineChart<String, Number> trend = robot.lookup("#dash-trend").queryAs(LineChart.class);
        XYChart.Data<String, Number> point = trend.getData().get(0).getData().stream()
                .filter(p -> p.getXValue().equals("10-25")).findFirst().orElseThrow();
        Node node = point.getNode();
        robot.clickOn(node);
        LocalDate day = LocalDate.parse("2026-10-25");
        waitForRange(day, day);
        SalesReport oneDay = cli(day, day);
        assertThat(robot.lookup("#dash-totals").queryAs(Label.class).getText()).isEqualTo(expectedTotals(oneDay));
        ReportRow dayRow = oneDay.rows().get(0);
        assertThat(dayRow.key()).isEqualTo("2026-10-25");

        // export what is shown: the CSV has the same net figure, with a BOM
        robot.clickOn("#dash-csv");
        Path csv = exports.resolve("dashboard-2026-10-25_2026-10-25.csv");
        waitUntil(() -> Files.exists(csv) && !screens.shown().orElseThrow().busy().get());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith(CsvExport.BOM).contains(cliNet(oneDay));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screens.isShowing()).isFalse();
        assertThat(robot.lookup("#code-field").tryQuery()).isPresent();
    }

    @Test
    void drillsDownByKeysFromTheRangeAndAnHourToTheirSaleLines(FxRobot robot) throws Exception {
        LocalDate today = LocalDate.parse("2026-11-30");
        LocalDate from = today.minusDays(6);
        logInAsManager(robot);
        robot.press(KeyCode.SHIFT).press(KeyCode.F9).release(KeyCode.F9).release(KeyCode.SHIFT);
        waitForRange(from, today);
        DashboardViewModel vm = screens.shown().orElseThrow();
        SalesReport week = cli(from, today);
        SalesReport byHour = terminal.reports().sales(terminal.systemSession(), new DateRange(from, today),
                SalesGrouping.HOUR, 0);

        // Ctrl+D: every sale line of the range, in the lines tab
        robot.push(KeyCode.CONTROL, KeyCode.D);
        waitUntil(() -> vm.linesRange().get() != null && !vm.busy().get());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#dash-lines-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize((int) week.totals().lines());
        assertThat(vm.linesHour().get()).isNull();
        assertThat(robot.lookup("#dash-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId()).isEqualTo("dash-lines-tab");

        // Ctrl+Right: the first hour with sales; its lines are those of the hour's sales and nothing else
        robot.push(KeyCode.CONTROL, KeyCode.RIGHT);
        ReportRow firstHour = byHour.rows().stream().filter(r -> r.count() > 0).findFirst().orElseThrow();
        waitUntil(() -> firstHour.key().equals(vm.linesHour().get()) && !vm.busy().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertHourLines(vm, firstHour);
        assertThat(robot.lookup("#dash-lines-title").queryAs(Label.class).getText()).contains(firstHour.key() + ":00");

        // a bar of the hours chart, clicked, is that hour's lines
        robot.clickOn(robot.lookup("#dash-tabs .tab").nth(0).queryAs(Node.class));
        ReportRow busiest = byHour.rows().stream().max(java.util.Comparator.comparingLong(ReportRow::amountFen))
                .orElseThrow();
        robot.clickOn(robot.lookup("#dash-hour-" + busiest.key()).queryAs(Node.class));
        waitUntil(() -> busiest.key().equals(vm.linesHour().get()) && !vm.busy().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertHourLines(vm, busiest);

        // the range's summary to the receipt printer, as ESC/POS in Chinese with the week's net
        robot.clickOn("#dash-print");
        waitUntil(() -> printed.get() != null && !vm.busy().get());
        String text = String.join("\n", org.tongpos.hardware.escpos.EscPosDecoder.textLines(printed.get()));
        assertThat(text).contains("销售汇总 " + from + " 至 " + today).contains(ReportTables.yuan(week.totals().netFen()));
    }

    private static void assertHourLines(DashboardViewModel vm, ReportRow hour) {
        List<org.tongpos.app.reports.domain.SaleLineDetail> lines = vm.lines().get();
        assertThat(lines).isNotEmpty().allMatch(l -> l.hour().equals(hour.key()));
        assertThat(lines.stream().map(org.tongpos.app.reports.domain.SaleLineDetail::receiptNo).distinct().count())
                .isEqualTo(hour.count());
        assertThat(lines.stream().mapToLong(org.tongpos.app.reports.domain.SaleLineDetail::amountFen).sum())
                .isEqualTo(hour.amountFen());
    }

    @Test
    void aCashierSeesTheRefusalAndNoFigures(FxRobot robot) throws Exception {
        // log the manager out: the demo cashier logs in (the fixture's login.auto) on the next start; here the
        // dashboard is asked with the cashier's session directly
        DashboardViewModel vm = new DashboardViewModel(terminal.reports(),
                new org.tongpos.app.reports.service.ReportDocuments(terminal.messages()),
                () -> org.tongpos.app.operators.domain.Session.loggedIn(terminal.operators().operators().find("001")
                        .orElseThrow(), terminal.clock().instant()), new org.tongpos.app.ui.DirectTaskRunner(),
                terminal.clock(), exports, org.tongpos.app.reports.service.PdfExport::defaultFont);
        robot.interact(vm::refresh);
        assertThat(vm.data().get()).isNull();
        assertThat(vm.notice().get().key()).isEqualTo("report.dash.denied");
        assertThat(List.of(vm.notice().get().text(terminal.messages()))).allMatch(t -> !t.isBlank());
    }
}
