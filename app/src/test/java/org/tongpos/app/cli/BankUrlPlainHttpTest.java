package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.settings.domain.SettingKey;

/**
 * Plain {@code http://} reaches only a sandbox bank on this machine (settlement-api.md: TLS in production, plain HTTP
 * for a sandbox on loopback): {@code config set bank.url} refuses it for another host, and a value stored earlier is
 * refused when the bank connection is built, each time saying why in the terminal's language; a test lab can say
 * {@code bank.allow-plain-http true}.
 */
class BankUrlPlainHttpTest {

    private static final String REMOTE = "http://10.0.0.5:8443/v1";

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    @Test
    void configSetRefusesPlainHttpToAnotherHostInChineseAndInEnglishAndKeepsTheOldValue() {
        assertThat(run("config", "set", "bank.url", "https://bank.example/v1")).isZero();

        assertThat(run("config", "set", "bank.url", REMOTE)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("10.0.0.5", "明文 http://", "https://", "bank.allow-plain-http true");
        assertThat(run("config", "set", "ui.locale", "en")).isZero();
        assertThat(run("config", "set", "bank.url", "http://127.0.0.1@bank.example/v1")).isEqualTo(2);
        assertThat(cli.err()).contains("bank.example", "plain http://", "https://", "bank.allow-plain-http true");

        assertThat(run("config", "get", "bank.url")).isZero();
        assertThat(cli.out().strip()).isEqualTo("https://bank.example/v1");
    }

    @Test
    void plainHttpToThisMachineIsAcceptedForTheSandbox() {
        for (String url : new String[] {"http://127.0.0.1:8443/v1", "http://localhost:8443/v1", "http://[::1]:8443/v1"}) {
            assertThat(run("config", "set", "bank.url", url)).as(url + ": " + cli.err()).isZero();
        }
    }

    @Test
    void theLabOverrideAllowsPlainHttpToAnotherHostOnceSet() {
        assertThat(run("config", "get", "bank.allow-plain-http")).isZero();
        assertThat(cli.out().strip()).isEqualTo("false");
        assertThat(run("config", "set", "bank.allow-plain-http", "yes")).isEqualTo(2);

        assertThat(run("config", "set", "bank.allow-plain-http", "true")).isZero();
        assertThat(run("config", "set", "bank.url", REMOTE)).as(cli.err()).isZero();
        assertThat(run("config", "set", "bank.key", BankTestSupport.newKey())).isZero();
        assertThat(run("sync", "status")).as(cli.err()).isZero();
        assertThat(cli.out()).contains(REMOTE);
    }

    @Test
    void aPlainHttpUrlStoredEarlierIsRefusedWhenTheBankConnectionIsBuiltAndSyncStatusSaysWhy() {
        try (Terminal terminal = Terminal.open(dir)) {
            // stored before this rule existed, or with the override that has since been turned off
            BankTestSupport.storeWithoutTodaysRules(terminal, REMOTE, BankTestSupport.newKey());
            assertThat(terminal.settings().get(SettingKey.BANK_URL)).isEqualTo(REMOTE);
        }

        assertThat(run("sync", "status")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("10.0.0.5", "明文 http://");
        assertThat(run("config", "set", "ui.locale", "en")).isZero();
        assertThat(run("sync", "now")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cli.err()).contains("10.0.0.5", "plain http://", "bank.allow-plain-http true");
    }
}
