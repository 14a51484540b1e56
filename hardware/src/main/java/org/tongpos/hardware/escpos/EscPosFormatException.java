package org.tongpos.hardware.escpos;

/** Bytes outside the ESC/POS subset TongPOS emits, or a command cut short. */
public final class EscPosFormatException extends IllegalArgumentException {

    public EscPosFormatException(String message, int offset) {
        super(message + " at byte offset " + offset);
    }
}
