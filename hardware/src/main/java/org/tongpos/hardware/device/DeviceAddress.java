package org.tongpos.hardware.device;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a device lives, as written in the terminal's configuration.
 *
 * <ul>
 *   <li>{@code tcp://host:port} — network device (receipt printer on port 9100, display server)</li>
 *   <li>{@code serial:/dev/ttyUSB0?baud=9600&suffix=CR} — serial port by path (ptys are not listed, so any path)</li>
 *   <li>{@code file:/dev/usb/lp0} — a device file written directly (USB printer class)</li>
 *   <li>{@code pcsc:} or {@code pcsc:Reader Name} — a PC/SC reader, optionally by name</li>
 *   <li>{@code sim:} or {@code sim:name} — the simulator of that device</li>
 * </ul>
 *
 * Parsed by hand rather than with {@link java.net.URI}: {@code pcsc:} has an empty scheme-specific part and
 * reader names contain spaces, both of which {@code URI} rejects.
 */
public final class DeviceAddress {

    public enum Scheme { TCP, SERIAL, FILE, PCSC, SIM }

    private final Scheme scheme;
    private final String text;
    private final String host;
    private final int port;
    private final String path;
    private final Map<String, String> parameters;

    private DeviceAddress(Scheme scheme, String text, String host, int port, String path, Map<String, String> parameters) {
        this.scheme = scheme;
        this.text = text;
        this.host = host;
        this.port = port;
        this.path = path;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    public static DeviceAddress parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidDeviceAddressException(uri, "the address is empty");
        }
        String text = uri.trim();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidDeviceAddressException(text, "expected scheme:..., one of tcp, serial, file, pcsc, sim");
        }
        String schemeName = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = text.substring(colon + 1);
        if (schemeName.equals("pcsc")) {
            // reader names are free text: no parameters
            return new DeviceAddress(Scheme.PCSC, text, null, 0, decode(text, rest.trim()), new LinkedHashMap<>());
        }
        int question = rest.indexOf('?');
        String body = question >= 0 ? rest.substring(0, question) : rest;
        Map<String, String> parameters = parameters(text, question >= 0 ? rest.substring(question + 1) : "");
        DeviceAddress address = switch (schemeName) {
            case "tcp" -> parseTcp(text, body, parameters);
            case "serial" -> parseSerial(text, body, parameters);
            case "file" -> parseFile(text, body, parameters);
            case "sim" -> new DeviceAddress(Scheme.SIM, text, null, 0, body.trim(), parameters);
            default -> throw new InvalidDeviceAddressException(text,
                    "unknown scheme '" + schemeName + "', expected one of tcp, serial, file, pcsc, sim");
        };
        address.intParameter("baud").ifPresent(baud -> {
            if (baud <= 0) {
                throw new InvalidDeviceAddressException(text, "baud must be positive");
            }
        });
        address.parameter("suffix").ifPresent(suffix -> LineSuffix.parse(suffix, text));
        return address;
    }

    private static Map<String, String> parameters(String text, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new InvalidDeviceAddressException(text, "parameter '" + pair + "' is not name=value");
            }
            String name = decode(text, pair.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (parameters.put(name, decode(text, pair.substring(equals + 1))) != null) {
                throw new InvalidDeviceAddressException(text, "parameter '" + name + "' is given twice");
            }
        }
        return parameters;
    }

    private static DeviceAddress parseTcp(String text, String rest, Map<String, String> parameters) {
        if (!rest.startsWith("//")) {
            throw new InvalidDeviceAddressException(text, "expected tcp://host:port");
        }
        String authority = rest.substring(2);
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            if (!authority.substring(slash).equals("/")) {
                throw new InvalidDeviceAddressException(text, "a tcp address has no path");
            }
            authority = authority.substring(0, slash);
        }
        int portSeparator = authority.lastIndexOf(':');
        if (portSeparator <= 0) {
            throw new InvalidDeviceAddressException(text, "expected tcp://host:port with a port number");
        }
        String host = authority.substring(0, portSeparator);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new InvalidDeviceAddressException(text, "the host is empty");
        }
        int port = parsePort(text, authority.substring(portSeparator + 1));
        return new DeviceAddress(Scheme.TCP, text, host, port, null, parameters);
    }

    private static int parsePort(String text, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value < 1 || value > 65535) {
                throw new InvalidDeviceAddressException(text, "port " + value + " is outside 1..65535");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidDeviceAddressException(text, "port '" + port + "' is not a number");
        }
    }

    private static DeviceAddress parseFile(String text, String rest, Map<String, String> parameters) {
        String path = rest.startsWith("//") ? rest.substring(2) : rest;
        if (path.isBlank()) {
            throw new InvalidDeviceAddressException(text, "expected file:/path/to/device");
        }
        return new DeviceAddress(Scheme.FILE, text, null, 0, decode(text, path), parameters);
    }

    private static DeviceAddress parseSerial(String text, String rest, Map<String, String> parameters) {
        String path = rest.startsWith("//") ? rest.substring(2) : rest;
        if (path.isBlank()) {
            throw new InvalidDeviceAddressException(text, "expected serial:/dev/ttyXXX (or serial:COM3) with a port path");
        }
        return new DeviceAddress(Scheme.SERIAL, text, null, 0, decode(text, path), parameters);
    }

    private static String decode(String text, String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidDeviceAddressException(text, "bad %-escape in '" + part + "'");
        }
    }

    public Scheme scheme() {
        return scheme;
    }

    public boolean isSimulator() {
        return scheme == Scheme.SIM;
    }

    /** Host of a {@code tcp:} address. */
    public String host() {
        requireScheme(Scheme.TCP);
        return host;
    }

    /** Port of a {@code tcp:} address. */
    public int port() {
        requireScheme(Scheme.TCP);
        return port;
    }

    /** Device path of {@code serial:} and {@code file:} addresses. */
    public String path() {
        if (scheme != Scheme.SERIAL && scheme != Scheme.FILE) {
            throw new IllegalStateException(text + " has no device path");
        }
        return path;
    }

    /** Reader name of a {@code pcsc:} address, or the simulator name of {@code sim:}; empty means "any". */
    public Optional<String> name() {
        if (scheme != Scheme.PCSC && scheme != Scheme.SIM) {
            return Optional.empty();
        }
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<Integer> intParameter(String name) {
        return parameter(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new InvalidDeviceAddressException(text, "parameter " + name + "=" + value + " is not a number");
            }
        });
    }

    /** The serial baud rate, 9600 unless given. */
    public int baud() {
        return intParameter("baud").orElse(9600);
    }

    /** The line suffix of a serial input device, CR unless given. */
    public LineSuffix suffix() {
        return parameter("suffix").map(s -> LineSuffix.parse(s, text)).orElse(LineSuffix.CR);
    }

    private void requireScheme(Scheme expected) {
        if (scheme != expected) {
            throw new IllegalStateException(text + " is not a " + expected.name().toLowerCase(Locale.ROOT) + " address");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceAddress other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
