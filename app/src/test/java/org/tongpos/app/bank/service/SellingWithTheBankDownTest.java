package org.tongpos.app.bank.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.sync.batch.RoundOutcome;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/** Selling never waits for the bank: with the bank down the sale commits at once and the entries wait, counted. */
class SellingWithTheBankDownTest {

    @TempDir
    Path dir;
    @TempDir
    Path bankDir;

    @SuppressWarnings("try") // the sandbox bank only has to run while the terminal talks to it
    @Test
    void salesCommitWhileTheBackgroundSyncCannotReachTheBankAndUploadOnceItIsBack() throws Exception {
        String key = BankTestSupport.newKey();
        int port = BankTestSupport.closedPort();
        try (Terminal terminal = Terminal.open(dir)) {
            terminal.catalog().save(terminal.demoCatalog().products(50));
            BankTestSupport.configure(terminal, "http://127.0.0.1:" + port + "/v1", key);
        }
        try (Terminal terminal = Terminal.open(dir)) {
            terminal.bank().startBackground();
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                BankTestSupport.sell(terminal, TenderMethod.CASH, 1, "");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            }
            SyncStatus status = terminal.bank().services().orElseThrow().sync().status();
            assertThat(status.journalLastSeq()).isEqualTo(5);
            assertThat(status.pendingEntries()).isEqualTo(5);
            assertThat(status.upToDate()).isFalse();
        }
        try (SandboxBank bank = SandboxBank.start(new SandboxBankConfig(port, bankDir,
                Map.of(BankTestSupport.TERMINAL, key), BankTestSupport.MERCHANT));
             Terminal terminal = Terminal.open(dir)) {
            SyncStatus status = terminal.bank().services().orElseThrow().sync().syncNow();
            assertThat(status.upToDate()).as(status.toString()).isTrue();
            assertThat(status.lastOutcome()).contains(RoundOutcome.UP_TO_DATE);
            assertThat(BankTestSupport.cursor(terminal.bank().services().orElseThrow().client()).lastSeq())
                    .isEqualTo(5);
        }
    }

    @Test
    void aTerminalWithoutBankSettingsIsOfflineAndStartsNothing() {
        try (Terminal terminal = Terminal.open(dir)) {
            assertThat(terminal.bank().isConfigured()).isFalse();
            assertThat(terminal.bank().services()).isEmpty();
            terminal.bank().startBackground();
            assertThat(terminal.bank().isRunningInBackground()).isFalse();
        }
    }

    @Test
    void theBackgroundSyncUploadsNewSalesByItself() throws Exception {
        String key = BankTestSupport.newKey();
        try (SandboxBank bank = SandboxBank.start(new SandboxBankConfig(0, bankDir,
                Map.of(BankTestSupport.TERMINAL, key), BankTestSupport.MERCHANT))) {
            try (Terminal terminal = Terminal.open(dir)) {
                terminal.catalog().save(terminal.demoCatalog().products(50));
                BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
                BankTestSupport.sell(terminal, TenderMethod.CASH, 2, "");
            }
            try (Terminal terminal = Terminal.open(dir)) {
                terminal.bank().startBackground();
                Instant deadline = Instant.now().plusSeconds(30);
                while (!terminal.bank().services().orElseThrow().sync().status().upToDate()) {
                    assertThat(Instant.now()).as("uploaded in the background within 30 s").isBefore(deadline);
                    Thread.sleep(50);
                }
                assertThat(terminal.bank().services().orElseThrow().sync().status().bankHeldSeq()).isEqualTo(1);
            }
        }
    }
}
