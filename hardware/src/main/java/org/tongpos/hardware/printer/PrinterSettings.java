package org.tongpos.hardware.printer;

import java.time.Duration;
import org.tongpos.hardware.device.Backoff;

/**
 * How the printer driver talks to a printer.
 *
 * @param statusCheck whether to ask DLE EOT before and after each job
 * @param statusTimeout how long to wait for each status byte
 * @param backoff delay between automatic attempts of a job that could not be sent
 * @param automaticAttempts attempts of a job before it is marked failed (only while nothing of it was sent)
 * @param closeAfterJob drop the connection after each job: network printers often serve one client at a time and
 *                      silently drop idle connections, so a fresh connection per job is the safe choice there
 */
public record PrinterSettings(StatusCheck statusCheck, Duration statusTimeout, Backoff backoff, int automaticAttempts,
                              boolean closeAfterJob) {

    /** Whether the printer is expected to answer real-time status requests. */
    public enum StatusCheck {
        /** The printer answers; no answer means it is not there (network and serial printers). */
        REQUIRED,
        /** Use the answer if there is one (printers of unknown make). */
        IF_ANSWERED,
        /** Do not ask (write-only links such as a USB device file). */
        OFF
    }

    public static PrinterSettings defaults() {
        return new PrinterSettings(StatusCheck.REQUIRED, Duration.ofMillis(1500), Backoff.DEFAULT, 3, false);
    }

    public PrinterSettings {
        if (automaticAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    public PrinterSettings withStatusCheck(StatusCheck check) {
        return new PrinterSettings(check, statusTimeout, backoff, automaticAttempts, closeAfterJob);
    }

    public PrinterSettings withStatusTimeout(Duration timeout) {
        return new PrinterSettings(statusCheck, timeout, backoff, automaticAttempts, closeAfterJob);
    }

    public PrinterSettings withBackoff(Backoff newBackoff, int attempts) {
        return new PrinterSettings(statusCheck, statusTimeout, newBackoff, attempts, closeAfterJob);
    }

    public PrinterSettings withCloseAfterJob(boolean close) {
        return new PrinterSettings(statusCheck, statusTimeout, backoff, automaticAttempts, close);
    }
}
