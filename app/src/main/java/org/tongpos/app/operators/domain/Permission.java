package org.tongpos.app.operators.domain;

/**
 * What an operator may do. {@link Role} grants them; services check them through {@link Session#require}. A
 * permission either changes data or only reads it: an {@link Role#AUDITOR} holds reading ones only.
 *
 * <p>Adding one: name it by the act, say whether it changes data, give it to the roles in {@link Role}, and add
 * {@code permission.<name>} to both bundles (BundleKeysTest checks).
 */
public enum Permission {
    /** Ring up and take payment for a sale at the till. */
    SELL(true),
    /** Serve and charge a meal on the serving line. */
    SERVE_MEAL(true),
    /** Remove a line or clear a sale before payment, up to the configured amount ({@code void.approval-above}). */
    VOID(true),
    /** Remove a line or clear a sale above that amount (or, with the till's rules, after a set time). */
    VOID_OVER_LIMIT(true),
    /** Refund or return a sale or a meal (REFUND, MEAL_REFUND). */
    REFUND(true),
    /** Identify a diner by search instead of QR code, card or face (with a reason). */
    MANUAL_IDENTIFICATION(true),
    /** Import local diners, top up their balance, grant subsidies, report cards lost, map face ids. */
    MANAGE_DINERS(true),
    /** Enter an approval record for guest meals (零接待). */
    APPROVE_GUEST_MEALS(true),
    /** Change meal periods, prices, menus, limits. */
    EDIT_MEAL_RULES(true),
    /** Change promotions and bank offers. */
    EDIT_PROMOTIONS(true),
    /** Add operators, set their PINs, disable them. */
    MANAGE_OPERATORS(true),
    /** Change the terminal's settings: language, keys, devices. */
    CHANGE_SETTINGS(true),
    /** Open and close a shift (交班), count the drawer. */
    OPEN_CLOSE_SHIFT(true),
    /** Put cash into or take cash out of the drawer outside a sale. */
    PAID_IN_OUT(true),
    /** Go beyond a limit the rules set (offline limits, price overrides, returns without a receipt). */
    OVERRIDE_LIMITS(true),
    /** Kitchen stock: suppliers, items, purchases in, issues, counts, waste. */
    MANAGE_STOCK(true),
    /** Read reports, journals and every screen's data (canteen screens included). */
    READ_REPORTS(false),
    /** Read the audit log and the list of operators. */
    READ_AUDIT(false);

    private final boolean changesData;

    Permission(boolean changesData) {
        this.changesData = changesData;
    }

    /** True when acting on it changes the terminal's data (an auditor never may). */
    public boolean changesData() {
        return changesData;
    }

    /** Its name in the bundles: {@code permission.<NAME>}. */
    public String messageKey() {
        return "permission." + name();
    }
}
