package org.tongpos.app.settings.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.settings.service.SettingRefusal.Reason;
import org.tongpos.sync.journal.TenderMethod;

/** Every rule about a setting, as the command line and the screens meet it: through the service. */
class SettingsServiceTest {

    @TempDir
    Path dir;
    Terminal terminal;
    SettingsService settings;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir, 10);
        settings = terminal.settings();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    @Test
    void theTerminalIdChangesFreelyUntilTheJournalHasAnEntryThenItIsLocked() {
        settings.set(SettingKey.TERMINAL_ID, "T0002");
        assertThat(settings.get(SettingKey.TERMINAL_ID)).isEqualTo("T0002");
        sellOne();

        assertThat(settings.check(SettingKey.TERMINAL_ID, "T0003")).get().extracting(SettingRefusal::reason)
                .isEqualTo(Reason.TERMINAL_ID_LOCKED);
        assertThatThrownBy(() -> settings.set(SettingKey.TERMINAL_ID, "T0003"))
                .isInstanceOf(SettingRefusedException.class);
        assertThat(settings.get(SettingKey.TERMINAL_ID)).isEqualTo("T0002");
        assertThat(settings.check(SettingKey.TERMINAL_ID, "T0002")).as("setting the same id again is no change")
                .isEmpty();
    }

    @Test
    void theBankUrlMustEndInV1AndTheKeyBe32BytesOfBase64() {
        assertThat(settings.check(SettingKey.BANK_URL, "https://bank.example/api")).get()
                .extracting(SettingRefusal::reason).isEqualTo(Reason.INVALID);
        assertThat(settings.check(SettingKey.BANK_URL, "https://bank.example/v1")).isEmpty();
        assertThat(settings.check(SettingKey.BANK_KEY, "c2hvcnQ=")).get().extracting(SettingRefusal::reason)
                .isEqualTo(Reason.INVALID);
        assertThat(settings.check(SettingKey.BANK_KEY, "A".repeat(43) + "=")).isEmpty();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessTheLabOverrideIsOn() {
        assertThat(settings.check(SettingKey.BANK_URL, "http://10.0.0.5/v1")).contains(new SettingRefusal(
                SettingKey.BANK_URL, "http://10.0.0.5/v1", Reason.PLAIN_HTTP_REFUSED, java.util.Optional.empty(),
                "10.0.0.5"));
        assertThat(settings.check(SettingKey.BANK_URL, "http://127.0.0.1:8443/v1")).isEmpty();
        assertThat(settings.check(SettingKey.BANK_URL, "https://10.0.0.5/v1")).isEmpty();

        settings.set(SettingKey.BANK_ALLOW_PLAIN_HTTP, "true");
        assertThat(settings.check(SettingKey.BANK_URL, "http://10.0.0.5/v1")).isEmpty();
        assertThat(settings.checkAll(Map.of(SettingKey.BANK_URL, "http://10.0.0.5/v1",
                SettingKey.BANK_ALLOW_PLAIN_HTTP, "false"))).get().extracting(SettingRefusal::reason)
                .isEqualTo(Reason.PLAIN_HTTP_REFUSED);
    }

    @Test
    void aKeyThatAnotherActionHasIsRefusedNamingTheOwnerWhicheverOrderTheModifiersAreWritten() {
        assertThat(settings.check(SettingKey.KEY_BANK, "F12")).contains(
                new SettingRefusal(SettingKey.KEY_BANK, "F12", Reason.KEY_TAKEN,
                        java.util.Optional.of(SettingKey.KEY_CASH), ""));
        settings.set(SettingKey.KEY_SEARCH, "Ctrl+Shift+F");
        assertThat(settings.check(SettingKey.KEY_REPRINT, "Shift+Ctrl+F")).get()
                .extracting(r -> r.other().orElseThrow()).isEqualTo(SettingKey.KEY_SEARCH);
        assertThat(settings.check(SettingKey.KEY_BANK, "F10")).isEmpty();
    }

    @Test
    void keysCanSwapPlacesInOneChange() {
        settings.setAll(Map.of(SettingKey.KEY_BANK, "F7", SettingKey.KEY_DEVICES, "F9"));

        assertThat(settings.get(SettingKey.KEY_BANK)).isEqualTo("F7");
        assertThat(settings.get(SettingKey.KEY_DEVICES)).isEqualTo("F9");
    }

    @Test
    void aKeyThatTypesACharacterIsRefused() {
        assertThat(settings.check(SettingKey.KEY_CASH, "C")).get().extracting(SettingRefusal::reason)
                .isEqualTo(Reason.INVALID);
        assertThat(settings.check(SettingKey.KEY_CASH, "Ctrl+C")).isEmpty();
    }

    @Test
    void aDeviceAddressIsRefusedWithTheReason() {
        assertThat(settings.check(SettingKey.DEVICE_SCANNER, "tcp://192.168.1.50:9100")).get()
                .extracting(SettingRefusal::detail).isEqualTo("tcp: not for this device");
        assertThat(settings.check(SettingKey.DEVICE_PRINTER, "lpt:1")).get().extracting(SettingRefusal::detail)
                .asString().isNotBlank();
        assertThat(settings.check(SettingKey.DEVICE_PRINTER, "tcp://192.168.1.50:9100")).isEmpty();
    }

    @Test
    void aRefusedChangeWritesNothingOfIt() {
        assertThatThrownBy(() -> settings.setAll(Map.of(SettingKey.STORE_NAME, "新店名",
                SettingKey.KEY_QUANTITY, "F12")))
                .isInstanceOfSatisfying(SettingRefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(Reason.KEY_TAKEN));

        assertThat(settings.get(SettingKey.STORE_NAME)).isEqualTo(SettingKey.STORE_NAME.defaultValue());
        assertThat(settings.get(SettingKey.KEY_QUANTITY)).isEqualTo("F3");
    }

    private void sellOne() {
        Cart cart = new Cart();
        terminal.checkout().scan(cart, TerminalFixture.COLA);
        try {
            terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(300), "")),
                    TestSessions.cashier("1"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
    }
}
