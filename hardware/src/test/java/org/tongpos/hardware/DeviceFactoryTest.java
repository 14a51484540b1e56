package org.tongpos.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.hardware.card.CardEvent;
import org.tongpos.hardware.card.PcscCardReader;
import org.tongpos.hardware.display.Cd5220Display;
import org.tongpos.hardware.printer.EscPosPrinter;
import org.tongpos.hardware.printer.PrinterException;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.receipt.ReceiptLabels;
import org.tongpos.hardware.receipt.ReceiptLayout;
import org.tongpos.hardware.receipt.SampleReceipts;
import org.tongpos.hardware.scale.SerialScale;
import org.tongpos.hardware.scale.WeighResult;
import org.tongpos.hardware.scanner.Scan;
import org.tongpos.hardware.scanner.SerialScanner;
import org.tongpos.hardware.sim.SimulatedCardReader;
import org.tongpos.hardware.sim.SimulatedDisplay;
import org.tongpos.hardware.sim.SimulatedFaceTerminal;
import org.tongpos.hardware.sim.SimulatedPrinter;
import org.tongpos.hardware.sim.SimulatedScale;
import org.tongpos.hardware.sim.SimulatedScanner;
import org.tongpos.hardware.testsupport.ImageCodes;

class DeviceFactoryTest {

    private final DeviceFactory factory = new DeviceFactory(Clock.systemUTC());

    @Test
    void addressesPickTheRealDrivers() {
        assertThat(factory.printer("tcp://127.0.0.1:9100")).isInstanceOf(EscPosPrinter.class);
        assertThat(factory.printer("file:/dev/usb/lp0")).isInstanceOf(EscPosPrinter.class);
        assertThat(factory.scanner("serial:/dev/ttyUSB0?suffix=CRLF")).isInstanceOf(SerialScanner.class);
        assertThat(factory.display("serial:/dev/ttyUSB1?mode=led")).isInstanceOf(Cd5220Display.class);
        assertThat(factory.scale("serial:/dev/ttyUSB2?baud=9600")).isInstanceOf(SerialScale.class);
        assertThat(factory.cardReader("pcsc:")).isInstanceOf(PcscCardReader.class);
        assertThatThrownBy(() -> factory.scanner("tcp://x:1")).hasMessageContaining("serial:");
        assertThatThrownBy(() -> factory.cardReader("serial:/dev/x")).hasMessageContaining("pcsc:");
        assertThatThrownBy(() -> factory.printer("tcp://x:1?status=maybe")).hasMessageContaining("status must be");
        assertThat(factory.hikvision(java.net.URI.create("http://192.0.2.1"), "admin", "x"))
                .isInstanceOf(org.tongpos.hardware.face.HikvisionAlertStream.class);
        assertThatThrownBy(() -> factory.faceTerminal("tcp://x:1")).hasMessageContaining("hikvision");
    }

    @Test
    void simulatedPrinterKeepsAndRendersWhatWouldPrint() throws Exception {
        SimulatedPrinter printer = (SimulatedPrinter) factory.printer("sim:?width=58");
        printer.print(new ReceiptLayout(PaperWidth.MM58, ReceiptLabels.chinese()).encode(SampleReceipts.small(), true));
        printer.openDrawer();

        assertThat(printer.jobs()).hasSize(1);
        assertThat(printer.drawerOpenings()).isEqualTo(1);
        assertThat(printer.lastReceipt().orElseThrow().getWidth()).isEqualTo(384);
        assertThat(ImageCodes.texts(printer.lastReceipt().orElseThrow(), BarcodeFormat.QR_CODE))
                .containsExactly("TQ1.R20240501-0001");

        printer.setPaperOut(true);
        assertThatThrownBy(() -> printer.print(new byte[] {'x', '\n'})).isInstanceOf(PrinterException.class)
                .hasMessage("paper out");
        assertThatThrownBy(() -> { printer.setPaperOut(false); printer.print(new byte[] {0x1B, 'Z'}); })
                .hasMessageContaining("not valid ESC/POS");
    }

    @Test
    void simulatorsDriveTheSameInterfacesAsRealDevices() {
        List<Scan> scans = new ArrayList<>();
        SimulatedScanner scanner = (SimulatedScanner) factory.scanner("sim:");
        scanner.addScanListener(scans::add);
        scanner.scan("]E06901234567892");
        assertThat(scans).extracting(Scan::code).containsExactly("6901234567892");

        SimulatedScale scale = (SimulatedScale) factory.scale("sim:");
        scale.place(1234);
        assertThat(scale.stableWeight()).isInstanceOf(WeighResult.Refused.class);
        scale.settle();
        assertThat(scale.stableWeight()).isEqualTo(new WeighResult.Weighed(1234));

        SimulatedDisplay display = (SimulatedDisplay) factory.display("sim:");
        display.showTotal(2448);
        assertThat(display.upper()).isEqualTo("合计");
        assertThat(display.lower()).isEqualTo("￥24.48");

        List<CardEvent> cards = new ArrayList<>();
        SimulatedCardReader reader = (SimulatedCardReader) factory.cardReader("sim:");
        reader.addCardListener(cards::add);
        reader.presentBankCard("6222021234567891234");
        reader.removeCard();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).toString()).contains("6222 **** **** 1234").doesNotContain("6222021234567891234");

        List<String> employees = new ArrayList<>();
        SimulatedFaceTerminal face = (SimulatedFaceTerminal) factory.faceTerminal("sim:");
        face.addListener(e -> employees.add(((org.tongpos.hardware.face.FaceEvent.PersonRecognised) e).employeeNo()));
        face.recognise("1001");
        assertThat(employees).containsExactly("1001");
    }
}
