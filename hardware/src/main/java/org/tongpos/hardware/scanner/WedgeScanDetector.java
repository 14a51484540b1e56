package org.tongpos.hardware.scanner;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;
import org.tongpos.hardware.device.StatusReporter;

/**
 * Tells a keyboard-wedge scanner from a person typing, by timing alone: a scanner "types" its code with keys less
 * than {@code maxGap} apart (typically under 20–50 ms) and ends with Enter; people are slower than 100 ms per key.
 *
 * <p>Pure logic, fed by the UI's scene-level key filter with each typed character and its {@link System#nanoTime()}:
 * keys are held back while they could still be a scan, and released as typing once they cannot (a slow key, or
 * Enter after too few characters). The UI also calls {@link #flush(long)} on a timer so a single typed key shows
 * up after {@code maxGap}. Not thread-safe: call from the UI thread only.
 */
public final class WedgeScanDetector implements Scanner {

    /** @param maxGap longest pause between keys of one scan; @param minLength shortest code taken as a scan */
    public record Settings(Duration maxGap, int minLength) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(50), 4);
        }
    }

    /** What the key filter should do with the keys seen so far. */
    public enum Action {
        /** Hold the key back: it may be part of a scan. */
        HOLD,
        /** Give {@link Decision#text()} to the focused field as typed text (and, for Enter, the Enter key). */
        RELEASE_AS_TYPING,
        /** A scan completed: consume the keys; {@link Decision#text()} is the code, already sent to the listeners. */
        SCAN
    }

    public record Decision(Action action, String text) {
        static final Decision HOLD = new Decision(Action.HOLD, "");
    }

    private final Settings settings;
    private final Clock clock;
    private final long maxGapNanos;
    private final StatusReporter reporter;
    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();
    private final StringBuilder pending = new StringBuilder(64);
    private long lastKeyNanos;

    public WedgeScanDetector(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.maxGapNanos = settings.maxGap().toNanos();
        this.reporter = new StatusReporter("keyboard-wedge scanner", clock);
    }

    /** One typed character; Enter is {@code '\n'} or {@code '\r'}. */
    public Decision key(char c, long nanos) {
        boolean enter = c == '\n' || c == '\r';
        boolean fast = pending.length() > 0 && nanos - lastKeyNanos <= maxGapNanos;
        if (enter) {
            if (pending.length() >= settings.minLength() && fast) {
                String code = pending.toString();
                pending.setLength(0);
                emit(code, nanos);
                return new Decision(Action.SCAN, code);
            }
            String typed = pending.append('\n').toString();
            pending.setLength(0);
            return new Decision(Action.RELEASE_AS_TYPING, typed);
        }
        if (pending.length() > 0 && !fast) {
            String typed = pending.toString();
            pending.setLength(0);
            pending.append(c);
            lastKeyNanos = nanos;
            return new Decision(Action.RELEASE_AS_TYPING, typed);
        }
        pending.append(c);
        lastKeyNanos = nanos;
        return Decision.HOLD;
    }

    /** Releases held keys as typing once {@code maxGap} passed without another key. */
    public Decision flush(long nanos) {
        if (pending.length() > 0 && nanos - lastKeyNanos > maxGapNanos) {
            String typed = pending.toString();
            pending.setLength(0);
            return new Decision(Action.RELEASE_AS_TYPING, typed);
        }
        return Decision.HOLD;
    }

    private void emit(String code, long nanos) {
        Scan scan = Scan.withOptionalAimPrefix(code, ScanSource.KEYBOARD_WEDGE, clock.instant(), nanos);
        for (ScanListener listener : listeners) {
            listener.scanned(scan);
        }
    }

    @Override
    public void addScanListener(ScanListener listener) {
        listeners.add(listener);
    }

    @Override
    public void addStatusListener(DeviceStatusListener listener) {
        reporter.addListener(listener);
    }

    @Override
    public DeviceStatus status() {
        return reporter.current();
    }

    /** A keyboard is always there. */
    @Override
    public void start() {
        reporter.connected();
    }

    @Override
    public void close() {
        reporter.disconnected("closed");
    }
}
