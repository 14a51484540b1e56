package org.tongpos.hardware.scale;

/** A frame from the scale that is not in the expected protocol. */
public final class ScaleFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ScaleFormatException(String message) {
        super(message);
    }
}
