package org.tongpos.hardware.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.link.ByteLinks;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.receipt.ReceiptLabels;
import org.tongpos.hardware.receipt.ReceiptLayout;
import org.tongpos.hardware.receipt.SampleReceipts;
import org.tongpos.hardware.testsupport.DeviceEnd;
import org.tongpos.hardware.testsupport.SocatPair;

@Timeout(30)
class SerialPrinterTest {

    @Test
    void receiptGoesOutOverASerialLineAndStatusIsAnswered(@TempDir Path dir) throws Exception {
        byte[] job = new ReceiptLayout(PaperWidth.MM58, ReceiptLabels.chinese()).encode(SampleReceipts.small(), false);
        try (SocatPair pair = SocatPair.start(dir); DeviceEnd device = new DeviceEnd(pair.deviceEnd())) {
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread printerSide = new Thread(() -> playPrinter(device, received, running));
            printerSide.start();
            DeviceAddress address = DeviceAddress.parse("serial:" + pair.driverEnd() + "?baud=115200");
            try (EscPosPrinter printer = new EscPosPrinter(ByteLinks.forAddress(address, LinkTimeouts.DEFAULT),
                    PrinterSettings.defaults().withStatusTimeout(Duration.ofMillis(500)), Clock.systemUTC())) {
                assertThat(printer.queryStatus().answered()).isTrue();
                printer.print(job);
                printer.openDrawer();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!endsWithDrawerKick(received.toByteArray()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            running.set(false);
            printerSide.join();

            byte[] bytes = received.toByteArray();
            assertThat(EscPosDecoder.textLines(bytes)).contains("收银员: 张三", "五常大米（散装）特级新米称重");
            assertThat(EscPosDecoder.decode(bytes)).contains(new EscPosElement.Cut(true),
                    new EscPosElement.DrawerKick(0, 50, 500));
        }
    }

    /** The drawer kick is the last thing sent; bytes still arriving may end in the middle of a command. */
    private static boolean endsWithDrawerKick(byte[] bytes) {
        try {
            return EscPosDecoder.decode(bytes).contains(new EscPosElement.DrawerKick(0, 50, 500));
        } catch (RuntimeException incomplete) {
            return false;
        }
    }

    private static void playPrinter(DeviceEnd device, java.io.ByteArrayOutputStream received, AtomicBoolean running) {
        byte[] buffer = new byte[4096];
        int previous = -1;
        int beforePrevious = -1;
        try {
            while (running.get()) {
                int n = device.read(buffer, Duration.ofMillis(50));
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    received.write(b);
                    if (beforePrevious == 0x10 && previous == 0x04) {
                        device.send(new byte[] {0x12});
                    }
                    beforePrevious = previous;
                    previous = b;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
