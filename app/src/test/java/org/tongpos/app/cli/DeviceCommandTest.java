package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.hardware.testsupport.PcscDaemon;
import org.tongpos.hardware.testsupport.UidCard;
import org.tongpos.app.devices.PrinterEndpoint;
import org.tongpos.app.devices.SerialDevice;
import org.tongpos.hardware.testsupport.SocatPair;
import org.tongpos.hardware.escpos.BarcodeType;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.escpos.EscPosRenderer;
import org.tongpos.hardware.receipt.TestPage;

/**
 * The {@code device} commands against real counterparts: a TCP printer endpoint that decodes the ESC/POS it
 * receives, and socat pty pairs playing the scanner, display and scale. None of them opens a terminal database.
 */
class DeviceCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("no-terminal-here").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TongPosCommand.run(d -> {
            throw new AssertionError("a command must not start the GUI");
        }, new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    private void noDatabaseWasCreated() {
        assertThat(dir.resolve("no-terminal-here")).doesNotExist();
    }

    @Test
    void testPrintSendsChineseTextQrCodeBarcodeAndCutToANetworkPrinter() throws Exception {
        try (PrinterEndpoint printer = new PrinterEndpoint()) {
            // no --width: 58 mm, as the terminal's device.printer.paper defaults to
            int status = run("device", "test-print", "--printer", printer.address());

            assertThat(status).as(err.toString()).isZero();
            assertThat(printer.awaitElement(EscPosElement.Cut.class, 3000)).isTrue();
            List<EscPosElement> printed = printer.decoded();
            assertThat(printer.text()).contains("打印测试", "中文：通商超市 食堂 停车 校园", "￥1234.56", "32 列 / 384 点");
            assertThat(printed).filteredOn(EscPosElement.QrCode.class::isInstance)
                    .extracting(e -> ((EscPosElement.QrCode) e).payload()).containsExactly(TestPage.QR_CONTENT);
            assertThat(printed).filteredOn(EscPosElement.Barcode.class::isInstance)
                    .extracting(e -> ((EscPosElement.Barcode) e).type()).contains(BarcodeType.EAN13);
            assertThat(printed).last().isInstanceOf(EscPosElement.Cut.class);
            assertThat(qrCodeIn(new EscPosRenderer(EscPosRenderer.DOTS_58MM).render(printer.bytes())))
                    .isEqualTo(TestPage.QR_CONTENT);
        }
        noDatabaseWasCreated();
    }

    @Test
    void testPrintHelpShowsThe58mmDefaultWidth() {
        String usage = new picocli.CommandLine(new DeviceCommand.TestPrint()).getUsageMessage();

        assertThat(usage).contains("--width=58|80", "default: 58");
    }

    @Test
    void openDrawerSendsTheKickPulse() throws Exception {
        try (PrinterEndpoint printer = new PrinterEndpoint()) {
            assertThat(run("device", "open-drawer", "--printer", printer.address())).as(err.toString()).isZero();

            assertThat(printer.awaitElement(EscPosElement.DrawerKick.class, 3000)).isTrue();
            assertThat(printer.decoded()).containsExactly(new EscPosElement.DrawerKick(0, 50, 500));
        }
    }

    @Test
    void printerThatIsNotThereFailsWithTheReasonAndBadAddressesAreRefused() throws Exception {
        int port = org.tongpos.app.bank.service.BankTestSupport.closedPort();
        assertThat(run("device", "test-print", "--printer", "tcp://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(err.toString()).contains("tcp://127.0.0.1:" + port);

        assertThat(run("device", "test-print", "--printer", "lpt:1")).isEqualTo(2);
        assertThat(run("device", "test-print", "--printer", "sim:", "--width", "76")).isEqualTo(2);
    }

    @Test
    void scannerPrintsEachScanWithItsClassification() throws Exception {
        try (SocatPair pair = SocatPair.start(dir); SerialDevice scanner = new SerialDevice(pair.deviceEnd())) {
            CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() ->
                    run("device", "scanner", "--port", pair.driverAddress() + "?suffix=CR", "--count", "3",
                            "--timeout", "10"));
            // the port opens asynchronously: send until the command has seen all three
            for (int i = 0; i < 50 && !command.isDone() && !out.toString().contains("\n"); i++) {
                Thread.sleep(100);
                if (i == 3) {
                    scanner.send("6901234567892\r134567890123456789\r]Q1TQ1.abc.def\r", StandardCharsets.US_ASCII);
                }
            }
            assertThat(command.get()).as(err.toString()).isZero();
            assertThat(out.toString().strip().split("\n")).containsExactly(
                    "6901234567892\tGOODS",
                    "134567890123456789\tPAYMENT_CODE\tWECHAT",
                    "TQ1.abc.def\tDINER_CODE\tQR");
        }
    }

    @SuppressWarnings("try") // held keeps the pty open while the command opens and closes it
    @Test
    void displayShowsTheTextInGb18030OnTheCd5220Lines() throws Exception {
        try (SocatPair pair = SocatPair.start(dir); java.io.Closeable held = pair.holdDriverEndOpen();
             SerialDevice display = new SerialDevice(pair.deviceEnd())) {
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    byte[] lowerLineEnd = ("Welcome" + " ".repeat(13) + "\r").getBytes(StandardCharsets.US_ASCII);
                    return display.readUntilEndsWith(lowerLineEnd, Duration.ofSeconds(5));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(run("device", "display", "--port", pair.driverAddress(), "欢迎光临", "Welcome"))
                    .as(err.toString()).isZero();

            byte[] shown = reading.get();
            String text = new String(shown, Charset.forName("GB18030"));
            assertThat(text).contains("\u001bQA欢迎光临" + " ".repeat(12) + "\r", "\u001bQBWelcome" + " ".repeat(13) + "\r");
        }
    }

    @Test
    void scalePrintsTheStableWeightOrWhyThereIsNone() throws Exception {
        try (SocatPair pair = SocatPair.start(dir); SerialDevice scale = new SerialDevice(pair.deviceEnd())) {
            CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() ->
                    run("device", "scale", "--port", pair.driverAddress(), "--timeout", "5"));
            for (int i = 0; i < 40 && !command.isDone(); i++) {
                scale.send(i < 5 ? "US,GS,+  1.230kg\r\n" : "ST,GS,+  1.234kg\r\n", StandardCharsets.US_ASCII);
                Thread.sleep(100);
            }
            assertThat(command.get()).as(err.toString()).isZero();
            assertThat(out.toString()).containsPattern("^1234 ");
        }
        out.getBuffer().setLength(0);
        try (SocatPair pair = SocatPair.start(dir.resolve("again").toFile().mkdirs() ? dir.resolve("again") : dir);
             SerialDevice scale = new SerialDevice(pair.deviceEnd())) {
            CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() ->
                    run("device", "scale", "--port", pair.driverAddress(), "--timeout", "1"));
            for (int i = 0; i < 30 && !command.isDone(); i++) {
                scale.send("ST,GS,-  0.150kg\r\n", StandardCharsets.US_ASCII);
                Thread.sleep(100);
            }
            assertThat(command.get()).isEqualTo(1);
            assertThat(err.toString()).contains("NEGATIVE");
        }
    }

    @Test
    void readCardPrintsTheUidOfAMealCardOnAPcscReader() throws Exception {
        try (PcscDaemon pcsc = PcscDaemon.startOrReuse(dir); UidCard card = new UidCard("04A1B2C3D4E5F6")) {
            CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() ->
                    run("device", "read-card", "--reader", PcscDaemon.READER, "--timeout", "15"));
            Thread.sleep(500);
            card.insert(pcsc.cardPort());

            assertThat(command.get()).as(err.toString()).isZero();
            assertThat(out.toString()).contains("04A1B2C3D4E5F6", PcscDaemon.READER);
        }
        noDatabaseWasCreated();
    }

    @Test
    void readCardWithoutACardTimesOutWithTheReadersState() {
        assertThat(run("device", "read-card", "--reader", "sim:", "--timeout", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("1");
        noDatabaseWasCreated();
    }

    private static String qrCodeIn(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                java.util.Map.of(com.google.zxing.DecodeHintType.CHARACTER_SET, "UTF-8",
                        com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE,
                        com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE)))
                .getText();
    }

}
