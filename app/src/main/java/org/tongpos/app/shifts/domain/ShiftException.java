package org.tongpos.app.shifts.domain;

import org.tongpos.app.i18n.RefusedException;

/** A shift act refused by its rules; {@code key} and {@code args} say why in the terminal's language. */
public final class ShiftException extends RefusedException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** Selling or a drawer movement with no open shift. */
        NO_OPEN_SHIFT("shift.error.noOpenShift"),
        /** Opening a shift while one is open. */
        ALREADY_OPEN("shift.error.alreadyOpen"),
        /** A paid-in or paid-out without a reason. */
        REASON_REQUIRED("shift.error.reasonRequired"),
        /** Over or short above the tolerance without a reason (args: the difference, the tolerance). */
        OVER_SHORT_REASON_REQUIRED("shift.error.overShortReason"),
        /** A paid-out of more cash than the drawer should hold (args: the amount, the cash expected). */
        NOT_ENOUGH_CASH("shift.error.notEnoughCash"),
        /** An amount that is not positive, or a negative float. */
        BAD_AMOUNT("shift.error.badAmount");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final Reason reason;

    public ShiftException(Reason reason, Object... args) {
        super(reason.key(), reason.name(), args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
