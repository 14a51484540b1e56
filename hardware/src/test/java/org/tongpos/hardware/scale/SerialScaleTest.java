package org.tongpos.hardware.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.link.ByteLinks;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.testsupport.DeviceEnd;
import org.tongpos.testkit.MutableClock;
import org.tongpos.hardware.testsupport.SocatPair;

@Timeout(30)
class SerialScaleTest {

    private final StGsFrameParser parser = new StGsFrameParser();

    @Test
    void framesBecomeWholeGrams() {
        Instant t = Instant.EPOCH;
        assertThat(parser.parse("ST,GS,+  1.234kg", t)).isEqualTo(new WeightReading(1234, true, false, false, t));
        assertThat(parser.parse("US,NT,+0000.50kg", t)).isEqualTo(new WeightReading(500, false, true, false, t));
        assertThat(parser.parse("ST,GS,-  0.012kg", t).grams()).isEqualTo(-12);
        assertThat(parser.parse("ST,GS,+   850g", t).grams()).isEqualTo(850);
        assertThat(parser.parse("OL,GS,+------kg", t).overload()).isTrue();
        assertThatThrownBy(() -> parser.parse("ST,GS,+1.2345kg", t)).hasMessageContaining("finer than one gram");
        assertThatThrownBy(() -> parser.parse("ST,GS,+ 1.2lb", t)).hasMessageContaining("kg or g");
        assertThatThrownBy(() -> parser.parse("\u0001\u0002xx", t)).hasMessageContaining("\\x01");
    }

    private SerialScale scale(SocatPair pair) {
        SerialScale scale = new SerialScale(
                ByteLinks.forAddress(DeviceAddress.parse("serial:" + pair.driverEnd() + "?baud=9600"), LinkTimeouts.DEFAULT),
                Clock.systemUTC(), Duration.ofSeconds(2), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        scale.start();
        return scale;
    }

    private static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        T v = value.get();
        while (!done.test(v) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            v = value.get();
        }
        return v;
    }

    @Test
    void stableWeightIsTakenUnstableAndNegativeAreRefused(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir); SerialScale scale = scale(pair);
             DeviceEnd device = new DeviceEnd(pair.deviceEnd())) {
            eventually(scale::status, s -> s.state() == DeviceState.CONNECTED);
            assertThat(scale.stableWeight()).isInstanceOf(WeighResult.Refused.class);

            device.send("US,GS,+  1.230kg\r\n", StandardCharsets.US_ASCII);
            WeighResult unstable = eventually(scale::stableWeight,
                    r -> r instanceof WeighResult.Refused f && f.reason() == WeighResult.Reason.UNSTABLE);
            assertThat(unstable).isEqualTo(new WeighResult.Refused(WeighResult.Reason.UNSTABLE,
                    DeviceReason.of(DeviceReason.Code.SCALE_UNSTABLE)));

            device.send("ST,GS,+  1.234kg\r\n", StandardCharsets.US_ASCII);
            assertThat(eventually(scale::stableWeight, r -> r instanceof WeighResult.Weighed))
                    .isEqualTo(new WeighResult.Weighed(1234));

            device.send("ST,GS,-  0.012kg\r\n", StandardCharsets.US_ASCII);
            WeighResult negative = eventually(scale::stableWeight,
                    r -> r instanceof WeighResult.Refused f && f.reason() == WeighResult.Reason.NEGATIVE);
            assertThat(((WeighResult.Refused) negative).message()).contains("below zero");
        }
    }

    @Test
    void garbageOnTheLineIsAnErrorAndNothingHangs(@TempDir Path dir) throws Exception {
        try (SocatPair pair = SocatPair.start(dir); SerialScale scale = scale(pair);
             DeviceEnd device = new DeviceEnd(pair.deviceEnd())) {
            eventually(scale::status, s -> s.state() == DeviceState.CONNECTED);
            device.send("ST,GS,+  1.234kg\r\n", StandardCharsets.US_ASCII);
            eventually(scale::stableWeight, r -> r instanceof WeighResult.Weighed);

            device.send("\u00ff\u00fe@@@@,,,!!\r\n", StandardCharsets.ISO_8859_1);
            WeighResult refused = eventually(scale::stableWeight,
                    r -> r instanceof WeighResult.Refused f && f.reason() == WeighResult.Reason.DEVICE_ERROR);
            assertThat(((WeighResult.Refused) refused).message()).contains("unreadable data");
            assertThat(((WeighResult.Refused) refused).cause().code()).isEqualTo(DeviceReason.Code.SCALE_UNREADABLE);
            assertThat(scale.status().state()).isEqualTo(DeviceState.ERROR);

            byte[] endless = new byte[500];
            java.util.Arrays.fill(endless, (byte) '7');
            device.send(endless);
            eventually(scale::status, st -> st.cause().code() == DeviceReason.Code.GARBAGE_ON_LINE);
            assertThat(scale.status().reason()).contains("without a terminator");
            assertThat(scale.status().cause()).isEqualTo(DeviceReason.of(DeviceReason.Code.GARBAGE_ON_LINE, 64));

            device.send("\r\nST,NT,+  0.250kg\r\n", StandardCharsets.US_ASCII);
            assertThat(eventually(scale::stableWeight, r -> r instanceof WeighResult.Weighed))
                    .isEqualTo(new WeighResult.Weighed(250));
            assertThat(scale.status().state()).isEqualTo(DeviceState.CONNECTED);
        }
    }

    @Test
    void readingThatStoppedComingIsStale(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));
        try (SocatPair pair = SocatPair.start(dir); DeviceEnd device = new DeviceEnd(pair.deviceEnd());
             SerialScale scale = new SerialScale(ByteLinks.forAddress(DeviceAddress.parse("serial:" + pair.driverEnd()),
                     LinkTimeouts.DEFAULT), clock, Duration.ofSeconds(2), Backoff.DEFAULT)) {
            scale.start();
            eventually(scale::status, s -> s.state() == DeviceState.CONNECTED);
            device.send("ST,GS,+  0.500kg\r\n", StandardCharsets.US_ASCII);
            assertThat(eventually(scale::stableWeight, r -> r instanceof WeighResult.Weighed))
                    .isEqualTo(new WeighResult.Weighed(500));

            clock.advance(Duration.ofSeconds(3));

            assertThat(scale.stableWeight()).isInstanceOfSatisfying(WeighResult.Refused.class,
                    r -> assertThat(r).isEqualTo(new WeighResult.Refused(WeighResult.Reason.STALE,
                            DeviceReason.of(DeviceReason.Code.SCALE_STALE))));
        }
    }
}
