package org.tongpos.hardware.printer;

import java.time.Instant;

/**
 * A print job as the cashier sees it. {@code copiesPrinted} counts completed prints (reprints included);
 * {@code mayHavePrinted} on a failed job warns that part of it reached the printer.
 */
public record PrintJob(String id, String description, PrintJobState state, int attempts, int copiesPrinted,
                       String reason, boolean mayHavePrinted, Instant updatedAt) {

    PrintJob with(PrintJobState newState, String newReason, Instant at) {
        return new PrintJob(id, description, newState, attempts, copiesPrinted, newReason, mayHavePrinted, at);
    }

    public boolean isFinished() {
        return state == PrintJobState.PRINTED || state == PrintJobState.FAILED;
    }
}
