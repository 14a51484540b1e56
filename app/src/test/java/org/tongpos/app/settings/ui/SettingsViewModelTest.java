package org.tongpos.app.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.ui.TillCommand;

class SettingsViewModelTest {

    @TempDir
    Path directory;
    Terminal terminal;
    final List<UiSettings> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        terminal = Terminal.open(directory, TerminalFixture.FIXED_CLOCK);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private SettingsViewModel settings() {
        return new SettingsViewModel(UiSettings.load(terminal.settings()), terminal.settings(),
                new DirectTaskRunner(), saved::add);
    }

    private static final TillCommand BANK = new TillCommand("key.bank", "bank.screen.title");
    private static final TillCommand DEVICES = new TillCommand("key.devices", "devices.open");
    private static final TillCommand REPRINT = new TillCommand("key.reprint", "checkout.action.reprint");

    /** The dialog as the cashier window opens it, with the commands of the bank and device features. */
    private SettingsViewModel settingsWithCommands() {
        return new SettingsViewModel(UiSettings.load(terminal.settings()), List.of(BANK, DEVICES, REPRINT),
                terminal.settings(), new DirectTaskRunner(), saved::add);
    }

    @Test
    void startsFromTheStoredSettings() {
        SettingsViewModel vm = settings();

        assertThat(vm.locale().get()).isEqualTo("zh_CN");
        assertThat(vm.key(CashierAction.CASH).get()).isEqualTo("F12");
        assertThat(vm.key(CashierAction.CANCEL).get()).isEqualTo("Esc");
    }

