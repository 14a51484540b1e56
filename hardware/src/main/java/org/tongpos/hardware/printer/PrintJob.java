package org.tongpos.hardware.printer;

import java.time.Instant;
import org.tongpos.hardware.device.DeviceReason;

/**
 * A print job as the cashier sees it. {@code copiesPrinted} counts completed prints (reprints included);
 * {@code mayHavePrinted} on a failed job warns that part of it reached the printer; {@code cause} says why it failed
 * or was queued again.
 */
public record PrintJob(String id, String description, PrintJobState state, int attempts, int copiesPrinted,
                       DeviceReason cause, boolean mayHavePrinted, Instant updatedAt) {

    public PrintJob {
        cause = cause == null ? DeviceReason.NONE : cause;
    }

    /** The cause in English, for logs; empty when there is none. */
    public String reason() {
        return cause.text();
    }

    public boolean isFinished() {
        return state == PrintJobState.PRINTED || state == PrintJobState.FAILED;
    }
}
