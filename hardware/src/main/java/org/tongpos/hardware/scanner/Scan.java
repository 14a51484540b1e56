package org.tongpos.hardware.scanner;

import java.time.Instant;
import java.util.Objects;

/**
 * One code read by a scanner. {@code aimIdentifier} is the stripped AIM prefix ({@code ]E0}) or empty;
 * {@code receivedNanos} is {@link System#nanoTime()} when the last byte arrived, to measure scan-to-screen latency.
 */
public record Scan(String code, Symbology symbology, String aimIdentifier, ScanSource source, Instant at,
                   long receivedNanos) {

    public Scan {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(symbology, "symbology");
        aimIdentifier = aimIdentifier == null ? "" : aimIdentifier;
    }

    /** Strips an AIM symbology identifier ({@code ]} + letter + digit) off the front when there is one. */
    public static Scan withOptionalAimPrefix(String raw, ScanSource source, Instant at, long receivedNanos) {
        if (raw.length() >= 3 && raw.charAt(0) == ']' && Character.isLetter(raw.charAt(1))
                && Character.isLetterOrDigit(raw.charAt(2))) {
            String identifier = raw.substring(0, 3);
            return new Scan(raw.substring(3), Symbology.fromAim(identifier), identifier, source, at, receivedNanos);
        }
        return new Scan(raw, Symbology.UNKNOWN, "", source, at, receivedNanos);
    }
}
