package org.tongpos.hardware.face;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.ReportingDevice;

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
 *
 * <p>The terminal is the one that connects, so its state is what the server last heard: CONNECTED after any request,
 * DISCONNECTED once no request came for {@code silenceLimit} (a terminal polls every {@link #POLL_DELAY}). A port
 * that cannot be bound (another program holds it) is tried again with backoff until it can.
 */
public final class ZktecoPushServer extends ReportingDevice implements FaceTerminal {

    private static final Logger LOG = LoggerFactory.getLogger(ZktecoPushServer.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** How often the terminal is told to poll for commands ({@code Delay=} in the options it gets). */
    public static final Duration POLL_DELAY = Duration.ofSeconds(10);
    /** Three missed polls: the terminal is off, unplugged or points elsewhere. */
    public static final Duration DEFAULT_SILENCE_LIMIT = POLL_DELAY.multipliedBy(3);
    private static final Duration DEFAULT_SILENCE_CHECK = Duration.ofSeconds(1);

    private final InetSocketAddress bind;
    private final ZoneId deviceZone;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration silenceLimit;
    private final Duration silenceCheck;
    private final List<FaceEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Object heard = new Object();
    private Instant lastRequest;
    private ScheduledExecutorService timer;
    private HttpServer server;
    private ExecutorService executor;
    private int bindFailures;

    /** @param deviceZone the zone the terminals' clocks are set to (records carry local time without zone) */
    public ZktecoPushServer(InetSocketAddress bind, ZoneId deviceZone, Clock clock) {
        this(bind, deviceZone, clock, Backoff.DEFAULT, DEFAULT_SILENCE_LIMIT, DEFAULT_SILENCE_CHECK);
    }

    /**
     * @param backoff      delays between attempts to bind the port
     * @param silenceLimit how long (by {@code clock}) without a request until the terminal counts as gone
     * @param silenceCheck how often (real time) the silence is looked at
     */
    public ZktecoPushServer(InetSocketAddress bind, ZoneId deviceZone, Clock clock, Backoff backoff,
                            Duration silenceLimit, Duration silenceCheck) {
        super("ZKTeco PUSH server :" + bind.getPort(), clock);
        if (silenceLimit.isNegative() || silenceLimit.isZero() || silenceCheck.isNegative() || silenceCheck.isZero()) {
            throw new IllegalArgumentException("silence limit and check interval must be positive");
        }
        this.bind = bind;
        this.deviceZone = deviceZone;
        this.clock = clock;
        this.backoff = backoff;
        this.silenceLimit = silenceLimit;
        this.silenceCheck = silenceCheck;
    }

    /** Listens on the port now, or keeps trying in the background while it is taken; never throws for that. */
    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zkteco-push-timer");
            t.setDaemon(true);
            return t;
        });
        listen();
        long every = silenceCheck.toMillis();
        timer.scheduleWithFixedDelay(this::checkSilence, every, every, TimeUnit.MILLISECONDS);
    }

    private synchronized void listen() {
        if (timer == null || server != null) {
            return; // closed meanwhile, or already listening
        }
        HttpServer bound;
        try {
            bound = HttpServer.create(bind, 16);
        } catch (IOException e) {
            bindFailures++;
            Duration wait = backoff.delayAfter(bindFailures);
            reporter.error(DeviceReason.of(Code.FACE_PORT_IN_USE, bind.getPort(), e.getMessage()));
            LOG.debug("cannot listen on {} ({}), trying again in {} ms", bind, e.getMessage(), wait.toMillis());
            timer.schedule(this::listen, wait.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        bindFailures = 0;
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "zkteco-push");
            t.setDaemon(true);
            return t;
        });
        bound.setExecutor(executor);
        bound.createContext("/iclock/", this::handle);
        bound.start();
        server = bound;
        reporter.disconnected(DeviceReason.of(Code.FACE_WAITING));
    }

    /** Whether the port is bound (it may still be waiting for another program to let go of it). */
    public synchronized boolean isListening() {
        return server != null;
    }

    /** The port actually listened on (useful with port 0); the configured port while not listening yet. */
    public synchronized int port() {
        return server == null ? bind.getPort() : server.getAddress().getPort();
    }

    /** A terminal called in: it is there. */
    private void heardFromTerminal() {
        synchronized (heard) {
            lastRequest = clock.instant();
            reporter.connected();
        }
    }

    private void checkSilence() {
        synchronized (heard) {
            if (lastRequest == null || reporter.current().state() != DeviceState.CONNECTED) {
                return;
            }
            if (Duration.between(lastRequest, clock.instant()).compareTo(silenceLimit) > 0) {
                reporter.disconnected(DeviceReason.of(Code.FACE_SILENT, silenceLimit.toSeconds()));
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String serial = query.getOrDefault("SN", "?");
            String method = exchange.getRequestMethod();
            if (path.equals("/iclock/cdata") && method.equals("GET")) {
                heardFromTerminal();
                reply(exchange, 200, "GET OPTION FROM: " + serial + "\nATTLOGStamp=None\nOPERLOGStamp=9999\n"
                        + "ATTPHOTOStamp=None\nErrorDelay=30\nDelay=" + POLL_DELAY.toSeconds()
                        + "\nTransTimes=00:00;14:05\nTransInterval=1\n"
                        + "TransFlag=TransData AttLog\nTimeZone=" + (deviceZone.getRules().getOffset(clock.instant())
                        .getTotalSeconds() / 3600) + "\nRealtime=1\nEncrypt=None\n");
            } else if (path.equals("/iclock/cdata") && method.equals("POST")) {
                heardFromTerminal();
                byte[] body = exchange.getRequestBody().readNBytes(1024 * 1024);
                String table = query.getOrDefault("table", "");
                int count = table.equals("ATTLOG") ? attendance(serial, new String(body, StandardCharsets.UTF_8)) : 0;
                reply(exchange, 200, "OK: " + count);
            } else if (path.equals("/iclock/getrequest") || path.equals("/iclock/devicecmd")) {
                heardFromTerminal();
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
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
        reporter.closed();
    }
}
