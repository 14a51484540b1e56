package org.tongpos.app.checkout.ui;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which key runs which {@link CashierAction}. Built from key names as settings store them ({@code F12},
 * {@code Delete}, {@code Ctrl+F}); a name that does not parse, or a key already taken by another action, falls back
 * to the action's default so that a bad setting never leaves a command without a key.
 */
public final class KeyBindings {

    private static final Logger LOG = LoggerFactory.getLogger(KeyBindings.class);

    private final Map<CashierAction, KeyCodeCombination> keys;

    private KeyBindings(Map<CashierAction, KeyCodeCombination> keys) {
        this.keys = keys;
    }

    public static KeyBindings defaults() {
        return of(Map.of());
    }

    /** Bindings from key names by action; actions missing from {@code names} get their default key. */
    public static KeyBindings of(Map<CashierAction, String> names) {
        Map<CashierAction, KeyCodeCombination> keys = new EnumMap<>(CashierAction.class);
        Map<KeyCodeCombination, CashierAction> taken = new HashMap<>();
        for (CashierAction action : CashierAction.values()) {
            Optional<KeyCodeCombination> key = parse(names.getOrDefault(action, action.defaultKey()));
            if (key.isEmpty() || taken.containsKey(key.get())) {
                LOG.warn("key '{}' for {} is unusable or taken; using {}", names.get(action), action.settingName(),
                        action.defaultKey());
                key = parse(action.defaultKey());
            }
            keys.put(action, key.orElseThrow());
            taken.putIfAbsent(key.get(), action);
        }
        return new KeyBindings(keys);
    }

    /**
     * Parses a key name; empty when it is not one, or when the key would type a character (a letter or digit
     * without Ctrl or Alt), since such keys belong to the scanner and to typing.
     */
    public static Optional<KeyCodeCombination> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        KeyCombination parsed;
        try {
            parsed = KeyCombination.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!(parsed instanceof KeyCodeCombination combination)) {
            return Optional.empty();
        }
        KeyCode code = combination.getCode();
        boolean commandModifier = combination.getControl() == KeyCombination.ModifierValue.DOWN
                || combination.getAlt() == KeyCombination.ModifierValue.DOWN;
        boolean typesCharacter = code.isLetterKey() || code.isDigitKey() || code.isWhitespaceKey()
                || code == KeyCode.BACK_SPACE || code == KeyCode.UNDEFINED;
        if (typesCharacter && !commandModifier || code.isModifierKey()) {
            return Optional.empty();
        }
        return Optional.of(combination);
    }

    public KeyCodeCombination key(CashierAction action) {
        return keys.get(action);
    }

    /** The action a key press runs, if any. */
    public Optional<CashierAction> actionFor(KeyEvent event) {
        for (Map.Entry<CashierAction, KeyCodeCombination> entry : keys.entrySet()) {
            if (entry.getValue().match(event)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The key as shown on a button: short and the same in every language ({@code F12}, {@code Del}, {@code ↑}). */
    public String label(CashierAction action) {
        return label(keys.get(action));
    }

    /** The key as settings store it ({@code Ctrl+F}, {@code Page Up}). */
    public String name(CashierAction action) {
        return keys.get(action).getName();
    }

    /** Any key as shown on screen, in the same short form as the actions' keys. */
    public static String label(KeyCodeCombination key) {
        StringBuilder text = new StringBuilder();
        if (key.getControl() == KeyCombination.ModifierValue.DOWN) {
            text.append("Ctrl+");
        }
        if (key.getAlt() == KeyCombination.ModifierValue.DOWN) {
            text.append("Alt+");
        }
        if (key.getShift() == KeyCombination.ModifierValue.DOWN) {
            text.append("Shift+");
        }
        text.append(switch (key.getCode()) {
            case DELETE -> "Del";
            case INSERT -> "Ins";
            case ESCAPE -> "Esc";
            case UP -> "↑";
            case DOWN -> "↓";
            case LEFT -> "←";
            case RIGHT -> "→";
            case PAGE_UP -> "PgUp";
            case PAGE_DOWN -> "PgDn";
            default -> key.getCode().getName();
        });
        return text.toString();
    }
}
