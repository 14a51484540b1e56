package org.tongpos.app.checkout.ui;

/**
 * Every command of the cashier screen, each with its default key. Keys are rebindable through the settings
 * {@code key.<id>} (for example {@code key.cash=F11}); a bound key must not type a character by itself, so that a
 * scanner's characters can never trigger a command.
 */
public enum CashierAction {
    SEARCH("search", "F2"),
    QUANTITY("quantity", "F3"),
    REMOVE("remove", "Delete"),
    CLEAR("clear", "F5"),
    SETTINGS("settings", "F8"),
    CASH("cash", "F12"),
    /** The member of the sale: the phone number or card UID typed in the code field; with nothing typed, removes it. */
    MEMBER("member", "F6"),
    CANCEL("cancel", "Esc"),
    SELECT_UP("select-up", "Up"),
    SELECT_DOWN("select-down", "Down");

    private final String id;
    private final String defaultKey;

    CashierAction(String id, String defaultKey) {
        this.id = id;
        this.defaultKey = defaultKey;
    }

    /** The action's name in settings ({@code key.<id>}) and in the bundles ({@code checkout.action.<id>}). */
    public String id() {
        return id;
    }

    public String defaultKey() {
        return defaultKey;
    }

    public String settingName() {
        return "key." + id;
    }

    public String messageKey() {
        return "checkout.action." + id;
    }
}
