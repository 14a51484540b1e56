package org.tongpos.hardware.scanner;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.tongpos.hardware.device.ReportingDevice;

/**
 * Tells a barcode scanner in keyboard-wedge mode from a person typing, by timing alone, behind the same
 * {@link Scanner} interface as the serial scanner. A scanner "types" a whole code with a few milliseconds between
 * keys and ends it with Enter; a person leaves far longer gaps. Printable keys are therefore held back until that is
 * decided: a burst of at least {@code minLength} characters, no two more than {@code maxGap} apart, followed by Enter
 * within {@code maxGap}, is a scan (sent to the scan listeners, AIM prefix stripped); anything else is handed back
 * as typed text, to be delivered where the person was typing.
 *
 * <p>Pure logic on {@link System#nanoTime()}-style timestamps fed by the UI's scene-level key filter; the UI also
 * calls {@link #releaseIfIdle(long)} when {@link #idleAtNanos()} passes, so a single typed key shows up. Not
 * thread-safe: call from the UI thread. Same method names as the detector the app started with, so moving to this
 * one is an import change plus the clock.
 */
public final class WedgeScanDetector extends ReportingDevice implements Scanner {

    /** Scanners send a key every 1–20 ms; people rarely keep below 50 ms for four keys and Enter in a row. */
    public static final long DEFAULT_MAX_GAP_MILLIS = 50;
    /** The shortest code a scan can carry (EAN-8 is 8; in-store PLUs are typed, but 4 digits leave room). */
    public static final int DEFAULT_MIN_LENGTH = 4;

    private final long maxGapNanos;
    private final int minLength;
    private final Clock clock;
    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();
    private final StringBuilder pending = new StringBuilder(64);
    private long lastKeyNanos;

    public WedgeScanDetector(Clock clock) {
        this(DEFAULT_MAX_GAP_MILLIS, DEFAULT_MIN_LENGTH, clock);
    }

    public WedgeScanDetector(long maxGapMillis, int minLength, Clock clock) {
        super("keyboard-wedge scanner", clock);
        if (maxGapMillis <= 0 || minLength < 1) {
            throw new IllegalArgumentException("gap and length must be positive");
        }
        this.maxGapNanos = TimeUnit.MILLISECONDS.toNanos(maxGapMillis);
        this.minLength = minLength;
        this.clock = clock;
    }

    /**
     * A printable character at {@code nanos}. It is held back; what was held before it is returned when this key came
     * too late to belong to the same burst (that earlier text was typing), otherwise the empty string.
     */
    public String key(char character, long nanos) {
        String typed = pending.length() > 0 && nanos - lastKeyNanos > maxGapNanos ? drain() : "";
        pending.append(character);
        lastKeyNanos = nanos;
        return typed;
    }

    /**
     * Enter at {@code nanos}: the code when the held-back burst was a scan (the burst is used up and the scan sent to
     * the listeners); empty when it was not, in which case the caller delivers {@link #drain()} and then the Enter as
     * typing.
     */
    public Optional<String> enter(long nanos) {
        if (pending.length() >= minLength && nanos - lastKeyNanos <= maxGapNanos) {
            String code = drain();
            Scan scan = Scan.withOptionalAimPrefix(code, ScanSource.KEYBOARD_WEDGE, clock.instant(), nanos);
            for (ScanListener listener : listeners) {
                listener.scanned(scan);
            }
            return Optional.of(code);
        }
        return Optional.empty();
    }

    /** The held-back text when no key came for longer than the gap at {@code nanos}: it was typing. Else empty. */
    public String releaseIfIdle(long nanos) {
        return pending.length() > 0 && nanos - lastKeyNanos > maxGapNanos ? drain() : "";
    }

    /** Everything held back, which is then forgotten. */
    public String drain() {
        String text = pending.toString();
        pending.setLength(0);
        return text;
    }

    public boolean hasPending() {
        return pending.length() > 0;
    }

    /** When the held-back text becomes typing if no key follows: for scheduling the release. */
    public long idleAtNanos() {
        return lastKeyNanos + maxGapNanos + 1;
    }

    public long maxGapNanos() {
        return maxGapNanos;
    }

    @Override
    public void addScanListener(ScanListener listener) {
        listeners.add(listener);
    }

    /** A keyboard is always there. */
    @Override
    public void start() {
        reporter.connected();
    }

    @Override
    public void close() {
        reporter.closed();
    }
}
