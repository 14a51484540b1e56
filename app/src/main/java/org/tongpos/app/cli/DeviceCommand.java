package org.tongpos.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.tongpos.app.devices.service.DeviceReasonText;
import org.tongpos.app.i18n.Messages;
import org.tongpos.hardware.DeviceFactory;
import org.tongpos.hardware.card.CardEvent;
import org.tongpos.hardware.card.CardInfo;
import org.tongpos.hardware.card.CardReader;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.InvalidDeviceAddressException;
import org.tongpos.hardware.display.CustomerDisplay;
import org.tongpos.hardware.printer.PrinterException;
import org.tongpos.hardware.printer.ReceiptPrinter;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.receipt.TestPage;
import org.tongpos.hardware.scale.Scale;
import org.tongpos.hardware.scale.WeighResult;
import org.tongpos.hardware.scanner.Scan;
import org.tongpos.hardware.scanner.ScanClassification;
import org.tongpos.hardware.scanner.ScanClassifier;
import org.tongpos.hardware.scanner.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tongpos device ...}: tries one device at an address given on the command line, without the terminal's
 * database, so a technician can check the cabling before anything is configured. Messages follow the system locale.
 */
@Command(name = "device", description = "Try a device at an address (no terminal database needed).",
        subcommands = {DeviceCommand.TestPrint.class, DeviceCommand.OpenDrawer.class, DeviceCommand.ReadCard.class,
                DeviceCommand.Display.class, DeviceCommand.ScannerCommand.class, DeviceCommand.ScaleCommand.class})
final class DeviceCommand {

    /** A device subcommand: bad addresses become exit status 2 with the reason. */
    abstract static class DeviceAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        final Clock clock = Clock.systemDefaultZone();
        final Messages messages = Messages.of(Locale.getDefault());

        abstract int run() throws InterruptedException;

