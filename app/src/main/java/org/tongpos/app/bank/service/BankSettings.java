package org.tongpos.app.bank.service;

import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.service.SettingsService;

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

    public static BankSettings from(SettingsService settings) {
        return new BankSettings(settings.get(SettingKey.BANK_URL), settings.get(SettingKey.BANK_KEY),
                settings.get(SettingKey.BANK_MERCHANT), settings.get(SettingKey.TERMINAL_ID),
                Boolean.parseBoolean(settings.get(SettingKey.BANK_ALLOW_PLAIN_HTTP)));
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
