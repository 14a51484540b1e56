package org.tongpos.hardware.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.testkit.MutableClock;

/** A ZKTeco terminal simulated as the HTTP client it is, talking PUSH to our server. */
@Timeout(30)
class ZktecoPushServerTest {

    private static final Backoff FAST_RETRY = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100));
    private static final Duration CHECK = Duration.ofMillis(10);

    private final List<FaceEvent> events = new CopyOnWriteArrayList<>();
    private final HttpClient device = HttpClient.newHttpClient();
    private ZktecoPushServer server;
    private String base;

    @BeforeEach
    void start() {
        server = new ZktecoPushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
        server.addListener(events::add);
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return device.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return device.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void terminalSessionHelloAttendanceUploadAndCommandPoll() throws Exception {
        HttpResponse<String> hello = get("/iclock/cdata?SN=CKJE201960001&options=all&pushver=2.4.1&language=83");
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).startsWith("GET OPTION FROM: CKJE201960001\n").contains("Realtime=1", "TimeZone=8");
        assertThat(server.status().state()).isEqualTo(DeviceState.CONNECTED);

        HttpResponse<String> upload = post("/iclock/cdata?SN=CKJE201960001&table=ATTLOG&Stamp=9999",
                "1001\t2024-05-01 11:58:03\t0\t15\t0\t0\t0\n1002\t2024-05-01 11:58:09\t0\t1\t0\t0\t0\n");
        assertThat(upload.body()).isEqualTo("OK: 2");

        assertThat(get("/iclock/getrequest?SN=CKJE201960001").body()).isEqualTo("OK");

        assertThat(events).containsExactly(
                new FaceEvent.PersonRecognised("ZKTeco CKJE201960001", "1001", Instant.parse("2024-05-01T03:58:03Z"), "face"),
                new FaceEvent.PersonRecognised("ZKTeco CKJE201960001", "1002", Instant.parse("2024-05-01T03:58:09Z"),
                        "fingerprint"));
    }

    @Test
    void malformedRecordsAreReportedAndTheGoodOnesStillTaken() throws Exception {
        HttpResponse<String> upload = post("/iclock/cdata?SN=X1&table=ATTLOG",
                "garbage-without-tabs\n2001\tyesterday noon\t0\t15\n\t2024-05-01 12:00:00\t0\t15\n2002\t2024-05-01 12:00:01\t0\t15\n");
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).isEqualTo("OK: 1");

        List<String> malformed = new ArrayList<>();
        for (FaceEvent e : events) {
            if (e instanceof FaceEvent.Malformed m) {
                malformed.add(m.reason());
            }
        }
        assertThat(malformed).hasSize(3);
        assertThat(malformed.get(1)).contains("bad time 'yesterday noon'");
        assertThat(events).filteredOn(FaceEvent.PersonRecognised.class::isInstance)
                .extracting(e -> ((FaceEvent.PersonRecognised) e).employeeNo()).containsExactly("2002");
    }

    @Test
    void otherTablesAndUnknownPathsDoNotProduceEvents() throws Exception {
        assertThat(post("/iclock/cdata?SN=X1&table=OPERLOG", "OPLOG 4\t0\t2024-05-01 12:00:00\t0\t0\t0\t0\n").body())
                .isEqualTo("OK: 0");
        assertThat(get("/iclock/nothing").statusCode()).isEqualTo(404);
        assertThat(events).isEmpty();
    }

    @Test
    void aPortHeldByAnotherProgramIsAClearErrorAndIsBoundByItselfOnceReleased() throws Exception {
        ZktecoPushServer waiting;
        int port;
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = other.getLocalPort();
            waiting = new ZktecoPushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), FAST_RETRY, Duration.ofSeconds(30), CHECK);
            waiting.start();

            assertThat(waiting.isListening()).isFalse();
            assertThat(waiting.status().state()).isEqualTo(DeviceState.ERROR);
            assertThat(waiting.status().cause().code()).isEqualTo(Code.FACE_PORT_IN_USE);
            assertThat(waiting.status().cause().args()).first().isEqualTo(String.valueOf(port));
            Thread.sleep(200); // a few retries while the port is still held
            assertThat(waiting.isListening()).isFalse();
        }
        try {
            await(() -> waiting.isListening(), "the server binds the port once it is free");
            assertThat(waiting.status().cause()).isEqualTo(DeviceReason.of(Code.FACE_WAITING));
            base = "http://127.0.0.1:" + port;
            assertThat(get("/iclock/getrequest?SN=X1").body()).isEqualTo("OK");
            assertThat(waiting.status().state()).isEqualTo(DeviceState.CONNECTED);
        } finally {
            waiting.close();
        }
    }

    @Test
    void aTerminalThatStopsCallingInIsDisconnectedAndConnectedAgainWhenItCalls() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-01T03:00:00Z"));
        ZktecoPushServer watched = new ZktecoPushServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ZoneId.of("Asia/Shanghai"), clock, FAST_RETRY, Duration.ofSeconds(30), CHECK);
        watched.start();
        try {
            base = "http://127.0.0.1:" + watched.port();
            assertThat(watched.status().cause()).isEqualTo(DeviceReason.of(Code.FACE_WAITING));
            get("/iclock/cdata?SN=X1&options=all");
            assertThat(watched.status().state()).isEqualTo(DeviceState.CONNECTED);

            clock.advance(Duration.ofSeconds(29));
            Thread.sleep(100); // several silence checks
            assertThat(watched.status().state()).as("within the limit").isEqualTo(DeviceState.CONNECTED);

            clock.advance(Duration.ofSeconds(2));
            await(() -> watched.status().state() == DeviceState.DISCONNECTED, "silence makes it disconnected");
            assertThat(watched.status().cause()).isEqualTo(DeviceReason.of(Code.FACE_SILENT, 30));
            assertThat(watched.status().reason()).isEqualTo("no terminal has called in for 30 s");

            get("/iclock/getrequest?SN=X1");
            assertThat(watched.status().state()).isEqualTo(DeviceState.CONNECTED);
            Thread.sleep(100);
            assertThat(watched.status().state()).as("the new request restarted the count").isEqualTo(DeviceState.CONNECTED);
        } finally {
            watched.close();
        }
    }

    @Test
    void optionsTellTheTerminalThePollDelayTheSilenceLimitCounts() throws Exception {
        assertThat(get("/iclock/cdata?SN=X1&options=all").body())
                .contains("\nDelay=" + ZktecoPushServer.POLL_DELAY.toSeconds() + "\n");
        assertThat(ZktecoPushServer.DEFAULT_SILENCE_LIMIT).isEqualTo(ZktecoPushServer.POLL_DELAY.multipliedBy(3));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(10);
        }
    }
}
