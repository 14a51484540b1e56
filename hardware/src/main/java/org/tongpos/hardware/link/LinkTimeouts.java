package org.tongpos.hardware.link;

import java.time.Duration;

/** How long a link waits to connect and for a write to be accepted. */
public record LinkTimeouts(Duration connect, Duration write) {

    public static final LinkTimeouts DEFAULT = new LinkTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));

    public LinkTimeouts {
        if (connect.isNegative() || connect.isZero() || write.isNegative() || write.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
