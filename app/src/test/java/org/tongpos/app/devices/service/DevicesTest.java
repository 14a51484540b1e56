package org.tongpos.app.devices.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tongpos.app.devices.domain.DeviceConfig;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.hardware.DeviceFactory;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.link.LinkTimeouts;

@Timeout(30)
class DevicesTest {

    @Test
    void aZktecoPortHeldByAnotherProgramIsTakenOnceFreeAndTheHealthFollowsWithoutReconfiguring() throws Exception {
        Clock clock = Clock.systemUTC();
        DeviceFactory factory = new DeviceFactory(clock, LinkTimeouts.DEFAULT,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)));
        ServerSocket other = new ServerSocket(0);
        int port = other.getLocalPort();
        try (Devices devices = Devices.open(onlyFace("zkteco:" + port), factory, clock)) {
            assertThat(devices.health(DeviceKind.FACE_TERMINAL).state()).isEqualTo(DeviceState.ERROR);
            assertThat(devices.health(DeviceKind.FACE_TERMINAL).cause().code()).isEqualTo(Code.FACE_PORT_IN_USE);

            other.close();
            eventually(() -> devices.health(DeviceKind.FACE_TERMINAL).cause().code() == Code.FACE_WAITING,
                    "the port is bound by itself once free");

            HttpResponse<String> poll = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/iclock/getrequest?SN=X1")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(poll.body()).isEqualTo("OK");
            eventually(() -> devices.health(DeviceKind.FACE_TERMINAL).state() == DeviceState.CONNECTED,
                    "a terminal calling in is connected");
        } finally {
            other.close();
        }
    }

    private static DeviceConfig onlyFace(String address) {
        DeviceConfig config = DeviceConfig.defaults();
        for (DeviceKind kind : DeviceKind.values()) {
            config = config.withAddress(kind, kind == DeviceKind.FACE_TERMINAL ? address : "");
        }
        return config;
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(10);
        }
    }
}
