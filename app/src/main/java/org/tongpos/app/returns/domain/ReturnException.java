package org.tongpos.app.returns.domain;

import org.tongpos.app.i18n.RefusedException;

/** A return refused by its rules; nothing is recorded. {@code key}/{@code args} say why in the terminal's language. */
public final class ReturnException extends RefusedException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No sale has that receipt number (arg: the number). */
        NO_SUCH_RECEIPT("return.error.noSuchReceipt"),
        /** The item is not on the receipt (arg: the item). */
        NOT_ON_RECEIPT("return.error.notOnReceipt"),
        /** More than was sold and not yet returned (args: the item, what is left). */
        EXCEEDS_WHAT_IS_LEFT("return.error.exceeds"),
        /** Everything of the receipt has been returned already. */
        NOTHING_LEFT("return.error.nothingLeft"),
        /** The bank refused or has not confirmed the payment-code refund (arg: the bank's state). */
        CODE_REFUND_FAILED("return.error.codeRefund"),
        /** The payment-code refund needs the bank, which is not configured. */
        BANK_NEEDED("return.error.bankNeeded"),
        /** A return without a receipt: the code names no product (arg: the code). */
        UNKNOWN_ITEM("return.error.unknownItem"),
        /** A return without a receipt: weighed goods come back by their scale label only (arg: the product). */
        WEIGHED_NEEDS_LABEL("return.error.weighedNeedsLabel"),
        /** A return without a receipt needs a reason. */
        REASON_NEEDED("return.error.reasonNeeded"),
        /** A return without a receipt names no goods. */
        NO_ITEMS("return.error.noItems"),
        /** A return without a receipt from the command line names no supervisor ({@code --operator}). */
        SUPERVISOR_NEEDED("return.error.supervisorNeeded");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final Reason reason;

    public ReturnException(Reason reason, Object... args) {
        super(reason.key(), reason.name(), args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
