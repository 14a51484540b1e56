package org.tongpos.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.ui.CashierMode;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.devices.service.DeviceSettings;
import org.tongpos.app.devices.ui.DeviceTill;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.printer.PrintJobState;
import org.tongpos.hardware.sim.SimulatedDisplay;
import org.tongpos.hardware.sim.SimulatedScale;
import org.tongpos.hardware.testsupport.SocatPair;

/**
 * The till with real device counterparts: a TCP "printer" that decodes the ESC/POS it gets, a serial scanner played
 * over a socat pty, and the simulators for display and scale. The cashier screen's ViewModel runs on a single
 * "UI" thread of the test's, as it would on the FX thread.
 */
class TillDevicesTest {

    @TempDir
    Path dir;

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private Terminal terminal;
    private CashierViewModel till;
    private DeviceTill devices;

    @AfterEach
    void close() throws InterruptedException {
        ui.shutdown();
        ui.awaitTermination(5, TimeUnit.SECONDS);
        if (terminal != null) {
            terminal.close();
        }
    }

    /** A terminal with the demo catalog and these device addresses (the rest: none). */
    private void openTill(String printer, String scanner, String display, String scale) throws Exception {
        terminal = TerminalFixture.openWithDemoCatalog(dir.resolve("terminal"), 60);
        terminal.settings().set(SettingKey.DEVICE_PRINTER, printer);
        terminal.settings().set(SettingKey.DEVICE_PAPER, "80");
        terminal.settings().set(SettingKey.RECEIPT_COLUMNS, "48");
        terminal.settings().set(SettingKey.DEVICE_SCANNER, scanner);
        terminal.settings().set(SettingKey.DEVICE_DISPLAY, display);
        terminal.settings().set(SettingKey.DEVICE_SCALE, scale);
        terminal.settings().set(SettingKey.DEVICE_CARD_READER, "");
        terminal.settings().set(SettingKey.DEVICE_FACE, "");
        till = onUi(() -> TerminalFixture.cashierViewModel(terminal, new DirectTaskRunner(),
                () -> TestSessions.cashier("007")));
        devices = new DeviceTill(terminal.devices(), terminal.saleDevices(),
                new DeviceSettings(terminal.settings(), terminal.devices()), new DirectTaskRunner(), ui,
                terminal.clock(), till, code -> till.scanned(code), DeviceTill.keysFrom(terminal.settings()));
    }

