package org.tongpos.hardware.printer;

import java.util.Optional;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/**
 * The printer's answer to the real-time status requests DLE EOT 1 (printer), 2 (offline cause) and 4 (paper sensor),
 * or {@link #noAnswer()} when it did not answer in time.
 */
public record PrinterStatus(boolean answered, boolean offline, boolean coverOpen, boolean paperOut,
                            boolean paperNearEnd, boolean error) {

    public static PrinterStatus noAnswer() {
        return new PrinterStatus(false, false, false, false, false, false);
    }

    public static PrinterStatus ready() {
        return new PrinterStatus(true, false, false, false, false, false);
    }

    /** Builds the status from the three answer bytes; each must have the fixed bits 0xx1xx10 of a status byte. */
    public static PrinterStatus fromAnswers(int printer, int offlineCause, int paperSensor) {
        requireStatusByte(printer, 1);
        requireStatusByte(offlineCause, 2);
        requireStatusByte(paperSensor, 4);
        boolean offline = (printer & 0x08) != 0;
        boolean coverOpen = (offlineCause & 0x04) != 0;
        boolean paperStop = (offlineCause & 0x20) != 0;
        boolean error = (offlineCause & 0x40) != 0;
        boolean paperEnd = (paperSensor & 0x60) != 0;
        boolean nearEnd = (paperSensor & 0x0C) != 0;
        return new PrinterStatus(true, offline, coverOpen, paperEnd || paperStop, nearEnd, error);
    }

    /** Whether a byte is a DLE EOT answer (bits 0 and 7 clear, bits 1 and 4 set). */
    public static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }

    private static void requireStatusByte(int b, int function) {
        if (!isStatusByte(b)) {
            throw new IllegalArgumentException(String.format("0x%02X is not an answer to DLE EOT %d", b, function));
        }
    }

    /** What stops printing; empty when the printer can print (or did not say). */
    public Optional<DeviceReason> problem() {
        if (!answered) {
            return Optional.empty();
        }
        if (paperOut) {
            return Optional.of(DeviceReason.of(Code.PAPER_OUT));
        }
        if (coverOpen) {
            return Optional.of(DeviceReason.of(Code.COVER_OPEN));
        }
        if (error) {
            return Optional.of(DeviceReason.of(Code.PRINTER_FAULT));
        }
        if (offline) {
            return Optional.of(DeviceReason.of(Code.PRINTER_OFFLINE));
        }
        return Optional.empty();
    }
}
