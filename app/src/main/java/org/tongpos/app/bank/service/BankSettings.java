package org.tongpos.app.bank.service;

import java.net.URI;
import java.util.Optional;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.store.SettingsStore;
import org.tongpos.sync.client.PlainHttpRule;

/**
 * Where the bank is and who this terminal is, from the terminal's settings. The terminal talks to the bank only
 * when both {@code bank.url} and {@code bank.key} are set; otherwise it runs offline (selling never needs the bank).
 *
 * @param plainHttpToAnyHost {@code bank.allow-plain-http}: a test lab's override of the rule that plain
 *                           {@code http://} goes only to a sandbox on this machine
 */
public record BankSettings(String url, String key, String merchantId, String terminalId, boolean plainHttpToAnyHost) {

    public BankSettings {
        url = url == null ? "" : url.strip();
        key = key == null ? "" : key.strip();
        merchantId = merchantId == null ? "" : merchantId.strip();
    }

    public static BankSettings from(SettingsStore settings) {
        return new BankSettings(settings.get(SettingKey.BANK_URL), settings.get(SettingKey.BANK_KEY),
                settings.get(SettingKey.BANK_MERCHANT), settings.get(SettingKey.TERMINAL_ID),
                Boolean.parseBoolean(settings.get(SettingKey.BANK_ALLOW_PLAIN_HTTP)));
    }

    /** The same settings with another {@code bank.url} (to check a value before it is stored). */
    public BankSettings withUrl(String newUrl) {
        return new BankSettings(newUrl, key, merchantId, terminalId, plainHttpToAnyHost);
    }

    /**
     * The host when {@code url} is plain {@code http://} to another machine and the lab override is off: the
     * terminal refuses to talk to it ({@link org.tongpos.sync.client.PlainHttpRefusedException}). Empty otherwise.
     */
    public Optional<String> refusedPlainHttpHost() {
        if (url.isEmpty() || plainHttpToAnyHost) {
            return Optional.empty();
        }
        URI parsed;
        try {
            parsed = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return PlainHttpRule.permits(parsed) ? Optional.empty()
                : Optional.of(parsed.getHost() != null ? parsed.getHost() : String.valueOf(parsed.getRawAuthority()));
    }

    public boolean isConfigured() {
        return !url.isEmpty() && !key.isEmpty();
    }

    @Override
    public String toString() {
        return "BankSettings[url=" + url + ", terminal=" + terminalId + ", merchant=" + merchantId + ", key="
                + (key.isEmpty() ? "(none)" : "***") + (plainHttpToAnyHost ? ", plain HTTP to any host" : "") + "]";
    }
}
