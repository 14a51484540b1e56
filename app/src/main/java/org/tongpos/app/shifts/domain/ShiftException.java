package org.tongpos.app.shifts.domain;

/** A shift act refused by its rules; {@code key} and {@code args} say why in the terminal's language. */
public final class ShiftException extends RuntimeException {

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
    private final transient Object[] args;

    public ShiftException(Reason reason, Object... args) {
        super(reason.name());
        this.reason = reason;
        this.args = args.clone();
    }

    public Reason reason() {
        return reason;
    }

    public String key() {
        return reason.key();
    }

    public Object[] args() {
        return args.clone();
    }
}