        @Override
        public final Integer call() throws InterruptedException {
            try {
                return run();
            } catch (InvalidDeviceAddressException e) {
                err().println(messages.get("cli.device.badAddress", e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
        }

        DeviceFactory factory() {
            return new DeviceFactory(clock);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    @Command(name = "test-print", description = "Prints the test page: Chinese text, a barcode, a QR code, a cut.")
    static final class TestPrint extends DeviceAction {
        @Option(names = "--printer", required = true, paramLabel = "URI",
                description = "tcp://host:9100, serial:/dev/ttyUSB0?baud=9600, file:/dev/usb/lp0 or sim:")
        String printer;

        @Option(names = "--width", paramLabel = "58|80", defaultValue = "58",
                description = "Paper width in mm (default: ${DEFAULT-VALUE}, as the terminal's device.printer.paper).")
        int width;

        @Override
        int run() {
            if (width != 58 && width != 80) {
                err().println(messages.get("cli.device.badWidth", width));
                return ExitCodes.BAD_INPUT;
            }
            byte[] page = TestPage.encode(PaperWidth.ofMillimetres(width), LocalDateTime.now(clock), false);
            try (ReceiptPrinter device = factory().printer(printer)) {
                device.print(page);
                out().println(messages.get("cli.device.printed", page.length, printer));
                return ExitCodes.OK;
            } catch (PrinterException e) {
                err().println(messages.get("cli.device.printFailed", printer,
                        DeviceReasonText.text(e.reason(), messages)));
                return ExitCodes.FAILURE;
            }
        }
    }

    @Command(name = "open-drawer", description = "Opens the cash drawer on the printer's kick port.")
    static final class OpenDrawer extends DeviceAction {
        @Option(names = "--printer", required = true, paramLabel = "URI")
        String printer;

        @Override
        int run() {
            try (ReceiptPrinter device = factory().printer(printer)) {
                device.openDrawer();
                out().println(messages.get("cli.device.drawerOpened", printer));
                return ExitCodes.OK;
            } catch (PrinterException e) {
                err().println(messages.get("cli.device.printFailed", printer,
                        DeviceReasonText.text(e.reason(), messages)));
                return ExitCodes.FAILURE;
            }
        }
    }

    @Command(name = "read-card", description = "Waits for a card and prints its UID, or the masked bank card number.")
    static final class ReadCard extends DeviceAction {
        @Option(names = "--reader", paramLabel = "NAME", defaultValue = "",
                description = "Part of the PC/SC reader's name (default: the first reader), or an address (sim:).")
        String reader;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30")
        int timeoutSeconds;

        @Override
        int run() throws InterruptedException {
            String address = reader.startsWith("pcsc:") || reader.startsWith("sim:") ? reader : "pcsc:" + reader;
            BlockingQueue<CardEvent> events = new ArrayBlockingQueue<>(16);
            try (CardReader device = factory().cardReader(address)) {
                device.addCardListener(event -> {
                    if (!(event instanceof CardEvent.Removed)) {
                        events.offer(event);
                    }
                });
                device.start();
                err().println(messages.get("cli.device.waitingForCard", timeoutSeconds));
                CardEvent event = events.poll(timeoutSeconds, TimeUnit.SECONDS);
                if (event instanceof CardEvent.Inserted inserted) {
                    out().println(describe(inserted.card()));
                    return ExitCodes.OK;
                }
                if (event instanceof CardEvent.Unreadable unreadable) {
                    err().println(messages.get("cli.device.cardUnreadable", unreadable.reader(), unreadable.reason()));
                    return ExitCodes.FAILURE;
                }
                err().println(messages.get("cli.device.noCard", timeoutSeconds, device.status()));
                return ExitCodes.FAILURE;
            }
        }

        private String describe(CardInfo card) {
            if (card.cardNumber().isPresent()) {
                return messages.get("cli.device.bankCard", card.cardNumber().get().toString(), card.reader());
            }
            return messages.get("cli.device.cardUid", card.uid().orElse("?"), card.reader());
        }
    }

    @Command(name = "display", description = "Shows TEXT (and an optional second line) on the customer display.")
    static final class Display extends DeviceAction {
        @Option(names = "--port", required = true, paramLabel = "URI",
                description = "serial:/dev/ttyUSB1?baud=9600 (add mode=led for 8-digit price displays) or sim:")
        String port;

        @Parameters(index = "0", paramLabel = "TEXT")
        String upper;

        @Parameters(index = "1", paramLabel = "LOWER", defaultValue = "")
        String lower;

        @Override
        int run() {
            try (CustomerDisplay display = factory().display(port)) {
                display.showLines(upper, lower);
                if (display.status().state() == DeviceState.ERROR) {
                    err().println(messages.get("cli.device.failed", port,
                            DeviceReasonText.text(display.status().cause(), messages)));
                    return ExitCodes.FAILURE;
                }
                out().println(messages.get("cli.device.shown", port));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "scanner", description = "Prints each scan on a line: code, classification, payment provider.")
    static final class ScannerCommand extends DeviceAction {
        @Option(names = "--port", required = true, paramLabel = "URI",
                description = "serial:/dev/ttyACM0?baud=9600&suffix=CR")
        String port;

        @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Scans to wait for.")
        int count;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Longest wait for all.")
        int timeoutSeconds;

        @Override
        int run() throws InterruptedException {
            BlockingQueue<Scan> scans = new ArrayBlockingQueue<>(Math.max(16, count * 2));
            ScanClassifier classifier = new ScanClassifier();
            try (Scanner scanner = factory().scanner(port)) {
                scanner.addScanListener(scans::offer);
                scanner.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
                for (int seen = 0; seen < count; seen++) {
                    Scan scan = scans.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (scan == null) {
                        err().println(messages.get("cli.device.noScan", seen, count, timeoutSeconds,
                                scanner.status()));
                        return ExitCodes.FAILURE;
                    }
                    ScanClassification kind = classifier.classify(scan.code());
                    out().println(scan.code() + "\t" + kind.kind()
                            + kind.provider().map(p -> "\t" + p).orElse("")
                            + (scan.aimIdentifier().isEmpty() ? "" : "\t" + scan.symbology()));
                    out().flush();
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "scale", description = "Prints the stable weight in grams, or why there is none.")
    static final class ScaleCommand extends DeviceAction {
        @Option(names = "--port", required = true, paramLabel = "URI", description = "serial:/dev/ttyUSB2?baud=9600")
        String port;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
                description = "How long to wait for the weight to settle.")
        int timeoutSeconds;

        @Override
        int run() throws InterruptedException {
            try (Scale scale = factory().scale(port)) {
                scale.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
                WeighResult result = scale.stableWeight();
                while (!(result instanceof WeighResult.Weighed) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    result = scale.stableWeight();
                }
                if (result instanceof WeighResult.Weighed weighed) {
                    out().println(messages.get("cli.device.weight", weighed.grams()));
                    return ExitCodes.OK;
                }
                WeighResult.Refused refused = (WeighResult.Refused) result;
                err().println(messages.get("cli.device.weightRefused", refused.reason(),
                        DeviceReasonText.text(refused.cause(), messages)));
                return ExitCodes.FAILURE;
            }
        }
    }
}
