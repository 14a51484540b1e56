package org.tongpos.hardware.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.hardware.scanner.WedgeScanDetector.Action;
import org.tongpos.hardware.scanner.WedgeScanDetector.Decision;

class WedgeScanDetectorTest {

    private static final long MS = 1_000_000L;

    private final WedgeScanDetector detector = new WedgeScanDetector(WedgeScanDetector.Settings.defaults(), Clock.systemUTC());
    private final List<Scan> scans = new ArrayList<>();

    WedgeScanDetectorTest() {
        detector.addScanListener(scans::add);
    }

    private List<Decision> type(String keys, long gapMillis) {
        List<Decision> decisions = new ArrayList<>();
        long t = 1_000 * MS;
        for (char c : keys.toCharArray()) {
            decisions.add(detector.key(c, t));
            t += gapMillis * MS;
        }
        return decisions;
    }

    @Test
    void fastKeysEndingWithEnterAreAScanAndNeverReachTheField() {
        List<Decision> decisions = type("6901234567892\n", 8);

        assertThat(decisions.subList(0, 13)).allSatisfy(d -> assertThat(d.action()).isEqualTo(Action.HOLD));
        assertThat(decisions.get(13)).isEqualTo(new Decision(Action.SCAN, "6901234567892"));
        assertThat(scans).extracting(Scan::code).containsExactly("6901234567892");
        assertThat(scans.get(0).source()).isEqualTo(ScanSource.KEYBOARD_WEDGE);
    }

    @Test
    void slowTypingIsReleasedToTheFieldKeyByKey() {
        List<Decision> decisions = type("1234\n", 150);

        assertThat(decisions.get(0).action()).isEqualTo(Action.HOLD);
        assertThat(decisions.subList(1, 4)).extracting(Decision::text).containsExactly("1", "2", "3");
        assertThat(decisions.get(4)).isEqualTo(new Decision(Action.RELEASE_AS_TYPING, "4\n"));
        assertThat(scans).isEmpty();
    }

    @Test
    void shortFastBurstIsTypingNotAScan() {
        List<Decision> decisions = type("12\n", 5);
        assertThat(decisions.get(2)).isEqualTo(new Decision(Action.RELEASE_AS_TYPING, "12\n"));
        assertThat(scans).isEmpty();
    }

    @Test
    void heldKeyIsReleasedByTheTimerWhenNoOtherKeyFollows() {
        detector.key('k', 0);
        assertThat(detector.flush(30 * MS).action()).isEqualTo(Action.HOLD);
        assertThat(detector.flush(60 * MS)).isEqualTo(new Decision(Action.RELEASE_AS_TYPING, "k"));
    }

    @Test
    void aimPrefixIsStrippedFromWedgeScansToo() {
        type("]E06901234567892\n", 5);
        assertThat(scans.get(0).code()).isEqualTo("6901234567892");
        assertThat(scans.get(0).symbology()).isEqualTo(Symbology.EAN13_UPCA);
    }

    @Test
    void pauseInTheMiddleSplitsTypingFromTheScanThatFollows() {
        detector.key('a', 0);
        Decision release = detector.key('6', 500 * MS);
        assertThat(release).isEqualTo(new Decision(Action.RELEASE_AS_TYPING, "a"));
        long t = 500 * MS;
        for (char c : "901234567892\n".toCharArray()) {
            t += 10 * MS;
            detector.key(c, t);
        }
        assertThat(scans).extracting(Scan::code).containsExactly("6901234567892");
    }
}