    @Test
    void savingStoresLanguageAndKeysAndHandsThemOn() {
        SettingsViewModel vm = settings();
        vm.locale().set("en");
        vm.key(CashierAction.CASH).set("F11");
        vm.key(CashierAction.SEARCH).set("Ctrl+F");

        assertThat(vm.save()).isTrue();

        assertThat(terminal.settings().get(SettingKey.LOCALE)).isEqualTo("en");
        assertThat(terminal.settings().get(SettingKey.KEY_CASH)).isEqualTo("F11");
        assertThat(terminal.settings().get(SettingKey.KEY_SEARCH)).isEqualTo("Ctrl+F");
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).messages().get("checkout.action.cash")).isEqualTo("Cash");
        assertThat(saved.get(0).keyBindings().label(CashierAction.CASH)).isEqualTo("F11");
        assertThat(UiSettings.load(terminal.settings())).isEqualTo(saved.get(0));
    }

    @Test
    void aKeyThatTypesACharacterIsRefusedAndNothingIsSaved() {
        SettingsViewModel vm = settings();
        vm.locale().set("en");
        vm.key(CashierAction.CASH).set("C");

        assertThat(vm.save()).isFalse();

        assertThat(vm.notice().get()).isEqualTo(
                Notice.error("settings.invalidKey", new Notice.Key("checkout.action.cash"), "C"));
        assertThat(terminal.settings().get(SettingKey.LOCALE)).isEqualTo("zh_CN");
        assertThat(saved).isEmpty();
    }

    @Test
    void oneKeyForTwoActionsIsRefusedNamingBoth() {
        SettingsViewModel vm = settings();
        vm.key(CashierAction.CASH).set("F2");

        assertThat(vm.save()).isFalse();

        assertThat(vm.notice().get()).isEqualTo(Notice.error("settings.duplicateKey", "F2",
                new Notice.Key("checkout.action.search"), new Notice.Key("checkout.action.cash")));
        assertThat(terminal.settings().get(SettingKey.KEY_CASH)).isEqualTo("F12");
    }

    @Test
    void restoringDefaultsPutsBackEveryDefaultKey() {
        SettingsViewModel vm = settings();
        vm.key(CashierAction.CASH).set("F11");
        vm.key(CashierAction.REMOVE).set("Insert");

        vm.restoreDefaultKeys();

        for (CashierAction action : CashierAction.values()) {
            assertThat(vm.key(action).get()).isEqualTo(action.defaultKey());
        }
    }

    @Test
    void refusalMessagesNameTheActionInTheScreenLanguage() {
        Notice notice = Notice.error("settings.invalidKey", new Notice.Key("checkout.action.cash"), "C");

        assertThat(notice.text(org.tongpos.app.i18n.Messages.forSetting("zh_CN"))).isEqualTo("“现金”的按键“C”不可用。");
        assertThat(notice.text(org.tongpos.app.i18n.Messages.forSetting("en")))
                .isEqualTo("The key “C” cannot be used for “Cash”.");
    }

    @Test
    void featureCommandsStartFromTheirStoredOrDefaultKeys() {
        terminal.settings().set(SettingKey.KEY_BANK, "F10");

        SettingsViewModel vm = settingsWithCommands();

        assertThat(vm.commands()).containsExactly(BANK, DEVICES, REPRINT);
        assertThat(vm.commandKey("key.bank").get()).isEqualTo("F10");
        assertThat(vm.commandKey("key.devices").get()).isEqualTo("F7");
        assertThat(vm.commandKey("key.reprint").get()).isEqualTo("Ctrl+P");
    }

    @Test
    void savingStoresTheCommandKeysAndHandsThemOnParsed() {
        SettingsViewModel vm = settingsWithCommands();
        vm.commandKey("key.bank").set("F10");
        vm.commandKey("key.reprint").set("Ctrl+R");

        assertThat(vm.save()).isTrue();

        assertThat(terminal.settings().get(SettingKey.KEY_BANK)).isEqualTo("F10");
        assertThat(terminal.settings().get(SettingKey.KEY_DEVICES)).isEqualTo("F7");
        assertThat(terminal.settings().get(SettingKey.KEY_REPRINT)).isEqualTo("Ctrl+R");
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).commandKeyBindings().get("key.bank").getName()).isEqualTo("F10");
        assertThat(saved.get(0).commandKeyBindings().get("key.reprint").getName()).isEqualTo("Ctrl+R");
        assertThat(UiSettings.load(terminal.settings())).isEqualTo(saved.get(0));
    }

    @Test
    void aCommandKeyThatATillActionHasIsRefusedNamingBoth() {
        SettingsViewModel vm = settingsWithCommands();
        vm.commandKey("key.bank").set("F12");

        assertThat(vm.save()).isFalse();

        assertThat(vm.notice().get()).isEqualTo(Notice.error("settings.duplicateKey", "F12",
                new Notice.Key("checkout.action.cash"), new Notice.Key("bank.screen.title")));
        assertThat(terminal.settings().get(SettingKey.KEY_BANK)).isEqualTo("F9");
        assertThat(saved).isEmpty();
    }

    @Test
    void aTillActionCannotTakeTheKeyOfACommand() {
        SettingsViewModel vm = settingsWithCommands();
        vm.key(CashierAction.SEARCH).set("F7");

        assertThat(vm.save()).isFalse();

        assertThat(vm.notice().get()).isEqualTo(Notice.error("settings.duplicateKey", "F7",
                new Notice.Key("checkout.action.search"), new Notice.Key("devices.open")));
        assertThat(terminal.settings().get(SettingKey.KEY_SEARCH)).isEqualTo("F2");
    }

    @Test
    void twoCommandsCannotShareAKey() {
        SettingsViewModel vm = settingsWithCommands();
        vm.commandKey("key.reprint").set("F9");

        assertThat(vm.save()).isFalse();

        assertThat(vm.notice().get()).isEqualTo(Notice.error("settings.duplicateKey", "F9",
                new Notice.Key("bank.screen.title"), new Notice.Key("checkout.action.reprint")));
    }

    @Test
    void aCommandKeyThatTypesACharacterIsRefused() {
        SettingsViewModel vm = settingsWithCommands();
        vm.commandKey("key.reprint").set("P");

        assertThat(vm.save()).isFalse();

        assertThat(vm.notice().get()).isEqualTo(
                Notice.error("settings.invalidKey", new Notice.Key("checkout.action.reprint"), "P"));
        assertThat(terminal.settings().get(SettingKey.KEY_REPRINT)).isEqualTo("Ctrl+P");
    }

    @Test
    void restoringDefaultsAlsoPutsBackTheCommandsDefaultKeys() {
        SettingsViewModel vm = settingsWithCommands();
        vm.commandKey("key.bank").set("F10");
        vm.commandKey("key.reprint").set("Ctrl+R");

        vm.restoreDefaultKeys();

        assertThat(vm.commandKey("key.bank").get()).isEqualTo("F9");
        assertThat(vm.commandKey("key.devices").get()).isEqualTo("F7");
        assertThat(vm.commandKey("key.reprint").get()).isEqualTo("Ctrl+P");
    }

    @Test
    void aDialogWithoutCommandsKeepsTheStoredCommandKeys() {
        terminal.settings().set(SettingKey.KEY_BANK, "F10");
        SettingsViewModel vm = settings();
        vm.key(CashierAction.CASH).set("F11");

        assertThat(vm.save()).isTrue();

        assertThat(terminal.settings().get(SettingKey.KEY_BANK)).isEqualTo("F10");
    }
}
