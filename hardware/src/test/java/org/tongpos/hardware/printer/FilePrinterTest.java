package org.tongpos.hardware.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.link.ByteLinks;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.receipt.ReceiptLabels;
import org.tongpos.hardware.receipt.ReceiptLayout;
import org.tongpos.hardware.receipt.SampleReceipts;

/** The USB printer class device file, stood in for by a plain file (the kernel's usblp takes writes the same way). */
class FilePrinterTest {

    @Test
    void receiptIsWrittenToTheDeviceFileWithoutStatusRequests(@TempDir Path dir) throws Exception {
        Path device = dir.resolve("lp0");
        Files.createFile(device);
        byte[] job = new ReceiptLayout(PaperWidth.MM80, ReceiptLabels.chinese()).encode(SampleReceipts.small(), true);
        try (EscPosPrinter printer = new EscPosPrinter(ByteLinks.forAddress(DeviceAddress.parse("file:" + device),
                LinkTimeouts.DEFAULT), PrinterSettings.defaults(), Clock.systemUTC())) {
            assertThat(printer.settings().statusCheck()).isEqualTo(PrinterSettings.StatusCheck.OFF);
            printer.print(job);
            assertThat(printer.queryStatus().answered()).isFalse();
            assertThat(printer.status().state()).isEqualTo(DeviceState.CONNECTED);
        }
        byte[] written = Files.readAllBytes(device);
        assertThat(written).isEqualTo(job);
        assertThat(EscPosDecoder.decode(written)).contains(new EscPosElement.DrawerKick(0, 50, 500), new EscPosElement.Cut(true));
    }

    @Test
    void missingDeviceFileIsAClearError(@TempDir Path dir) {
        try (EscPosPrinter printer = new EscPosPrinter(ByteLinks.forAddress(
                DeviceAddress.parse("file:" + dir.resolve("no-dir/lp9")), LinkTimeouts.DEFAULT),
                PrinterSettings.defaults(), Clock.systemUTC())) {
            assertThatThrownBy(() -> printer.print(new byte[] {'x'})).hasMessageContaining("cannot open");
            assertThat(printer.status().state()).isEqualTo(DeviceState.ERROR);
            assertThat(printer.status().cause().code()).isEqualTo(DeviceReason.Code.FILE_CANNOT_OPEN);
        }
    }
}
