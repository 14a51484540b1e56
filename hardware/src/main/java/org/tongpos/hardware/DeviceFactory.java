package org.tongpos.hardware;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.tongpos.hardware.card.CardReader;
import org.tongpos.hardware.card.PcscCardReader;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.InvalidDeviceAddressException;
import org.tongpos.hardware.display.Cd5220Display;
import org.tongpos.hardware.display.CustomerDisplay;
import org.tongpos.hardware.display.DisplayLabels;
import org.tongpos.hardware.display.DisplayMode;
import org.tongpos.hardware.escpos.EscPosRenderer;
import org.tongpos.hardware.face.FaceTerminal;
import org.tongpos.hardware.face.HikvisionAlertStream;
import org.tongpos.hardware.face.ZktecoPushServer;
import org.tongpos.hardware.link.ByteLink;
import org.tongpos.hardware.link.ByteLinks;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.printer.EscPosPrinter;
import org.tongpos.hardware.printer.PrinterSettings;
import org.tongpos.hardware.printer.ReceiptPrinter;
import org.tongpos.hardware.scale.Scale;
import org.tongpos.hardware.scale.SerialScale;
import org.tongpos.hardware.scanner.Scanner;
import org.tongpos.hardware.scanner.SerialScanner;
import org.tongpos.hardware.sim.SimulatedCardReader;
import org.tongpos.hardware.sim.SimulatedDisplay;
import org.tongpos.hardware.sim.SimulatedFaceTerminal;
import org.tongpos.hardware.sim.SimulatedPrinter;
import org.tongpos.hardware.sim.SimulatedScale;
import org.tongpos.hardware.sim.SimulatedScanner;

/**
 * Makes the driver a configured address names. Address parameters beyond the scheme's own:
 * <ul>
 *   <li>printer: {@code status=required|if-answered|off} (default required on tcp/serial, off on file);
 *       {@code width=58|80} for the simulator's paper</li>
 *   <li>scanner: {@code suffix=CR|LF|CRLF}, {@code charset=UTF-8|GB18030}</li>
 *   <li>display: {@code mode=text|led}, {@code charset=GB18030|US-ASCII}, {@code lang=zh|en}</li>
 * </ul>
 * Devices are returned unstarted where they have a {@code start()}; the caller owns and closes them.
 */
public final class DeviceFactory {

    private final Clock clock;
    private final LinkTimeouts timeouts;
    private final Backoff backoff;

    public DeviceFactory(Clock clock) {
        this(clock, LinkTimeouts.DEFAULT, Backoff.DEFAULT);
    }

    public DeviceFactory(Clock clock, LinkTimeouts timeouts, Backoff backoff) {
        this.clock = clock;
        this.timeouts = timeouts;
        this.backoff = backoff;
    }

    public ReceiptPrinter printer(String uri) {
        DeviceAddress address = DeviceAddress.parse(uri);
        if (address.isSimulator()) {
            int width = address.intParameter("width").orElse(80);
            return new SimulatedPrinter(width == 58 ? EscPosRenderer.DOTS_58MM : EscPosRenderer.DOTS_80MM, clock);
        }
        ByteLink link = ByteLinks.forAddress(address, timeouts);
        PrinterSettings settings = PrinterSettings.defaults().withBackoff(backoff, 3)
                .withCloseAfterJob(address.scheme() == DeviceAddress.Scheme.TCP);
        String status = address.parameter("status").orElse("required").toLowerCase(Locale.ROOT);
        settings = switch (status) {
            case "required" -> settings.withStatusCheck(PrinterSettings.StatusCheck.REQUIRED);
            case "if-answered" -> settings.withStatusCheck(PrinterSettings.StatusCheck.IF_ANSWERED);
            case "off" -> settings.withStatusCheck(PrinterSettings.StatusCheck.OFF);
            default -> throw new InvalidDeviceAddressException(uri, "status must be required, if-answered or off");
        };
        return new EscPosPrinter(link, settings, clock);
    }

