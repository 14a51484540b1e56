package org.tongpos.app.operators.domain;

/** Why a number and PIN were not accepted (at log-in, at unlock, or for an approval). */
public enum LoginRefusal {
    /** No operator has that number. */
    UNKNOWN_OPERATOR,
    /** The PIN is wrong (one more failed attempt counted). */
    WRONG_PIN,
    /** Too many wrong PINs: the operator is locked out for a while (the PIN was not even checked). */
    LOCKED_OUT,
    /** The operator was disabled. */
    DISABLED
}
