package org.tongpos.hardware.face;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;
import org.tongpos.hardware.device.StatusReporter;

/**
 * The server side of ZKTeco's PUSH (ADMS / "iclock") protocol: the terminal is the HTTP client and we answer
 * <ul>
 *   <li>{@code GET /iclock/cdata?SN=…&options=all} — the hello, answered with the options the terminal should use
 *       (real-time upload, the server's time zone)</li>
 *   <li>{@code POST /iclock/cdata?SN=…&table=ATTLOG} — tab-separated attendance records
 *       {@code PIN \t yyyy-MM-dd HH:mm:ss \t status \t verify …}, answered {@code OK: n}</li>
 *   <li>{@code GET /iclock/getrequest?SN=…} — the command poll, answered {@code OK} (no commands)</li>
 * </ul>
 * Each record becomes a {@link FaceEvent.PersonRecognised}; a broken line becomes {@link FaceEvent.Malformed} and is
 * skipped, the rest of the upload is still taken (a refused upload would be resent forever).
 */
public final class ZktecoPushServer implements FaceTerminal {

    private static final Logger LOG = LoggerFactory.getLogger(ZktecoPushServer.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final InetSocketAddress bind;
    private final ZoneId deviceZone;
    private final Clock clock;
    private final StatusReporter reporter;
    private final List<FaceEventListener> listeners = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    /** @param deviceZone the zone the terminals' clocks are set to (records carry local time without zone) */
    public ZktecoPushServer(InetSocketAddress bind, ZoneId deviceZone, Clock clock) {
        this.bind = bind;
        this.deviceZone = deviceZone;
        this.clock = clock;
        this.reporter = new StatusReporter("ZKTeco PUSH server :" + bind.getPort(), clock);
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(bind, 16);
        } catch (IOException e) {
            reporter.error(DeviceReason.of(Code.FACE_PORT_IN_USE, bind.getPort(), e.getMessage()));
            throw new IllegalStateException("cannot listen on " + bind + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "zkteco-push");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/iclock/", this::handle);
        server.start();
        reporter.disconnected(DeviceReason.of(Code.FACE_WAITING));
    }

    /** The port actually listened on (useful with port 0). */
    public synchronized int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String serial = query.getOrDefault("SN", "?");
            String method = exchange.getRequestMethod();
            if (path.equals("/iclock/cdata") && method.equals("GET")) {
                reporter.connected();
                reply(exchange, 200, "GET OPTION FROM: " + serial + "\nATTLOGStamp=None\nOPERLOGStamp=9999\n"
                        + "ATTPHOTOStamp=None\nErrorDelay=30\nDelay=10\nTransTimes=00:00;14:05\nTransInterval=1\n"
                        + "TransFlag=TransData AttLog\nTimeZone=" + (deviceZone.getRules().getOffset(clock.instant())
                        .getTotalSeconds() / 3600) + "\nRealtime=1\nEncrypt=None\n");
            } else if (path.equals("/iclock/cdata") && method.equals("POST")) {
                reporter.connected();
                byte[] body = exchange.getRequestBody().readNBytes(1024 * 1024);
                String table = query.getOrDefault("table", "");
                int count = table.equals("ATTLOG") ? attendance(serial, new String(body, StandardCharsets.UTF_8)) : 0;
                reply(exchange, 200, "OK: " + count);
            } else if (path.equals("/iclock/getrequest") || path.equals("/iclock/devicecmd")) {
                reporter.connected();
                reply(exchange, 200, "OK");
            } else {
                reply(exchange, 404, "unknown");
            }
        } catch (RuntimeException e) {
            LOG.error("ZKTeco request failed", e);
        }
    }

    private int attendance(String serial, String body) {
        String terminal = "ZKTeco " + serial;
        int accepted = 0;
        for (String line : body.split("\\r?\\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 2 || fields[0].isBlank()) {
                publish(new FaceEvent.Malformed(terminal, "attendance record without PIN and time: '" + clip(line) + "'"));
                continue;
            }
            LocalDateTime time;
            try {
                time = LocalDateTime.parse(fields[1].trim(), TIME);
            } catch (DateTimeParseException e) {
                publish(new FaceEvent.Malformed(terminal, "attendance record with bad time '" + clip(fields[1]) + "'"));
                continue;
            }
            String verify = fields.length > 3 ? fields[3].trim() : "";
            publish(new FaceEvent.PersonRecognised(terminal, fields[0].trim(), time.atZone(deviceZone).toInstant(),
                    method(verify)));
            accepted++;
        }
        return accepted;
    }

    private static String method(String verify) {
        return switch (verify) {
            case "15" -> "face";
            case "1" -> "fingerprint";
            case "4" -> "card";
            case "0", "3" -> "password";
            default -> "other";
        };
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void publish(FaceEvent event) {
        if (event instanceof FaceEvent.Malformed malformed) {
            LOG.warn("{}: {}", malformed.terminal(), malformed.reason());
        }
        for (FaceEventListener listener : listeners) {
            try {
                listener.faceEvent(event);
            } catch (RuntimeException e) {
                LOG.error("face event listener failed", e);
            }
        }
    }

    @Override
    public void addListener(FaceEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void addStatusListener(DeviceStatusListener listener) {
        reporter.addListener(listener);
    }

    @Override
    public DeviceStatus status() {
        return reporter.current();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
        reporter.closed();
    }
}
