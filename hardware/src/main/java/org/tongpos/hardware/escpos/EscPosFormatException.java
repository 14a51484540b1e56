package org.tongpos.hardware.escpos;

/** Bytes outside the ESC/POS subset TongPOS emits, or a command cut short. */
public final class EscPosFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EscPosFormatException(String message, int offset) {
        super(message + " at byte offset " + offset);
    }
}