    public Scanner scanner(String uri) {
        DeviceAddress address = DeviceAddress.parse(uri);
        if (address.isSimulator()) {
            return new SimulatedScanner(clock);
        }
        requireSerial(address, "a scanner");
        return new SerialScanner(ByteLinks.forAddress(address, timeouts), address.suffix(), charset(address, StandardCharsets.UTF_8),
                clock, backoff);
    }

    public CustomerDisplay display(String uri) {
        DeviceAddress address = DeviceAddress.parse(uri);
        boolean chinese = !address.parameter("lang").orElse("zh").equalsIgnoreCase("en");
        DisplayLabels labels = chinese ? DisplayLabels.chinese() : DisplayLabels.english();
        if (address.isSimulator()) {
            return new SimulatedDisplay(labels, clock);
        }
        DisplayMode mode = switch (address.parameter("mode").orElse("text").toLowerCase(Locale.ROOT)) {
            case "text" -> DisplayMode.TWO_LINE_TEXT;
            case "led" -> DisplayMode.PRICE_LED;
            default -> throw new InvalidDeviceAddressException(uri, "mode must be text or led");
        };
        return new Cd5220Display(ByteLinks.forAddress(address, timeouts), mode,
                charset(address, chinese ? Charset.forName("GB18030") : StandardCharsets.US_ASCII), labels, clock, backoff);
    }

    public Scale scale(String uri) {
        DeviceAddress address = DeviceAddress.parse(uri);
        if (address.isSimulator()) {
            return new SimulatedScale(clock);
        }
        requireSerial(address, "a scale");
        return new SerialScale(ByteLinks.forAddress(address, timeouts), clock, Duration.ofSeconds(2), backoff);
    }

    public CardReader cardReader(String uri) {
        DeviceAddress address = DeviceAddress.parse(uri);
        return switch (address.scheme()) {
            case SIM -> new SimulatedCardReader(clock);
            case PCSC -> new PcscCardReader(address.name(), clock, Duration.ofMillis(200), backoff);
            default -> throw new InvalidDeviceAddressException(uri, "a card reader needs pcsc: or sim:");
        };
    }

    /** The face terminal simulator for {@code sim:}; real terminals are made by the two methods below. */
    public FaceTerminal faceTerminal(String uri) {
        DeviceAddress address = DeviceAddress.parse(uri);
        if (!address.isSimulator()) {
            throw new InvalidDeviceAddressException(uri, "use hikvision(...) or zktecoServer(...) for real face terminals");
        }
        return new SimulatedFaceTerminal(clock);
    }

    /** A Hikvision face terminal's alert stream, e.g. {@code http://192.168.1.64}, with its web user. */
    public FaceTerminal hikvision(URI baseUri, String user, String password) {
        return new HikvisionAlertStream(baseUri, user, password, clock, Duration.ofSeconds(60), backoff);
    }

    /**
     * The PUSH server ZKTeco terminals upload to (their "server address" points at this port); it retries a taken port
     * with this factory's backoff and says DISCONNECTED after {@link ZktecoPushServer#DEFAULT_SILENCE_LIMIT} of silence.
     */
    public FaceTerminal zktecoServer(int port, ZoneId terminalZone) {
        return new ZktecoPushServer(new InetSocketAddress(port), terminalZone, clock, backoff,
                ZktecoPushServer.DEFAULT_SILENCE_LIMIT, Duration.ofSeconds(1));
    }

    private static void requireSerial(DeviceAddress address, String what) {
        if (address.scheme() != DeviceAddress.Scheme.SERIAL) {
            throw new InvalidDeviceAddressException(address.toString(), what + " needs a serial: or sim: address");
        }
    }

    private static Charset charset(DeviceAddress address, Charset fallback) {
        return address.parameter("charset").map(name -> {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidDeviceAddressException(address.toString(), "unknown charset " + name);
            }
        }).orElse(fallback);
    }
}
