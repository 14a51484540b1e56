package org.tongpos.app.devices.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.devices.PrinterEndpoint;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.devices.service.DeviceSettings;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.receipt.TestPage;
import org.tongpos.hardware.sim.SimulatedCardReader;
import org.tongpos.hardware.sim.SimulatedDisplay;
import org.tongpos.hardware.sim.SimulatedScale;

/** The device screen's decisions, without JavaFX: fields, checks, saving, live state and the test buttons. */
class DeviceSettingsViewModelTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private DeviceSettingsViewModel vm;

    @BeforeEach
    void open() {
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
        terminal.settings().set(SettingKey.DEVICE_SCANNER, "serial:/dev/ttyUSB0?baud=115200&suffix=CRLF");
        terminal.settings().set(SettingKey.DEVICE_SCALE, "sim:");
        vm = newScreen();
    }

    private DeviceSettingsViewModel newScreen() {
        return new DeviceSettingsViewModel(terminal.devices(), new DeviceSettings(terminal.settings(),
                terminal.devices()), new DirectTaskRunner(), Runnable::run, terminal.clock());
    }

    @AfterEach
    void close() {
        vm.dispose();
        terminal.close();
    }

    @Test
    void baudRateAndSuffixAreFieldsOfTheirOwn() {
        assertThat(vm.address(DeviceKind.SCANNER).get()).isEqualTo("serial:/dev/ttyUSB0");
        assertThat(vm.baud(DeviceKind.SCANNER).get()).isEqualTo("115200");
        assertThat(vm.suffix().get()).isEqualTo("CRLF");
        assertThat(vm.address(DeviceKind.PRINTER).get()).isEqualTo("sim:");
        assertThat(vm.paper().get()).isEqualTo("58");
        assertThat(vm.drawer().get()).isTrue();
    }

    @Test
    void savingWritesTheSettingsAndReopensTheChangedDevices() throws Exception {
        try (PrinterEndpoint printer = new PrinterEndpoint()) {
            vm.address(DeviceKind.PRINTER).set(printer.address());
            vm.paper().set("80");
            vm.columns().set("48");
            vm.baud(DeviceKind.SCANNER).set("9600");
            vm.suffix().set("LF");
            vm.drawer().set(false);

            vm.save();

            assertThat(vm.notice().get()).isEqualTo(Notice.info("devices.saved"));
            assertThat(terminal.settings().get(SettingKey.DEVICE_PRINTER)).isEqualTo(printer.address());
            assertThat(terminal.settings().get(SettingKey.DEVICE_SCANNER))
                    .isEqualTo("serial:/dev/ttyUSB0?baud=9600&suffix=LF");
            assertThat(terminal.settings().get(SettingKey.DEVICE_PAPER)).isEqualTo("80");
            assertThat(terminal.settings().get(SettingKey.RECEIPT_COLUMNS)).isEqualTo("48");
            assertThat(terminal.settings().get(SettingKey.DEVICE_DRAWER)).isEqualTo("false");
            assertThat(terminal.devices().config().address(DeviceKind.PRINTER)).isEqualTo(printer.address());

            vm.printTestPage();

            assertThat(vm.notice().get()).isEqualTo(Notice.info("devices.test.printed"));
            assertThat(printer.decoded()).filteredOn(EscPosElement.QrCode.class::isInstance)
                    .extracting(e -> ((EscPosElement.QrCode) e).payload()).containsExactly(TestPage.QR_CONTENT);
            assertThat(printer.text()).contains("48 列 / 576 点");
            assertThat(vm.health(DeviceKind.PRINTER).get().state()).isEqualTo(DeviceState.CONNECTED);

            vm.openDrawer();
            assertThat(printer.awaitElement(EscPosElement.DrawerKick.class, 3000)).isTrue();
            assertThat(vm.notice().get()).isEqualTo(Notice.info("devices.test.drawerOpened"));
        }
    }

    @Test
    void anAddressADeviceCannotUseIsRefusedAndNothingIsSaved() {
        vm.address(DeviceKind.CARD_READER).set("serial:/dev/ttyS0");
        vm.save();
        assertThat(vm.notice().get().key()).isEqualTo("devices.invalidAddress");
        assertThat(vm.notice().get().isError()).isTrue();

        vm.address(DeviceKind.CARD_READER).set("pcsc:");
        vm.address(DeviceKind.PRINTER).set("tcp://printer");
        vm.save();
        assertThat(vm.notice().get().key()).isEqualTo("devices.invalidAddress");
        assertThat(vm.notice().get().args().get(1).toString()).contains("port");

        vm.address(DeviceKind.PRINTER).set("sim:");
        vm.baud(DeviceKind.SCANNER).set("fast");
        vm.save();
        assertThat(vm.notice().get().key()).isEqualTo("devices.invalidBaud");

        assertThat(terminal.settings().get(SettingKey.DEVICE_CARD_READER)).isEqualTo("sim:");
        assertThat(terminal.settings().get(SettingKey.DEVICE_PRINTER)).isEqualTo("sim:");
    }

    @Test
    void readACardShowsTheUidOrTheMaskedNumber() throws Exception {
        SimulatedCardReader reader = (SimulatedCardReader) terminal.devices().cardReader().orElseThrow();
        CompletableFuture<Void> present = CompletableFuture.runAsync(() -> {
            sleep(150);
            reader.presentMealCard("04A1B2C3");
        });
        vm.readCard();
        present.get(5, TimeUnit.SECONDS);
        assertThat(vm.notice().get()).isEqualTo(Notice.info("devices.test.cardUid", "04A1B2C3"));

        reader.removeCard();
        CompletableFuture.runAsync(() -> {
            sleep(150);
            reader.presentBankCard("6222021234567890123");
        });
        vm.readCard();
        assertThat(vm.notice().get().key()).isEqualTo("devices.test.bankCard");
        assertThat(vm.notice().get().args().get(0).toString()).contains("0123").doesNotContain("02123456789");
    }

    @Test
    void displayAndScaleTestsUseTheDevicesAsSaved() {
        vm.displayText().set("欢迎光临");
        vm.showOnDisplay();
        assertThat(((SimulatedDisplay) terminal.devices().display().orElseThrow()).upper()).startsWith("欢迎光临");
        assertThat(vm.notice().get()).isEqualTo(Notice.info("devices.test.shown"));

        SimulatedScale scale = (SimulatedScale) terminal.devices().scale().orElseThrow();
        scale.place(1234);
        vm.readScale();
        assertThat(vm.notice().get().key()).isEqualTo("devices.test.weightRefused");
        scale.settle();
        vm.readScale();
        assertThat(vm.notice().get()).isEqualTo(Notice.info("devices.test.weight", 1234L));
    }

    @Test
    void aDeviceThatIsNotSetUpSaysSoInsteadOfTesting() {
        vm.address(DeviceKind.DISPLAY).set("");
        vm.save();
        vm.showOnDisplay();
        assertThat(vm.notice().get().key()).isEqualTo("devices.test.noDevice");
        assertThat(vm.health(DeviceKind.DISPLAY).get().configured()).isFalse();
    }

    @Test
    void liveStateFollowsTheDevice() {
        assertThat(vm.health(DeviceKind.SCANNER).get().configured()).isTrue();
        assertThat(vm.health(DeviceKind.SCANNER).get().needsAttention())
                .as("a scanner on a port that does not exist is shown as a fault").isTrue();
        vm.address(DeviceKind.SCANNER).set("sim:");
        vm.save();
        assertThat(vm.health(DeviceKind.SCANNER).get().state()).isEqualTo(DeviceState.CONNECTED);
    }

    @Test
    void everyDeviceHasANameInBothLanguages() {
        for (DeviceKind kind : DeviceKind.values()) {
            for (String locale : new String[] {"zh_CN", "en"}) {
                assertThat(org.tongpos.app.i18n.Messages.forSetting(locale).get(DeviceSettingsView.nameKey(kind)))
                        .isNotBlank();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
