package org.tongpos.hardware.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.link.ByteLinks;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.testsupport.DeviceEnd;
import org.tongpos.hardware.testsupport.SocatPair;

@Timeout(30)
class SerialScannerTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200));

    private final BlockingQueue<Scan> scans = new LinkedBlockingQueue<>();
    private final BlockingQueue<DeviceStatus> statuses = new LinkedBlockingQueue<>();

    private SerialScanner scanner(SocatPair pair, String query) {
        DeviceAddress address = DeviceAddress.parse("serial:" + pair.driverEnd() + "?baud=9600" + query);
        SerialScanner scanner = new SerialScanner(ByteLinks.forAddress(address, LinkTimeouts.DEFAULT), address.suffix(),
                StandardCharsets.UTF_8, Clock.systemUTC(), FAST);
        scanner.addScanListener(scans::add);
        scanner.addStatusListener(statuses::add);
        scanner.start();
        return scanner;
    }

    private void awaitState(DeviceState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            DeviceStatus status = statuses.poll(100, TimeUnit.MILLISECONDS);
            if (status != null && status.state() == state) {
                return;
            }
        }
        throw new AssertionError("scanner never reached " + state);
    }

    private Scan nextScan() throws InterruptedException {
        Scan scan = scans.poll(3, TimeUnit.SECONDS);
        assertThat(scan).as("a scan within 3 s").isNotNull();
        return scan;
    }

    @SuppressWarnings("try") // the scanner only has to be open while the device end sends
    @Test
    void codesEndingWithCrArriveWithTheirAimSymbologyStripped(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir); SerialScanner scanner = scanner(pair, "&suffix=CR");
             DeviceEnd device = new DeviceEnd(pair.deviceEnd())) {
            awaitState(DeviceState.CONNECTED);
            device.send("]E06901234567892\r]Q1TQ1.食堂-42\r134567890123456789\r", StandardCharsets.UTF_8);

            Scan ean = nextScan();
            assertThat(ean.code()).isEqualTo("6901234567892");
            assertThat(ean.symbology()).isEqualTo(Symbology.EAN13_UPCA);
            assertThat(ean.aimIdentifier()).isEqualTo("]E0");
            assertThat(ean.source()).isEqualTo(ScanSource.SERIAL);
            Scan qr = nextScan();
            assertThat(qr.code()).isEqualTo("TQ1.食堂-42");
            assertThat(qr.symbology()).isEqualTo(Symbology.QR);
            Scan plain = nextScan();
            assertThat(plain.code()).isEqualTo("134567890123456789");
            assertThat(plain.symbology()).isEqualTo(Symbology.UNKNOWN);
        }
    }

    @Test
    void crLfSuffixIsHonouredAndScansAreRoutedByKind(@TempDir Path dir) throws Exception {
        BlockingQueue<String> routed = new LinkedBlockingQueue<>();
        try (SocatPair pair = SocatPair.start(dir); SerialScanner scanner = scanner(pair, "&suffix=CRLF");
             DeviceEnd device = new DeviceEnd(pair.deviceEnd())) {
            scanner.addScanListener(new ScanRouter(new ScanClassifier(),
                    s -> routed.add("goods " + s.code()),
                    (s, provider) -> routed.add("pay " + provider + " " + s.code()),
                    s -> routed.add("diner " + s.code()),
                    s -> routed.add("unknown " + s.code())));
            awaitState(DeviceState.CONNECTED);
            device.send("6901234567892\r\n284123456789012345\r\n]C0ABC-1\r\n", StandardCharsets.US_ASCII);

            assertThat(routed.poll(3, TimeUnit.SECONDS)).isEqualTo("goods 6901234567892");
            assertThat(routed.poll(3, TimeUnit.SECONDS)).isEqualTo("pay ALIPAY 284123456789012345");
            assertThat(routed.poll(3, TimeUnit.SECONDS)).isEqualTo("goods ABC-1");
        }
    }

    @Test
    void garbageWithoutTerminatorIsAnErrorAndTheNextCodeStillArrives(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir); SerialScanner scanner = scanner(pair, "&suffix=LF");
             DeviceEnd device = new DeviceEnd(pair.deviceEnd())) {
            awaitState(DeviceState.CONNECTED);
            byte[] noise = new byte[5000];
            java.util.Arrays.fill(noise, (byte) 0xAA);
            device.send(noise);
            awaitState(DeviceState.ERROR);
            assertThat(scanner.status().reason()).contains("garbage");
            device.send("\n6901234567892\n", StandardCharsets.US_ASCII);
            assertThat(nextScan().code()).isEqualTo("6901234567892");
            assertThat(scanner.status().state()).isEqualTo(DeviceState.CONNECTED);
        }
    }

    @SuppressWarnings("try") // the scanner only has to be open while the port goes away
    @Test
    void scannerReconnectsByItselfWhenThePortComesBack(@TempDir Path dir) throws Exception {
        SocatPair pair = SocatPair.start(dir);
        try (SerialScanner scanner = scanner(pair, "")) {
            awaitState(DeviceState.CONNECTED);
            pair.close();
            awaitState(DeviceState.ERROR);

            try (SocatPair again = SocatPair.start(dir); DeviceEnd device = new DeviceEnd(again.deviceEnd())) {
                awaitState(DeviceState.CONNECTED);
                device.send("6901234567892\r", StandardCharsets.US_ASCII);
                assertThat(nextScan().code()).isEqualTo("6901234567892");
            }
        }
    }

    @SuppressWarnings("try") // the scanner only has to be open while the device end sends
    @Test
    void scanReachesTheListenerWellWithinTwentyMilliseconds(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir); SerialScanner scanner = scanner(pair, "&suffix=CR");
             DeviceEnd device = new DeviceEnd(pair.deviceEnd())) {
            awaitState(DeviceState.CONNECTED);
            int count = 50;
            long[] micros = new long[count];
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                device.send("6901234567892\r", StandardCharsets.US_ASCII);
                Scan scan = nextScan();
                micros[i] = (System.nanoTime() - sent) / 1000;
                assertThat(scan.receivedNanos()).isGreaterThan(sent);
            }
            java.util.Arrays.sort(micros);
            System.out.printf("serial scan -> listener over a pty at 9600 baud: median %d us, p90 %d us, max %d us%n",
                    micros[count / 2], micros[count * 9 / 10], micros[count - 1]);
            assertThat(micros[count / 2]).isLessThan(20_000);
        }
    }
}
