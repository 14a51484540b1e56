package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongpos.app.settings.domain.SettingKey;

class KeyBindingsTest {

    @Test
    void defaultsAreTheDocumentedKeys() {
        KeyBindings keys = KeyBindings.defaults();

        assertThat(keys.key(CashierAction.SEARCH).getCode()).isEqualTo(KeyCode.F2);
        assertThat(keys.key(CashierAction.QUANTITY).getCode()).isEqualTo(KeyCode.F3);
        assertThat(keys.key(CashierAction.REMOVE).getCode()).isEqualTo(KeyCode.DELETE);
        assertThat(keys.key(CashierAction.CLEAR).getCode()).isEqualTo(KeyCode.F5);
        assertThat(keys.key(CashierAction.SETTINGS).getCode()).isEqualTo(KeyCode.F8);
        assertThat(keys.key(CashierAction.CASH).getCode()).isEqualTo(KeyCode.F12);
        assertThat(keys.key(CashierAction.CANCEL).getCode()).isEqualTo(KeyCode.ESCAPE);
        assertThat(keys.label(CashierAction.CASH)).isEqualTo("F12");
        assertThat(keys.label(CashierAction.REMOVE)).isEqualTo("Del");
        assertThat(keys.label(CashierAction.SELECT_UP)).isEqualTo("↑");
    }

    @Test
    void everyActionHasASettingWithTheSameDefault() {
        for (CashierAction action : CashierAction.values()) {
            SettingKey setting = SettingKey.byKey(action.settingName()).orElseThrow();
            assertThat(setting.defaultValue()).as(action.name()).isEqualTo(action.defaultKey());
            assertThat(setting.accepts(action.defaultKey())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"F1", "F11", "Ctrl+F", "Alt+3", "Ctrl+Shift+P", "Page Up", "Insert", "Pause", "Shift+F4"})
    void keysThatTypeNothingCanBeBound(String name) {
        assertThat(KeyBindings.parse(name)).isPresent();
        assertThat(SettingKey.KEY_CASH.accepts(KeyBindings.parse(name).get().getName())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "7", "Shift+A", "Space", "Enter", "Backspace", "Shift", "", "Nonsense", "F99"})
    void keysThatTypeOrConfirmCannotBeBound(String name) {
        assertThat(KeyBindings.parse(name)).as(name).isEmpty();
        assertThat(SettingKey.KEY_CASH.accepts(name)).as(name).isFalse();
    }

    @Test
    void rebindingAKeyMovesTheAction() {
        KeyBindings keys = KeyBindings.of(Map.of(CashierAction.CASH, "F11"));

        assertThat(keys.key(CashierAction.CASH).getCode()).isEqualTo(KeyCode.F11);
        assertThat(keys.label(CashierAction.CASH)).isEqualTo("F11");
    }

    @Test
    void unusableOrTakenKeysFallBackToTheDefault() {
        KeyBindings keys = KeyBindings.of(Map.of(CashierAction.CASH, "A", CashierAction.CLEAR, "F2"));

        assertThat(keys.key(CashierAction.CASH).getCode()).isEqualTo(KeyCode.F12);
        assertThat(keys.key(CashierAction.SEARCH).getCode()).isEqualTo(KeyCode.F2);
        assertThat(keys.key(CashierAction.CLEAR).getCode()).isEqualTo(KeyCode.F5);
    }
}
