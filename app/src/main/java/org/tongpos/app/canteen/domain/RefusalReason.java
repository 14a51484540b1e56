package org.tongpos.app.canteen.domain;

/**
 * Why a meal was refused, as the code the command line prints and the serving line shows (message key
 * {@code canteen.refused.<NAME>} in both bundles). Identification refusals come before the rules are asked.
 */
public enum RefusalReason {
    // identification
    QR_MALFORMED,
    QR_UNKNOWN_KEY,
    QR_INVALID,
    QR_EXPIRED,
    QR_FUTURE,
    QR_REPLAYED,
    UNKNOWN_DINER,
    REASON_REQUIRED,
    // the account
    ACCOUNT_CLOSED,
    HOTLISTED,
    GUEST_APPROVAL_REQUIRED,
    GUEST_APPROVAL_UNKNOWN,
    GUEST_APPROVAL_EXPIRED,
    GUEST_APPROVAL_USED_UP,
    // the rules
    CLOSED_DAY,
    OUTSIDE_PERIOD,
    NO_PRICE,
    ALREADY_SERVED,
    DISH_REQUIRED,
    UNKNOWN_DISH,
    TOO_MANY_DISHES,
    DAILY_CAP,
    CASH_NOT_ALLOWED,
    // money
    OFFLINE_LIMIT,
    INSUFFICIENT_FUNDS
}