    private <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get(10, TimeUnit.SECONDS);
    }

    private void onUi(Runnable work) throws Exception {
        ui.submit(work).get(10, TimeUnit.SECONDS);
    }

    private CompletedSale payCash(String tendered) throws Exception {
        onUi(() -> {
            till.perform(org.tongpos.app.checkout.ui.CashierAction.CASH);
            till.payment().get().tendered().set(tendered);
            till.payment().get().confirm();
        });
        assertThat(onUi(() -> till.mode().get())).isEqualTo(CashierMode.RECEIPT);
        return onUi(() -> till.completedSale().get());
    }

    @Test
    void cashSaleWithANetworkPrinterPrintsTheReceiptAndOpensTheDrawer() throws Exception {
        try (PrinterEndpoint printer = new PrinterEndpoint()) {
            openTill(printer.address(), "", "sim:", "");
            onUi(() -> {
                till.scanned(TerminalFixture.COLA);
                till.scanned(TerminalFixture.COLA);
                till.scanned(TerminalFixture.PEPSI);
            });
            SimulatedDisplay display = (SimulatedDisplay) terminal.devices().display().orElseThrow();
            eventually(() -> display.upper().startsWith("百事可乐"), "the display shows the last item");

            CompletedSale sale = payCash("20");

            assertThat(terminal.journal().lastSeq()).isEqualTo(1);
            assertThat(printer.awaitElement(EscPosElement.DrawerKick.class, 5000)).as("drawer pulse").isTrue();
            List<EscPosElement> printed = printer.decoded();
            assertThat(printer.text()).contains("可口可乐 330ml", "百事可乐 330ml", "合计:", "￥9.00", "现金:", "20.00",
                    "找零:", "11.00", sale.receiptNo());
            assertThat(printed).filteredOn(EscPosElement.QrCode.class::isInstance)
                    .extracting(e -> ((EscPosElement.QrCode) e).payload()).containsExactly(sale.receiptNo());
            assertThat(printed).filteredOn(EscPosElement.Cut.class::isInstance).hasSize(1);
            assertThat(printed).last().as("the drawer opens after the receipt")
                    .isInstanceOf(EscPosElement.DrawerKick.class);
            eventually(() -> display.lower().contains("11.00"), "the display shows the change");
            eventually(() -> devices.statusBar().receiptJob().get() != null
                    && devices.statusBar().receiptJob().get().state() == PrintJobState.PRINTED, "receipt job printed");
            assertThat(new org.tongpos.app.devices.ui.TillDeviceBridge(terminal.saleDevices()).receiptImage(sale))
                    .as("the preview is drawn from the bytes that printed").isPresent();
        }
    }

    @Test
    void theCustomerDisplayFollowsRemovedLinesAndClearsWithTheCart() throws Exception {
        openTill("", "", "sim:", "");
        onUi(() -> {
            till.scanned(TerminalFixture.COLA);
            till.scanned(TerminalFixture.PEPSI);
        });
        SimulatedDisplay display = (SimulatedDisplay) terminal.devices().display().orElseThrow();
        eventually(() -> display.upper().startsWith("百事可乐"), "the display shows the last item");
        onUi(() -> removeSelected(till));
        eventually(() -> display.lower().contains("3.00") && !display.upper().startsWith("百事可乐"),
                "the display shows the new total after a removal");
        onUi(() -> removeSelected(till));
        eventually(() -> display.upper().isBlank() && display.lower().isBlank(), "an empty cart clears the display");
    }

    @Test
    void aSerialScanOverAPtyAddsALineAndPaymentOrDinerCodesAreRefused() throws Exception {
        try (SocatPair pair = SocatPair.start(dir); SerialDevice scanner = new SerialDevice(pair.deviceEnd())) {
            openTill("", pair.driverAddress() + "?suffix=CR", "", "");
            eventually(() -> terminal.devices().health(DeviceKind.SCANNER).state() == DeviceState.CONNECTED,
                    "scanner port open");

            scanner.send(TerminalFixture.COLA + "\r", StandardCharsets.US_ASCII);
            eventually(() -> onUiQuietly(() -> till.lines().size()) == 1, "the serial scan is in the cart");

            scanner.send("134567890123456789\r", StandardCharsets.US_ASCII);
            eventually(() -> onUiQuietly(() -> till.notice().get()) != null
                    && onUiQuietly(() -> till.notice().get().key()).equals("scan.paymentCode"), "payment code refused");
            assertThat(onUi(() -> till.lines().size())).isEqualTo(1);
            assertThat(onUi(() -> till.total().get().fen())).isEqualTo(300);

            scanner.send("]Q1TQ1.4711.sig\r", StandardCharsets.US_ASCII);
            eventually(() -> onUiQuietly(() -> till.notice().get().key()).equals("scan.dinerCode"), "diner code refused");
            assertThat(onUi(() -> till.lines().size())).isEqualTo(1);

            // scans in quick succession each become their line, in order (speed: bench DeviceBenchmark)
            for (int i = 0; i < 10; i++) {
                scanner.send((i % 2 == 0 ? TerminalFixture.PEPSI : TerminalFixture.COLA) + "\r",
                        StandardCharsets.US_ASCII);
            }
            eventually(() -> onUiQuietly(() -> till.lines().size()) == 11, "ten more scans, ten more lines");
        }
    }

    @Test
    void aPrinterThatIsDownDoesNotBlockTheSale() throws Exception {
        int closedPort = org.tongpos.app.bank.service.BankTestSupport.closedPort();
        openTill("tcp://127.0.0.1:" + closedPort, "", "", "");
        onUi(() -> till.scanned(TerminalFixture.COLA));

        CompletedSale sale = payCash("3");

        assertThat(terminal.journal().lastSeq()).as("the sale is saved").isEqualTo(1);
        assertThat(sale.total().fen()).isEqualTo(300);
        eventually(() -> devices.statusBar().receiptFailed().get(), "the failed receipt shows in the status bar");
        assertThat(devices.statusBar().receiptJob().get().id()).isEqualTo(sale.receiptNo());
        eventually(() -> devices.statusBar().health(DeviceKind.PRINTER).get().needsAttention(),
                "printer shows its fault");
        assertThat(devices.statusBar().health(DeviceKind.PRINTER).get().reason()).isNotBlank();

        onUi(() -> till.nextSale());
        onUi(() -> till.scanned(TerminalFixture.PEPSI));
        assertThat(payCash("3").seq()).as("the next sale goes on").isEqualTo(2);
    }

    @Test
    void weighedGoodsTakeTheScalesStableReadingAndRefuseAMovingOne() throws Exception {
        openTill("", "", "", "sim:");
        SimulatedScale scale = (SimulatedScale) terminal.devices().scale().orElseThrow();

        scale.place(512);
        onUi(() -> till.scanned(TerminalFixture.APPLE_PLU));
        assertThat(onUi(() -> till.lines().size())).isZero();
        assertThat(onUi(() -> till.notice().get().key())).isEqualTo("checkout.scale.unstable");
        assertThat(onUi(() -> till.mode().get())).isEqualTo(CashierMode.SCANNING);

        scale.settle();
        onUi(() -> till.scanned(TerminalFixture.APPLE_PLU));
        assertThat(onUi(() -> till.lines().get(0).quantity())).isEqualTo(512);
        assertThat(onUi(() -> till.total().get().fen())).isEqualTo(655); // 12.80/kg × 0.512 kg
    }

    @Test
    void withoutAScaleTheCashierTypesTheWeight() throws Exception {
        openTill("", "", "", "");
        onUi(() -> till.scanned(TerminalFixture.APPLE_PLU));
        assertThat(onUi(() -> till.mode().get())).isEqualTo(CashierMode.ENTRY);
    }

    @Test
    void aScaleThatGivesNoReadingFallsBackToATypedWeightWithTheReason() throws Exception {
        try (SocatPair pair = SocatPair.start(dir)) {
            openTill("", "", "", pair.driverAddress());
            onUi(() -> till.scanned(TerminalFixture.APPLE_PLU));
            assertThat(onUi(() -> till.mode().get())).isEqualTo(CashierMode.ENTRY);
            Notice why = onUi(() -> till.entryNotice().get());
            assertThat(why.key()).isEqualTo("checkout.scale.unavailable");
            assertThat(why.text(Messages.of(Messages.CHINESE))).isEqualTo("秤读不到重量（秤还没有读数）：请手工输入重量。");
            assertThat(why.text(Messages.of(Locale.ROOT)))
                    .isEqualTo("The scale gives no weight (no reading from the scale yet): type the weight.");
        }
    }

    @Test
    void aScaleThatIsUnpluggedFallsBackToATypedWeightAndSaysItsFaultInChinese() throws Exception {
        String port = dir.resolve("ttyUSB-unplugged").toString();
        openTill("", "", "", "serial:" + port);
        eventually(() -> devices.statusBar().health(DeviceKind.SCALE).get().state() == DeviceState.ERROR,
                "the scale shows its fault");
        assertThat(devices.statusBar().health(DeviceKind.SCALE).get().cause().code())
                .isEqualTo(DeviceReason.Code.SERIAL_PORT_MISSING);

        onUi(() -> till.scanned(TerminalFixture.APPLE_PLU));

        assertThat(onUi(() -> till.mode().get())).isEqualTo(CashierMode.ENTRY);
        assertThat(onUi(() -> till.entryNotice().get()).text(Messages.of(Messages.CHINESE)))
                .isEqualTo("秤读不到重量（秤有故障，请看状态栏中秤的状态）：请手工输入重量。");
    }

    private <T> T onUiQuietly(Callable<T> work) {
        try {
            return onUi(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(2);
        }
    }


    /** Delete on the till: the reason dialog, a reason, Enter. */
    private static void removeSelected(org.tongpos.app.checkout.ui.CashierViewModel till) {
        till.perform(org.tongpos.app.checkout.ui.CashierAction.REMOVE);
        till.voidReason().set("扫错商品");
        till.confirmVoidReason();
    }
}
