package org.tongpos.app.ui;

/**
 * A command a {@link TillExtension} adds to the cashier window, rebindable like the till's own actions: the setting
 * that holds its key ({@code key.bank}) and its name in the bundles, shown in the settings dialog's key list.
 */
public record TillCommand(String settingName, String messageKey) {
}
