package org.tongpos.hardware.face;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceIOException;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.ReportingDevice;

/**
 * Reads a Hikvision face terminal's event stream: a long-lived {@code GET /ISAPI/Event/notification/alertStream}
 * (HTTP Digest auth) answering {@code multipart/mixed} parts, of which the JSON {@code AccessControllerEvent}s become
 * {@link FaceEvent}s. A stream that ends, fails or stays silent longer than {@code idleTimeout} (terminals send
 * heartbeats) is opened again with backoff.
 */
public final class HikvisionAlertStream extends ReportingDevice implements FaceTerminal {

    private static final Logger LOG = LoggerFactory.getLogger(HikvisionAlertStream.class);
    static final String PATH = "/ISAPI/Event/notification/alertStream";

    private final URI streamUri;
    private final Optional<DigestAuthenticator> digest;
    private final Duration idleTimeout;
    private final Backoff backoff;
    private final HttpClient http;
    private final HikvisionEventParser parser;
    private final List<FaceEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong lastActivity = new AtomicLong();
    private volatile InputStream current;
    private Thread thread;

    /** @param baseUri e.g. {@code http://192.168.1.64}; user and password may be null for no authentication */
    public HikvisionAlertStream(URI baseUri, String user, String password, Clock clock, Duration idleTimeout,
                                Backoff backoff) {
        super("face terminal " + nameOf(baseUri), clock);
        this.streamUri = baseUri.resolve(PATH);
        this.digest = user == null ? Optional.empty() : Optional.of(new DigestAuthenticator(user, password));
        this.idleTimeout = idleTimeout;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.parser = new HikvisionEventParser(nameOf(baseUri), clock);
    }

    private static String nameOf(URI baseUri) {
        return "Hikvision " + baseUri.getHost() + (baseUri.getPort() > 0 ? ":" + baseUri.getPort() : "");
    }

    @Override
    public void addListener(FaceEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        thread = new Thread(this::loop, "hikvision-alert-stream");
        thread.setDaemon(true);
        thread.start();
        Thread watchdog = new Thread(this::watchIdle, "hikvision-idle-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void loop() {
        int failures = 0;
        while (running.get()) {
            try {
                readStream();
                failures = 0;
                if (running.get()) {
                    reporter.error(DeviceReason.of(Code.FACE_STREAM_CLOSED));
                }
            } catch (java.net.ConnectException e) {
                failures++;
                if (running.get()) {
                    reporter.error(DeviceReason.of(Code.FACE_UNREACHABLE, streamUri.getHost() + ":" + port()));
                }
            } catch (java.net.http.HttpConnectTimeoutException e) {
                failures++;
                if (running.get()) {
                    reporter.error(DeviceReason.of(Code.FACE_CONNECT_TIMEOUT, streamUri.getHost()));
                }
            } catch (IOException e) {
                failures++;
                if (running.get()) {
                    reporter.error(DeviceReason.from(e, "event stream failed: " + e.getClass().getSimpleName()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(backoff.delayAfter(Math.max(1, failures)));
        }
    }

    private void readStream() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(null), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 401 && digest.isPresent()) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            response.body().close();
            String authorization;
            try {
                authorization = digest.get().authorization(challenge, "GET", streamUri.getRawPath());
            } catch (IllegalArgumentException e) {
                throw new DeviceIOException(DeviceReason.of(Code.FACE_AUTH_UNSUPPORTED, challenge), null);
            }
            response = http.send(request(authorization), HttpResponse.BodyHandlers.ofInputStream());
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new DeviceIOException(response.statusCode() == 401 ? DeviceReason.of(Code.FACE_AUTH_REFUSED)
                    : DeviceReason.of(Code.FACE_HTTP_STATUS, response.statusCode()), null);
        }
        String boundary = MultipartReader.boundaryOf(response.headers().firstValue("Content-Type").orElse(""));
        try (InputStream body = response.body()) {
            current = body;
            lastActivity.set(System.nanoTime());
            reporter.connected();
            MultipartReader parts = new MultipartReader(body, boundary);
            while (running.get()) {
                MultipartReader.Part part = parts.next();
                lastActivity.set(System.nanoTime());
                if (part.contentType().toLowerCase(java.util.Locale.ROOT).contains("json")) {
                    parser.parse(part.body()).ifPresent(this::publish);
                }
            }
        } finally {
            current = null;
        }
    }

    private int port() {
        return streamUri.getPort() > 0 ? streamUri.getPort() : 80;
    }

    private HttpRequest request(String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(streamUri).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private void watchIdle() {
        while (running.get()) {
            sleep(Duration.ofMillis(Math.max(50, idleTimeout.toMillis() / 4)));
            InputStream stream = current;
            if (stream != null && System.nanoTime() - lastActivity.get() > idleTimeout.toNanos()) {
                LOG.warn("no event or heartbeat for {} ms, reconnecting", idleTimeout.toMillis());
                reporter.error(DeviceReason.of(Code.FACE_NO_HEARTBEAT, idleTimeout.toSeconds()));
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // reconnecting anyway
                }
            }
        }
    }

    private void publish(FaceEvent event) {
        if (event instanceof FaceEvent.Malformed malformed) {
            LOG.warn("malformed event from {}: {}", malformed.terminal(), malformed.reason());
        }
        for (FaceEventListener listener : listeners) {
            try {
                listener.faceEvent(event);
            } catch (RuntimeException e) {
                LOG.error("face event listener failed", e);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        InputStream stream = current;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
        reporter.closed();
    }
}
