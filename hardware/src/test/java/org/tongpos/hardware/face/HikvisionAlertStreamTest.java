package org.tongpos.hardware.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceState;

@Timeout(30)
class HikvisionAlertStreamTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200));
    private final BlockingQueue<FaceEvent> events = new LinkedBlockingQueue<>();

    private FaceEvent next() throws InterruptedException {
        FaceEvent event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).as("an event within 5 s").isNotNull();
        return event;
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void recognisedFaceBecomesTheEmployeeNumberAndEverythingElseIsSkippedOrReported() throws Exception {
        try (HikvisionTerminalSimulator terminal = new HikvisionTerminalSimulator();
             HikvisionAlertStream stream = new HikvisionAlertStream(terminal.baseUri(), HikvisionTerminalSimulator.USER,
                     HikvisionTerminalSimulator.PASSWORD, Clock.systemUTC(), Duration.ofSeconds(10), FAST)) {
            stream.addListener(events::add);
            stream.start();
            eventually(() -> stream.status().state() == DeviceState.CONNECTED);
            assertThat(terminal.unauthorised.get()).isEqualTo(1);

            terminal.pushJson(HikvisionTerminalSimulator.heartbeat());
            terminal.pushPicture();
            terminal.pushJson(HikvisionTerminalSimulator.faceEvent("1001", 75));
            terminal.pushJson("{\"eventType\":\"AccessControllerEvent\",\"AccessControllerEvent\":{\"majorEventType\":\"x\"");
            terminal.pushJson(HikvisionTerminalSimulator.faceEvent("1002", 76));
            terminal.pushJson(HikvisionTerminalSimulator.faceEvent("", 75));
            terminal.pushJson(HikvisionTerminalSimulator.faceEvent("2002", 75));

            assertThat(next()).isEqualTo(new FaceEvent.PersonRecognised("Hikvision 127.0.0.1:" + terminal.baseUri().getPort(),
                    "1001", Instant.parse("2024-05-01T03:58:03Z"), "face"));
            assertThat(next()).isInstanceOfSatisfying(FaceEvent.Malformed.class,
                    m -> assertThat(m.reason()).startsWith("event is not JSON"));
            assertThat(next()).isInstanceOfSatisfying(FaceEvent.Malformed.class,
                    m -> assertThat(m.reason()).contains("without employeeNoString"));
            assertThat(next()).isInstanceOfSatisfying(FaceEvent.PersonRecognised.class,
                    p -> assertThat(p.employeeNo()).isEqualTo("2002"));
            assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(stream.status().state()).isEqualTo(DeviceState.CONNECTED);
        }
    }

    @Test
    void streamClosedByTheTerminalIsOpenedAgain() throws Exception {
        try (HikvisionTerminalSimulator terminal = new HikvisionTerminalSimulator();
             HikvisionAlertStream stream = new HikvisionAlertStream(terminal.baseUri(), HikvisionTerminalSimulator.USER,
                     HikvisionTerminalSimulator.PASSWORD, Clock.systemUTC(), Duration.ofSeconds(10), FAST)) {
            stream.addListener(events::add);
            stream.start();
            eventually(() -> terminal.streamsOpened.get() == 1);
            terminal.closeStream();
            eventually(() -> terminal.streamsOpened.get() == 2);
            terminal.pushJson(HikvisionTerminalSimulator.faceEvent("3003", 75));
            assertThat(next()).isInstanceOfSatisfying(FaceEvent.PersonRecognised.class,
                    p -> assertThat(p.employeeNo()).isEqualTo("3003"));
        }
    }

    @Test
    void silentStreamIsDroppedAfterTheIdleTimeoutAndReopened() throws Exception {
        try (HikvisionTerminalSimulator terminal = new HikvisionTerminalSimulator();
             HikvisionAlertStream stream = new HikvisionAlertStream(terminal.baseUri(), HikvisionTerminalSimulator.USER,
                     HikvisionTerminalSimulator.PASSWORD, Clock.systemUTC(), Duration.ofMillis(400), FAST)) {
            stream.start();
            eventually(() -> terminal.streamsOpened.get() >= 2);
        }
    }

    @Test
    void wrongPasswordIsAClearError() throws Exception {
        try (HikvisionTerminalSimulator terminal = new HikvisionTerminalSimulator();
             HikvisionAlertStream stream = new HikvisionAlertStream(terminal.baseUri(), "admin", "wrong",
                     Clock.systemUTC(), Duration.ofSeconds(10), FAST)) {
            stream.start();
            eventually(() -> stream.status().state() == DeviceState.ERROR);
            assertThat(stream.status().reason()).isEqualTo("terminal refused the user name or password");
            assertThat(stream.status().cause().code()).isEqualTo(DeviceReason.Code.FACE_AUTH_REFUSED);
        }
    }

    @Test
    void unreachableTerminalIsAnErrorAndIsRetried() throws Exception {
        int port = org.tongpos.hardware.testsupport.RefusingPort.find();
        try (HikvisionAlertStream stream = new HikvisionAlertStream(java.net.URI.create("http://127.0.0.1:" + port),
                "admin", "x", Clock.systemUTC(), Duration.ofSeconds(10), FAST)) {
            stream.start();
            eventually(() -> stream.status().state() == DeviceState.ERROR);
            assertThat(stream.status().reason()).isEqualTo("cannot reach the terminal at 127.0.0.1:" + port + " (connection refused)");
            assertThat(stream.status().cause())
                    .isEqualTo(DeviceReason.of(DeviceReason.Code.FACE_UNREACHABLE, "127.0.0.1:" + port));
        }
    }
}
