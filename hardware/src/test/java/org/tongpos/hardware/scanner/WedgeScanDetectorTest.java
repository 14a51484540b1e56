package org.tongpos.hardware.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WedgeScanDetectorTest {

    private static final long MS = 1_000_000L;

    private final WedgeScanDetector detector = new WedgeScanDetector(Clock.systemUTC());
    private final List<Scan> scans = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();

    WedgeScanDetectorTest() {
        detector.addScanListener(scans::add);
    }

    /** Feeds keys as the key filter would and returns the scan, if any; typed text goes to {@link #field}. */
    private Optional<String> type(String keys, long startMillis, long gapMillis) {
        long t = startMillis * MS;
        Optional<String> scanned = Optional.empty();
        for (char c : keys.toCharArray()) {
            if (c == '\n') {
                scanned = detector.enter(t);
                if (scanned.isEmpty()) {
                    field.append(detector.drain()).append('\n');
                }
            } else {
                field.append(detector.key(c, t));
            }
            t += gapMillis * MS;
        }
        return scanned;
    }

    @Test
    void fastKeysEndingWithEnterAreAScanAndNeverReachTheField() {
        Optional<String> scanned = type("6901234567892\n", 1000, 8);

        assertThat(scanned).contains("6901234567892");
        assertThat(field).isEmpty();
        assertThat(scans).extracting(Scan::code).containsExactly("6901234567892");
        assertThat(scans.get(0).source()).isEqualTo(ScanSource.KEYBOARD_WEDGE);
    }

    @Test
    void slowTypingIsReleasedToTheFieldAndIsNoScan() {
        Optional<String> scanned = type("1234\n", 1000, 150);
        assertThat(scanned).isEmpty();
        assertThat(field).hasToString("1234\n");
        assertThat(scans).isEmpty();
    }

    @Test
    void shortFastBurstIsTypingNotAScan() {
        assertThat(type("12\n", 1000, 5)).isEmpty();
        assertThat(field).hasToString("12\n");
    }

    @Test
    void enterTooLongAfterTheBurstIsNoScan() {
        detector.key('1', 0);
        detector.key('2', 5 * MS);
        detector.key('3', 10 * MS);
        detector.key('4', 15 * MS);
        assertThat(detector.enter(200 * MS)).isEmpty();
        assertThat(detector.drain()).isEqualTo("1234");
    }

    @Test
    void heldKeyIsReleasedWhenNoOtherKeyFollows() {
        detector.key('k', 0);
        assertThat(detector.releaseIfIdle(30 * MS)).isEmpty();
        assertThat(detector.idleAtNanos()).isEqualTo(50 * MS + 1);
        assertThat(detector.releaseIfIdle(60 * MS)).isEqualTo("k");
        assertThat(detector.hasPending()).isFalse();
    }

    @Test
    void aimPrefixIsStrippedFromWedgeScansToo() {
        assertThat(type("]E06901234567892\n", 0, 5)).contains("]E06901234567892");
        assertThat(scans.get(0).code()).isEqualTo("6901234567892");
        assertThat(scans.get(0).symbology()).isEqualTo(Symbology.EAN13_UPCA);
    }

    @Test
    void pauseInTheMiddleSplitsTypingFromTheScanThatFollows() {
        field.append(detector.key('a', 0));
        field.append(detector.key('6', 500 * MS));
        assertThat(field).hasToString("a");
        assertThat(type("901234567892\n", 510, 10)).contains("6901234567892");
    }

    @Test
    void customThresholdsAreHonoured() {
        WedgeScanDetector strict = new WedgeScanDetector(20, 8, Clock.systemUTC());
        long t = 0;
        for (char c : "12345678".toCharArray()) {
            strict.key(c, t);
            t += 30 * MS;
        }
        assertThat(strict.enter(t)).isEmpty();
    }
}
