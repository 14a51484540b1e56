package org.tongpos.hardware.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.escpos.EscPosEncoder;
import org.tongpos.hardware.escpos.EscPosRenderer;
import org.tongpos.hardware.escpos.MonochromeBitmap;
import org.tongpos.hardware.link.ByteLinks;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.receipt.ReceiptLabels;
import org.tongpos.hardware.receipt.ReceiptLayout;
import org.tongpos.hardware.receipt.SampleReceipts;
import org.tongpos.hardware.testsupport.FakeNetworkPrinter;
import org.tongpos.hardware.testsupport.ImageCodes;

@Timeout(30)
class NetworkPrinterTest {

    private static final LinkTimeouts SHORT = new LinkTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final PrinterSettings FAST = PrinterSettings.defaults()
            .withStatusTimeout(Duration.ofMillis(300))
            .withBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(50)), 3);

    private FakeNetworkPrinter endpoint;

    @BeforeEach
    void startEndpoint() throws Exception {
        endpoint = new FakeNetworkPrinter();
    }

    @AfterEach
    void stopEndpoint() throws Exception {
        endpoint.close();
    }

    private EscPosPrinter printer(PrinterSettings settings) {
        return new EscPosPrinter(ByteLinks.forAddress(DeviceAddress.parse(endpoint.address()), SHORT), settings,
                Clock.systemUTC());
    }

    @Test
    void receiptArrivesWithChineseTextQrCutAndDrawerPulse() throws Exception {
        byte[] job = new ReceiptLayout(PaperWidth.MM58, ReceiptLabels.chinese()).encode(SampleReceipts.small(), true);
        try (EscPosPrinter printer = printer(FAST)) {
            printer.print(job);
            assertThat(printer.status().state()).isEqualTo(DeviceState.CONNECTED);
        }

        byte[] received = endpoint.jobBytes();
        assertThat(received).isEqualTo(job);
        List<EscPosElement> elements = EscPosDecoder.decode(received);
        assertThat(EscPosDecoder.textLines(received)).contains("收银员: 张三", "五常大米（散装）特级新米称重", "退换货请保留小票");
        assertThat(elements).contains(new EscPosElement.Cut(true), new EscPosElement.DrawerKick(0, 50, 500));
        BufferedImage paper = new EscPosRenderer(PaperWidth.MM58.dots()).render(received);
        assertThat(ImageCodes.texts(paper, BarcodeFormat.QR_CODE)).containsExactly("TQ1.R20240501-0001");
    }

    @Test
    void paperOutIsReportedAndNothingIsSent() throws Exception {
        endpoint.behave(FakeNetworkPrinter.Behaviour.PAPER_OUT);
        try (EscPosPrinter printer = printer(FAST)) {
            assertThat(printer.queryStatus().paperOut()).isTrue();
            assertThatThrownBy(() -> printer.print(new EscPosEncoder().line("x").toBytes()))
                    .isInstanceOf(PrinterException.class).hasMessageContaining("paper out")
                    .satisfies(e -> assertThat(((PrinterException) e).mayHavePrinted()).isFalse());
            assertThat(printer.status().state()).isEqualTo(DeviceState.ERROR);
            assertThat(printer.status().cause()).isEqualTo(DeviceReason.of(Code.PAPER_OUT));
            assertThat(printer.status().reason()).isEqualTo("paper out");
        }
        assertThat(endpoint.jobBytes()).isEmpty();
    }

    @Test
    void paperNearEndStillPrintsButWarnsTheCashier() throws Exception {
        endpoint.behave(FakeNetworkPrinter.Behaviour.PAPER_NEAR_END);
        try (EscPosPrinter printer = printer(FAST)) {
            printer.print(new EscPosEncoder().line("ok").toBytes());
            assertThat(printer.status().state()).isEqualTo(DeviceState.CONNECTED);
            assertThat(printer.status().cause()).isEqualTo(DeviceReason.of(Code.PAPER_NEAR_END));
            assertThat(printer.status().reason()).isEqualTo("paper near end");
        }
        assertThat(EscPosDecoder.textLines(endpoint.jobBytes())).containsExactly("ok");
    }

    @Test
    void printerThatNeverAnswersFailsClearlyWithinTheTimeout() throws Exception {
        endpoint.behave(FakeNetworkPrinter.Behaviour.SILENT);
        long start = System.nanoTime();
        try (EscPosPrinter printer = printer(FAST)) {
            assertThatThrownBy(() -> printer.print(new EscPosEncoder().line("x").toBytes()))
                    .hasMessageContaining("did not answer")
                    .satisfies(e -> assertThat(((PrinterException) e).reason().code()).isEqualTo(Code.PRINTER_SILENT));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void silentPrinterThatStopsTakingDataFailsOnTheWriteTimeout() throws Exception {
        endpoint.behave(FakeNetworkPrinter.Behaviour.SILENT);
        byte[] big = bigRasterJob();
        long start = System.nanoTime();
        try (EscPosPrinter printer = printer(FAST.withStatusCheck(PrinterSettings.StatusCheck.OFF))) {
            assertThatThrownBy(() -> printer.print(big))
                    .isInstanceOf(PrinterException.class)
                    .hasMessageContaining("did not accept data within 1000 ms")
                    .satisfies(e -> assertThat(((PrinterException) e).mayHavePrinted()).isTrue())
                    .satisfies(e -> assertThat(((PrinterException) e).reason().code()).isEqualTo(Code.WRITE_TIMEOUT));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void printerClosingTheConnectionMidJobFailsAndSaysItMayHavePrinted() throws Exception {
        endpoint.closeAfter(2000);
        try (EscPosPrinter printer = printer(FAST.withStatusCheck(PrinterSettings.StatusCheck.OFF))) {
            assertThatThrownBy(() -> printer.print(bigRasterJob()))
                    .isInstanceOf(PrinterException.class)
                    .satisfies(e -> assertThat(((PrinterException) e).mayHavePrinted()).isTrue());
            assertThat(printer.status().state()).isEqualTo(DeviceState.ERROR);
            assertThat(printer.status().cause().code()).isEqualTo(Code.CONNECTION_LOST);
        }
    }

    @Test
    void unreachablePrinterIsAnErrorNotAHang() throws Exception {
        int port = org.tongpos.hardware.testsupport.RefusingPort.find();
        try (EscPosPrinter printer = new EscPosPrinter(
                ByteLinks.forAddress(DeviceAddress.parse("tcp://127.0.0.1:" + port), SHORT), FAST, Clock.systemUTC())) {
            assertThatThrownBy(() -> printer.print(new byte[] {'x'})).hasMessageContaining("cannot connect");
            assertThat(printer.status().state()).isEqualTo(DeviceState.ERROR);
            assertThat(printer.status().cause())
                    .isEqualTo(DeviceReason.of(Code.CONNECTION_REFUSED, "tcp://127.0.0.1:" + port));
        }
    }

    @Test
    void eachJobUsesAFreshConnectionWhenConfigured() throws Exception {
        try (EscPosPrinter printer = printer(FAST.withCloseAfterJob(true))) {
            printer.print(new EscPosEncoder().line("one").toBytes());
            printer.print(new EscPosEncoder().line("two").toBytes());
            printer.openDrawer();
        }
        waitForBytes(13);
        assertThat(endpoint.connectionsAccepted()).isEqualTo(3);
        assertThat(EscPosDecoder.textLines(endpoint.jobBytes())).containsExactly("one", "two");
    }

    @Test
    void drawerOpensWithTheKickPulse() throws Exception {
        try (EscPosPrinter printer = printer(FAST)) {
            printer.openDrawer();
        }
        waitForBytes(5);
        assertThat(EscPosDecoder.decode(endpoint.jobBytes())).containsExactly(new EscPosElement.DrawerKick(0, 50, 500));
    }

    private void waitForBytes(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (endpoint.jobBytes().length < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    static byte[] bigRasterJob() {
        // Larger than what loopback socket buffers absorb, so a printer that stops reading blocks the writer.
        MonochromeBitmap strip = new MonochromeBitmap(48, 60_000, new byte[48 * 60_000]);
        EscPosEncoder encoder = new EscPosEncoder().initialize();
        for (int i = 0; i < 4; i++) {
            encoder.raster(strip);
        }
        return encoder.cut(true).toBytes();
    }
}
