package org.tongpos.app.settings.service;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.store.SettingsStore;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.InvalidDeviceAddressException;
import org.tongpos.sync.client.PlainHttpRule;

/**
 * The terminal's settings with every rule about them, for the command line and the screens alike: each value's form
 * (bank URL and key, key names, device addresses... as {@link SettingKey} defines it), the terminal id that cannot
 * change once the journal has entries (it seeds the hash chain), and one key per action. A change is checked whole
 * before anything is written; a refused change writes nothing.
 */
public final class SettingsService {

    private static final Set<SettingKey> DEVICE_ADDRESSES = Set.of(SettingKey.DEVICE_PRINTER,
            SettingKey.DEVICE_SCANNER, SettingKey.DEVICE_DISPLAY, SettingKey.DEVICE_SCALE,
            SettingKey.DEVICE_CARD_READER, SettingKey.DEVICE_FACE);

    private final SettingsStore store;
    private final LongSupplier journalLastSeq;

    /** @param journalLastSeq the journal's last sequence number (0 while it is empty) */
    public SettingsService(SettingsStore store, LongSupplier journalLastSeq) {
        this.store = store;
        this.journalLastSeq = journalLastSeq;
    }

    /** The stored value, or the setting's default. */
    public String get(SettingKey key) {
        return store.get(key);
    }

    /** Why {@code value} cannot be stored for {@code key} now; empty when it can. */
    public Optional<SettingRefusal> check(SettingKey key, String value) {
        return checkAll(Map.of(key, value));
    }

    /**
     * Why this change cannot be stored; empty when it can. The forms come first (in {@link SettingKey} order), then
     * the terminal id, then the keys: a key setting may not have a key that another one has after the change (the
     * later of the two in {@link SettingKey} order is the one refused).
     */
    public Optional<SettingRefusal> checkAll(Map<SettingKey, String> changes) {
        Map<SettingKey, String> ordered = new EnumMap<>(changes);
        for (Map.Entry<SettingKey, String> change : ordered.entrySet()) {
            Optional<SettingRefusal> refused = checkForm(change.getKey(), change.getValue());
            if (refused.isPresent()) {
                return refused;
            }
        }
        String terminalId = ordered.get(SettingKey.TERMINAL_ID);
        if (terminalId != null && !terminalId.equals(store.get(SettingKey.TERMINAL_ID))
                && journalLastSeq.getAsLong() > 0) {
            return Optional.of(SettingRefusal.terminalIdLocked(terminalId));
        }
        Optional<SettingRefusal> plainHttp = plainHttpRefused(ordered);
        if (plainHttp.isPresent()) {
            return plainHttp;
        }
        return keyTaken(ordered);
    }

    /** Stores one setting after {@link #check}; throws {@link SettingRefusedException} when refused. */
    public void set(SettingKey key, String value) {
        setAll(Map.of(key, value));
    }

    /** Stores every setting of the change after {@link #checkAll}; throws {@link SettingRefusedException} when refused. */
    public void setAll(Map<SettingKey, String> changes) {
        Optional<SettingRefusal> refused = checkAll(changes);
        if (refused.isPresent()) {
            throw new SettingRefusedException(refused.get());
        }
        new EnumMap<>(changes).forEach(store::set);
    }

    /**
     * The form check alone (no stored state): empty when {@code value} has a form {@code key} accepts. For a device
     * address the refusal's detail says why it cannot be used (it does not parse, or its scheme is not for that kind
     * of device).
     */
    public static Optional<SettingRefusal> checkForm(SettingKey key, String value) {
        if (key.accepts(value)) {
            return Optional.empty();
        }
        return Optional.of(SettingRefusal.invalid(key, String.valueOf(value), formDetail(key, value)));
    }

    private static String formDetail(SettingKey key, String value) {
        if (value == null || !DEVICE_ADDRESSES.contains(key)) {
            return "";
        }
        try {
            DeviceAddress parsed = DeviceAddress.parse(value);
            return parsed.scheme().name().toLowerCase(Locale.ROOT) + ": not for this device";
        } catch (InvalidDeviceAddressException e) {
            return e.getMessage();
        }
    }

    /**
     * A new {@code bank.url} that is plain {@code http://} to another machine, while the lab override
     * {@code bank.allow-plain-http} is off (after the change): the contract allows plain HTTP only to a sandbox on
     * loopback.
     */
    private Optional<SettingRefusal> plainHttpRefused(Map<SettingKey, String> changes) {
        String url = changes.get(SettingKey.BANK_URL);
        if (url == null || url.isBlank() || Boolean.parseBoolean(
                changes.getOrDefault(SettingKey.BANK_ALLOW_PLAIN_HTTP, store.get(SettingKey.BANK_ALLOW_PLAIN_HTTP)))) {
            return Optional.empty();
        }
        URI parsed;
        try {
            parsed = URI.create(url.strip());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (PlainHttpRule.permits(parsed)) {
            return Optional.empty();
        }
        String host = parsed.getHost() != null ? parsed.getHost() : String.valueOf(parsed.getRawAuthority());
        return Optional.of(SettingRefusal.plainHttpRefused(url, host));
    }

    private Optional<SettingRefusal> keyTaken(Map<SettingKey, String> changes) {
        if (changes.keySet().stream().noneMatch(SettingsService::isKeySetting)) {
            return Optional.empty();
        }
        Map<String, SettingKey> owners = new HashMap<>();
        for (SettingKey setting : SettingKey.values()) {
            if (!isKeySetting(setting)) {
                continue;
            }
            String value = changes.containsKey(setting) ? changes.get(setting) : store.get(setting);
            SettingKey owner = owners.putIfAbsent(canonicalKey(value), setting);
            if (owner != null && (changes.containsKey(setting) || changes.containsKey(owner))) {
                return Optional.of(SettingRefusal.keyTaken(setting, value, owner));
            }
        }
        return Optional.empty();
    }

    /** The settings that bind a key to an action ({@code key.*}). */
    public static boolean isKeySetting(SettingKey setting) {
        return setting.key().startsWith("key.");
    }

    /** A key name with its modifiers in one order: {@code Shift+Ctrl+F1} and {@code Ctrl+Shift+F1} are one key. */
    static String canonicalKey(String name) {
        String[] parts = name.strip().split("\\+");
        Set<String> modifiers = new TreeSet<>(Arrays.asList(parts).subList(0, parts.length - 1));
        return String.join("+", modifiers) + "|" + parts[parts.length - 1];
    }
}
