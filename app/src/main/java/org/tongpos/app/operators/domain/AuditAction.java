package org.tongpos.app.operators.domain;

/**
 * What an audit record is about. Features add theirs here (with {@code audit.action.<NAME>} in both bundles;
 * BundleKeysTest checks) rather than inventing free text, so that the log can be read and filtered in any language.
 */
public enum AuditAction {
    // log-in and the screen
    LOGIN,
    LOGIN_AUTOMATIC,
    LOGOUT,
    LOCK,
    UNLOCK,
    /** A wrong PIN, an unknown or disabled operator, or a locked-out one trying (subject: the number typed). */
    LOGIN_FAILED,
    /** Too many wrong PINs: the operator is locked out until the time in the detail. */
    LOCKED_OUT,
    // operators
    OPERATOR_ADDED,
    OPERATOR_DISABLED,
    OPERATOR_ENABLED,
    /** Someone set an operator's PIN (the command line, a manager). */
    PIN_SET,
    /** The operator changed their own PIN (at first log-in, say). */
    PIN_CHANGED,
    // approvals: who approved what, for whom
    APPROVAL_GRANTED,
    APPROVAL_REFUSED,
    // the till
    VOID_LINE,
    VOID_SALE,
    REFUND,
    PRICE_OVERRIDE,
    PROMOTION_CHANGED,
    SHIFT_OPENED,
    SHIFT_CLOSED,
    PAID_IN,
    PAID_OUT,
    // the canteen
    MANUAL_IDENTIFICATION,
    MEAL_REFUND,
    MEAL_RULE_CHANGED,
    GUEST_APPROVAL,
    LIMIT_OVERRIDE,
    /** Kitchen stock: a supplier or item added, a purchase in, an issue, a count, waste (docs/reports.md). */
    STOCK_MOVE,
    // the terminal
    SETTING_CHANGED;

    /** Its name in the bundles: {@code audit.action.<NAME>}. */
    public String messageKey() {
        return "audit.action." + name();
    }
}
