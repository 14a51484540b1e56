package org.tongpos.app.settings.service;

import java.util.Optional;
import org.tongpos.app.settings.domain.SettingKey;

/**
 * Why a value cannot be stored for a setting: the value's form, the terminal id once the journal has entries, or a
 * key that another action already uses ({@link #other()}). {@link #detail()} says more where there is more to say
 * (why a device address does not parse), else it is empty.
 */
public record SettingRefusal(SettingKey setting, String value, Reason reason, Optional<SettingKey> other,
                             String detail) {

    /** The kinds of refusal. */
    public enum Reason {
        /** The value has not the form the setting accepts. */
        INVALID,
        /** The terminal id seeds the journal's hash chain: it cannot change once the journal has entries. */
        TERMINAL_ID_LOCKED,
        /** Another action's key setting has the same key. */
        KEY_TAKEN,
        /**
         * Plain {@code http://} to a bank on another machine without {@code bank.allow-plain-http}; the detail is
         * the host.
         */
        PLAIN_HTTP_REFUSED
    }

    static SettingRefusal invalid(SettingKey setting, String value, String detail) {
        return new SettingRefusal(setting, value, Reason.INVALID, Optional.empty(), detail);
    }

    static SettingRefusal terminalIdLocked(String value) {
        return new SettingRefusal(SettingKey.TERMINAL_ID, value, Reason.TERMINAL_ID_LOCKED, Optional.empty(), "");
    }

    static SettingRefusal plainHttpRefused(String url, String host) {
        return new SettingRefusal(SettingKey.BANK_URL, url, Reason.PLAIN_HTTP_REFUSED, Optional.empty(), host);
    }

    static SettingRefusal keyTaken(SettingKey setting, String value, SettingKey owner) {
        return new SettingRefusal(setting, value, Reason.KEY_TAKEN, Optional.of(owner), "");
    }
}
