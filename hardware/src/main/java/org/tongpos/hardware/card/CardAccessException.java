package org.tongpos.hardware.card;

/** The card or reader did not do what was asked; the message names the step and the status word. */
public final class CardAccessException extends Exception {
    private static final long serialVersionUID = 1L;

    public CardAccessException(String message) {
        super(message);
    }

    public CardAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
