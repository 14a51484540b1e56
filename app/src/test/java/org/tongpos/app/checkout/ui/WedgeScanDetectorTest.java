package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WedgeScanDetectorTest {

    private static final long MS = 1_000_000L;

    private final WedgeScanDetector detector = new WedgeScanDetector(50, 4);

    /** Types {@code text} starting at {@code startMs}, one key every {@code gapMs}; returns what was released. */
    private String type(String text, long startMs, long gapMs) {
        StringBuilder released = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            released.append(detector.key(text.charAt(i), (startMs + i * gapMs) * MS));
        }
        return released.toString();
    }

    @Test
    void fastBurstEndingWithEnterIsAScan() {
        assertThat(type("6920000000012", 1000, 8)).isEmpty();

        Optional<String> scan = detector.enter((1000 + 12 * 8 + 8) * MS);

        assertThat(scan).contains("6920000000012");
        assertThat(detector.hasPending()).isFalse();
    }

    @Test
    void slowTypingIsReleasedKeyByKeyAndEnterIsNoScan() {
        assertThat(detector.key('1', 0)).isEmpty();
        assertThat(detector.key('0', 200 * MS)).isEqualTo("1");
        assertThat(detector.key('0', 400 * MS)).isEqualTo("0");

        assertThat(detector.enter(600 * MS)).isEmpty();
        assertThat(detector.drain()).isEqualTo("0");
    }

    @Test
    void fastBurstWithoutEnterBecomesTypingOnceIdle() {
        type("kkkl", 0, 10);

        assertThat(detector.releaseIfIdle(40 * MS)).as("still within the gap").isEmpty();
        assertThat(detector.releaseIfIdle(100 * MS)).isEqualTo("kkkl");
        assertThat(detector.hasPending()).isFalse();
    }

    @Test
    void enterTooLongAfterTheLastKeyIsNoScan() {
        type("6920000000012", 0, 5);

        assertThat(detector.enter((12 * 5 + 80) * MS)).isEmpty();
        assertThat(detector.drain()).isEqualTo("6920000000012");
    }

    @Test
    void burstShorterThanMinimumIsTyping() {
        type("123", 0, 5);

        assertThat(detector.enter(20 * MS)).isEmpty();
        assertThat(detector.drain()).isEqualTo("123");
    }

    @Test
    void typingBeforeAScanIsReleasedWhenTheScanStarts() {
        detector.key('k', 0);

        String released = type("6920000000012", 500, 6);

        assertThat(released).isEqualTo("k");
        assertThat(detector.enter((500 + 12 * 6 + 6) * MS)).contains("6920000000012");
    }

    @Test
    void idleDeadlineFollowsTheLastKey() {
        detector.key('1', 10 * MS);

        assertThat(detector.idleAtNanos()).isGreaterThan(60 * MS);
        assertThat(detector.releaseIfIdle(detector.idleAtNanos())).isEqualTo("1");
    }

    @Test
    void refusesNonsenseLimits() {
        assertThatThrownBy(() -> new WedgeScanDetector(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WedgeScanDetector(50, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
