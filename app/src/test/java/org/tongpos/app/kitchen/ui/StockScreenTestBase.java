package org.tongpos.app.kitchen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.ui.BankScreens;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.service.PdfExport;
import org.tongpos.app.reports.ui.DashboardScreens;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.FxTaskRunner;

/**
 * The stock screen's window tests: a kitchen with six items (one a product of the demo catalog, received by its
 * barcode; the flour under its low level), the stock screen, the bank's screen (F9) and the dashboard in the window as
 * the application wires them, nobody logged in until the test logs the demo manager in.
 */
abstract class StockScreenTestBase extends CashierWindowTestBase {

    /** The items, in the order the table first shows them (by code). */
    static final List<String> CODES = List.of(TerminalFixture.COLA, "EGG", "FLOUR", "OIL", "PORK", "RICE");

    private FxTaskRunner stockTasks;
    private FxTaskRunner reportTasks;
    private FxTaskRunner bankTasks;
    protected StockScreen screens;
    protected DashboardScreens dashboard;

    /** Sets the terminal's language before the window reads its settings (zh_CN unless a test says). */
    protected void configure(Terminal opened) {
    }

    @Override
    protected Terminal openTerminal(Path dir) throws Exception {
        Terminal opened = super.openTerminal(dir);
        Session manager = TestSessions.demo(opened, Role.MANAGER);
        KitchenStock stock = opened.kitchen();
        LocalDate day = LocalDate.now(opened.clock()).minusDays(2);
        stock.addItem(manager, "RICE", "东北大米", "kg", 150, 10_000);
        stock.addItem(manager, "FLOUR", "富强面粉", "kg", 80, 20_000);
        stock.addItem(manager, "OIL", "花生油 5L", "桶", 0, 2_000);
        stock.addItem(manager, "PORK", "猪后腿肉", "kg", 60, 5_000);
        stock.addItem(manager, "EGG", "鲜鸡蛋", "kg", 0, 0);
        stock.receiveAddingSupplier(manager, new KitchenStock.Purchase(day, "RICE", 100_000, 400, "粮油公司"));
        stock.receiveAddingSupplier(manager, new KitchenStock.Purchase(day, "FLOUR", 15_000, 360, "粮油公司"));
        stock.receiveAddingSupplier(manager, new KitchenStock.Purchase(day, "OIL", 6_000, 12_800, "鲁花经销部"));
        stock.receiveAddingSupplier(manager, new KitchenStock.Purchase(day, "PORK", 30_000, 2_650, "城南肉联厂"));
        stock.receiveAddingSupplier(manager, new KitchenStock.Purchase(day, "EGG", 20_000, 980, "蛋禽批发"));
        stock.receiveAddingSupplier(manager, new KitchenStock.Purchase(day, TerminalFixture.COLA, 24_000, 200,
                "饮料批发"));
        stock.issue(manager, "PORK", 8_500, "午餐", day.plusDays(1));
        opened.settings().set(SettingKey.LOGIN_AUTO, ""); // nobody logged in: the manager logs in
        configure(opened);
        return opened;
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        stockTasks = new FxTaskRunner();
        reportTasks = new FxTaskRunner();
        bankTasks = new FxTaskRunner();
        var keys = UiSettings.load(terminal.settings()).commandKeyBindings();
        screens = new StockScreen(terminal.kitchen(), window.operatorGate()::current, stockTasks, terminal.clock(),
                directory.resolve("exports"), keys.get(SettingKey.KEY_STOCK.key()));
        dashboard = new DashboardScreens(terminal.reports(), window.operatorGate()::current, reportTasks,
                terminal.clock(), directory.resolve("exports"), PdfExport::defaultFont,
                keys.get(SettingKey.KEY_REPORTS.key()));
        dashboard.addLink("dash-stock", screens::menuText, screens::open);
        // in the application's order: the stock screen before the bank's (F9), so that F9 there exports
        window.addExtension(screens);
        window.addExtension(new BankScreens(terminal.bank(), bankTasks, terminal.clock(),
                new KeyCodeCombination(KeyCode.F9)));
        window.addExtension(dashboard);
    }

    @Override
    protected void closeMore() {
        stockTasks.close();
        reportTasks.close();
        bankTasks.close();
    }

    protected void logInAsManager(FxRobot robot) throws Exception {
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
    }

    protected void shiftF7(FxRobot robot) {
        robot.interact(() -> robot.press(KeyCode.SHIFT, KeyCode.F7).release(KeyCode.F7, KeyCode.SHIFT));
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void press(FxRobot robot, KeyCode key) {
        robot.interact(() -> robot.press(key).release(key));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types into the focused field as a person would (no Enter), and waits until the field shows it. */
    protected void type(FxRobot robot, String field, String text) throws Exception {
        burst(robot, text, false);
        waitUntil(() -> robot.lookup(field).queryAs(TextInputControl.class).getText().endsWith(text));
    }

    /** Waits until the screen has read the rows; its ViewModel. */
    protected StockViewModel waitForRows() throws Exception {
        waitUntil(() -> screens.shown().map(vm -> !vm.busy().get() && !vm.levels().isEmpty()).orElse(false));
        return screens.shown().orElseThrow();
    }

    @SuppressWarnings("unchecked") // the stock table holds stock levels
    protected static TableView<StockLevel> table(FxRobot robot) {
        return robot.lookup("#stock-table").queryAs(TableView.class);
    }

    protected static StockLevel row(StockViewModel vm, String code) {
        return vm.levels().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    /** With {@code -Dtongpos.screenshots=DIR}, saves the window as {@code DIR/name} (for the docs). */
    protected void saveScreenshotIfAsked(String name) throws Exception {
        String target = System.getProperty("tongpos.screenshots");
        if (target == null || target.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null))
                .get(10, TimeUnit.SECONDS);
        Path file = Path.of(target).resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertThat(file).exists();
    }
}
