package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxBankConfigTest {

    private static final String KEY = TestTerminal.newKey((byte) 3);

    @Test
    void parsesRepeatedTerminalOptions() {
        assertThat(SandboxBankConfig.parseTerminals(List.of("T0001=" + KEY, "T0002=" + KEY)))
                .containsExactly(Map.entry("T0001", KEY), Map.entry("T0002", KEY));
    }

    @Test
    void badTerminalOptionsSayWhatIsWrongWithoutEchoingTheKey() {
        assertThatThrownBy(() -> SandboxBankConfig.parseTerminals(List.of("T0001")))
                .hasMessageContaining("ID=BASE64KEY");
        assertThatThrownBy(() -> SandboxBankConfig.parseTerminals(List.of("T0001=c2hvcnQ=")))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SandboxBankConfig.parseTerminals(List.of("T0001=" + KEY, "T0001=" + KEY)))
                .hasMessageContaining("twice").hasMessageNotContaining(KEY);
    }

    @Test
    void merchantDefaultsToM001AndTerminalsAreRequired() {
        SandboxBankConfig config = new SandboxBankConfig(0, Path.of("x"), Map.of("T0001", KEY), null);
        assertThat(config.merchantId()).isEqualTo("M001");
        assertThat(config.feeRatePpm()).isEqualTo(3_800);
        assertThatThrownBy(() -> new SandboxBankConfig(0, Path.of("x"), Map.of(), "M001"))
                .hasMessageContaining("--terminal");
    }

    @Test
    void aGivenAdminTokenMustBeLongAndHeaderSafeAndNoSecretIsShownByToString() {
        SandboxBankConfig config = new SandboxBankConfig(0, Path.of("x"), Map.of("T0001", KEY), null);
        assertThat(config.adminToken()).as("empty: a random token per start").isEmpty();
        assertThat(config.withAdminToken("lab-token-0123456789").adminToken()).isEqualTo("lab-token-0123456789");
        assertThatThrownBy(() -> config.withAdminToken("short")).hasMessageContaining("--admin-token");
        assertThatThrownBy(() -> config.withAdminToken("sixteen chars with spaces"))
                .hasMessageContaining("--admin-token");
        assertThat(config.withAdminToken("lab-token-0123456789").toString())
                .contains("T0001").doesNotContain(KEY, "lab-token-0123456789");
    }
}
