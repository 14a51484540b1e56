package org.tongpos.app.kitchen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.service.CsvExport;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;

/**
 * The stock screen's ViewModel on a real terminal (the demo operators, the fixture's clock: 2026-11-30), its work
 * run at once: every form goes through {@link KitchenStock} and changes quantity and value exactly as the service's
 * moving average cost says; bad input says why in a bundle key and changes nothing (no movement, no audit record,
 * no supplier); who may read and who may move stock; "low only", the filter and the CSV export.
 */
class StockViewModelTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-30");

    @TempDir
    Path dir;

    private Terminal terminal;
    private Session manager;
    private final AtomicReference<Session> atTheTill = new AtomicReference<>();
    private StockViewModel vm;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        manager = TestSessions.demo(terminal, Role.MANAGER);
        KitchenStock stock = terminal.kitchen();
        stock.addSupplier(manager, "粮油公司", "");
        stock.addItem(manager, "RICE", "大米", "kg", 150, 10_000);
        stock.addItem(manager, "OIL", "花生油", "桶", 0, 0);
        atTheTill.set(manager);
        vm = new StockViewModel(stock, atTheTill::get, new DirectTaskRunner(), terminal.clock(),
                dir.resolve("exports"), Messages.of(Messages.CHINESE));
        vm.refresh();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private StockLevel row(String code) {
        return vm.levels().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    private void select(String code) {
        vm.selected().set(row(code));
    }

    private int auditRecords() {
        return terminal.operators().audit().list(terminal.systemSession(), DAY.minusDays(1), DAY.plusDays(1)).size();
    }

    private void receive(String code, String quantity, String price, String supplier) {
        select(code);
        vm.startReceive();
        vm.form().quantity().set(quantity);
        vm.form().unitPrice().set(price);
        vm.form().supplier().set(supplier);
        vm.confirm();
    }

    private void assertRecorded(String key) {
        assertThat(vm.notice().get().isError()).as(String.valueOf(vm.notice().get())).isFalse();
        assertThat(vm.notice().get().key()).isEqualTo(key);
        assertThat(vm.form().kind().get()).isEqualTo(StockForm.Kind.NONE);
    }

    @Test
    void receiveCountAndWasteChangeQuantityAndValueExactly() {
        int audited = auditRecords();

        receive("RICE", "100", "4.00", "粮油公司");
        assertRecorded("stock.done.received");
        assertThat(row("RICE").onHandMilli()).isEqualTo(100_000);
        assertThat(row("RICE").valueFen()).isEqualTo(40_000);
        assertThat(row("RICE").supplier()).isEqualTo("粮油公司");

        receive("RICE", "50.5", "5.10", "粮油公司");
        assertThat(row("RICE").onHandMilli()).isEqualTo(150_500);
        assertThat(row("RICE").valueFen()).isEqualTo(40_000 + 25_755); // 50.5 × 510

        // a count shows its variance against the books as it is typed, and records it with the reason
        select("RICE");
        vm.startCount();
        vm.form().quantity().set("150");
        assertThat(vm.form().varianceMilli().get()).isEqualTo(-500L);
        vm.form().reason().set("称重误差");
        vm.confirm();
        assertRecorded("stock.done.counted");
        assertThat(vm.notice().get().args()).containsExactly("大米", "-0.5 kg");
        assertThat(row("RICE").onHandMilli()).isEqualTo(150_000);
        assertThat(row("RICE").valueFen()).isEqualTo(65_755 - 218); // 65755 × 0.5 / 150.5 = 218.46

        select("RICE");
        vm.startWaste();
        vm.form().quantity().set("2");
        vm.form().reason().set("受潮");
        vm.confirm();
        assertRecorded("stock.done.wasted");
        assertThat(row("RICE").onHandMilli()).isEqualTo(148_000);
        assertThat(row("RICE").valueFen()).isEqualTo(65_537 - 874); // 65537 × 2 / 150 = 873.83

        // the screen's rows are the service's levels
        assertThat(vm.levels()).isEqualTo(terminal.kitchen().levels(manager));
        assertThat(auditRecords()).isEqualTo(audited + 4);
    }

    @Test
    void badInputSaysWhyAndChangesNothing() {
        receive("RICE", "10", "4.00", "粮油公司");
        List<StockLevel> before = vm.levels();
        List<String> suppliers = List.copyOf(vm.suppliers());
        int audited = auditRecords();

        assertRefused("stock.error.quantity", f -> receiveForm("RICE", "十", "4.00", "粮油公司"));
        assertRefused("stock.error.quantity", f -> receiveForm("RICE", "-1", "4.00", "粮油公司"));
        assertRefused("stock.error.quantity", f -> receiveForm("RICE", "0", "4.00", "粮油公司"));
        assertRefused("stock.error.quantity", f -> receiveForm("RICE", "1.0005", "4.00", "粮油公司"));
        assertRefused("stock.error.price", f -> receiveForm("RICE", "1", "4.555", "粮油公司"));
        assertRefused("stock.error.price", f -> receiveForm("RICE", "1", "-4", "粮油公司"));
        assertRefused("stock.error.supplier", f -> receiveForm("RICE", "1", "4", " "));
        assertRefused("stock.error.date", f -> {
            receiveForm("RICE", "1", "4", "粮油公司");
            vm.form().date().set("2026-13-01");
        });
        // an unknown item is refused by the service: the new supplier typed with it is not added either
        assertRefused("stock.error.noItem", f -> receiveForm("NOPE", "1", "4", "新菜场"));
        assertRefused("stock.error.code", f -> receiveForm("", "1", "4", "粮油公司"));
        assertRefused("stock.error.quantity", f -> {
            vm.startCount();
            vm.form().item().set("RICE");
            vm.form().quantity().set("-2");
            vm.form().reason().set("盘亏");
        });
        assertRefused("stock.error.reason", f -> {
            vm.startCount();
            vm.form().item().set("RICE");
            vm.form().quantity().set("9");
        });
        assertRefused("stock.error.reason", f -> {
            vm.startWaste();
            vm.form().item().set("RICE");
            vm.form().quantity().set("1");
        });
        assertRefused("stock.error.short", f -> {
            vm.startWaste();
            vm.form().item().set("RICE");
            vm.form().quantity().set("10.001");
            vm.form().reason().set("过期");
        });
        assertRefused("stock.error.quantity", f -> {
            vm.startLow();
            vm.form().item().set("RICE");
            vm.form().quantity().set("很多");
        });

        vm.refresh();
        assertThat(vm.levels()).isEqualTo(before);
        assertThat(vm.suppliers()).isEqualTo(suppliers);
        assertThat(auditRecords()).isEqualTo(audited);
    }

    private void receiveForm(String code, String quantity, String price, String supplier) {
        vm.startReceive();
        vm.form().item().set(code);
        vm.form().quantity().set(quantity);
        vm.form().unitPrice().set(price);
        vm.form().supplier().set(supplier);
    }

    private void assertRefused(String key, Consumer<StockForm> fill) {
        fill.accept(vm.form());
        StockForm.Kind open = vm.form().kind().get();
        vm.confirm();
        Notice notice = vm.notice().get();
        assertThat(notice).as("refused with " + key).isNotNull();
        assertThat(notice.isError()).isTrue();
        assertThat(notice.key()).isEqualTo(key);
        assertThat(notice.text(Messages.of(Messages.CHINESE))).isNotBlank();
        assertThat(vm.form().kind().get()).as("the form stays open to be corrected").isEqualTo(open);
        vm.cancelForm();
    }

    @Test
    void aSupplierTypedOnReceiveThatDoesNotExistIsAddedWithThePurchase() {
        int audited = auditRecords();
        receive("OIL", "3", "128.00", "新菜场");

        assertRecorded("stock.done.receivedNewSupplier");
        assertThat(vm.suppliers()).containsExactly("新菜场", "粮油公司");
        assertThat(row("OIL").supplier()).isEqualTo("新菜场");
        assertThat(row("OIL").valueFen()).isEqualTo(38_400);
        assertThat(auditRecords()).as("the supplier added and the purchase").isEqualTo(audited + 2);

        receive("OIL", "1", "120.00", "新菜场");
        assertRecorded("stock.done.received");
        assertThat(vm.suppliers()).containsExactly("新菜场", "粮油公司");
    }

    @Test
    void theLowLevelFormSetsTheLevelAndLowOnlyShowsWhatToReorder() {
        receive("RICE", "12", "4.00", "粮油公司");
        receive("OIL", "2", "120.00", "粮油公司");
        assertThat(vm.shown()).extracting(StockLevel::code).containsExactlyInAnyOrder("RICE", "OIL");

        select("OIL");
        vm.startLow();
        assertThat(vm.form().quantity().get()).isEqualTo("0");
        vm.form().quantity().set("3");
        vm.confirm();
        assertRecorded("stock.done.low");
        assertThat(row("OIL").lowMilli()).isEqualTo(3_000);
        assertThat(row("OIL").low()).isTrue();
        assertThat(row("RICE").low()).isFalse(); // 12 kg, low at 10

        vm.toggleLowOnly();
        assertThat(vm.shown()).extracting(StockLevel::code).containsExactly("OIL");
        vm.toggleLowOnly();
        vm.filter().set("大米");
        assertThat(vm.shown()).extracting(StockLevel::code).containsExactly("RICE");
        vm.filter().set("粮油");
        assertThat(vm.shown()).extracting(StockLevel::code).containsExactlyInAnyOrder("RICE", "OIL");
        assertThat(vm.shownValueFen()).isEqualTo(4_800 + 24_000);
    }

    @Test
    void aScanNamesTheItemOfTheOpenFormOrElseFiltersTheTable() {
        vm.scanned(TerminalFixture.COLA);
        assertThat(vm.filter().get()).isEqualTo(TerminalFixture.COLA);
        assertThat(vm.shown()).isEmpty(); // the product is no stock item until it is first received

        vm.filter().set("");
        vm.startReceive();
        vm.scanned(TerminalFixture.COLA);
        assertThat(vm.form().item().get()).isEqualTo(TerminalFixture.COLA);
        vm.form().quantity().set("24");
        vm.form().unitPrice().set("2.00");
        vm.form().supplier().set("粮油公司");
        vm.confirm();
        assertRecorded("stock.done.received");
        assertThat(vm.notice().get().args()).containsExactly(TerminalFixture.COLA, "24", "48.00");
        assertThat(row(TerminalFixture.COLA).name()).isEqualTo("可口可乐 330ml");
        assertThat(row(TerminalFixture.COLA).onHandMilli()).isEqualTo(24_000);
        assertThat(vm.filter().get()).isEmpty();
    }

    @Test
    void theExportIsTheRowsShownAsCsvWithABom() throws Exception {
        receive("RICE", "12", "4.00", "粮油公司");
        receive("OIL", "2", "120.00", "粮油公司");
        vm.filter().set("OIL");
        vm.exportCsv();

        Path csv = dir.resolve("exports").resolve("stock-2026-11-30.csv");
        assertThat(vm.notice().get().key()).isEqualTo("stock.screen.written");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(CsvExport.BOM + "库存");
        assertThat(lines.get(1)).isEqualTo("编码,名称,单位,库存,库存金额（元）,预警量,低于下限,供应商");
        assertThat(lines.get(2)).isEqualTo("OIL,花生油,桶,2,240.00,0,,粮油公司");
        assertThat(lines.get(3)).isEqualTo("合计,,,,240.00,,,");
        assertThat(lines).hasSize(4);
    }

    @Test
    void aCashierSeesTheRefusalAndAnAuditorReadsButMovesNothing() {
        receive("RICE", "12", "4.00", "粮油公司");

        atTheTill.set(TestSessions.demo(terminal, Role.CASHIER));
        StockViewModel cashier = new StockViewModel(terminal.kitchen(), atTheTill::get, new DirectTaskRunner(),
                terminal.clock(), dir.resolve("exports"), Messages.of(Messages.CHINESE));
        cashier.refresh();
        assertThat(cashier.levels()).isEmpty();
        assertThat(cashier.notice().get().key()).isEqualTo("stock.screen.denied");

        atTheTill.set(TestSessions.demo(terminal, Role.AUDITOR));
        vm.refresh();
        assertThat(row("RICE").onHandMilli()).isEqualTo(12_000);
        int audited = auditRecords();
        receive("RICE", "1", "4.00", "粮油公司");
        assertThat(vm.notice().get().key()).isEqualTo("stock.screen.deniedMove");
        assertThat(vm.form().kind().get()).isEqualTo(StockForm.Kind.RECEIVE);
        vm.cancelForm();
        vm.refresh();
        assertThat(row("RICE").onHandMilli()).isEqualTo(12_000);
        assertThat(auditRecords()).isEqualTo(audited);
    }
}
