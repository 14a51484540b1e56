package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.sync.sandbox.StatementRowStatus;
import org.tongpos.sync.wire.Cursor;

/**
 * The {@code sync} commands end to end: a terminal's CLI against a real sandbox bank on a free loopback port, over
 * signed HTTP, both sides on H2 files.
 */
class SyncCommandTest {

    @TempDir
    Path dir;
    @TempDir
    Path bankDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String key = BankTestSupport.newKey();
    private SandboxBank bank;

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TongPosCommand.run(d -> {
            throw new AssertionError("a command must not start the GUI");
        }, new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @BeforeEach
    void startBankAndStore() throws InterruptedException {
        BankTestSupport.awayFromBusinessMidnight();
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT));
        assertThat(run("demo-data", "--products", "100")).isZero();
        assertThat(run("config", "set", "ui.locale", "en")).isZero();
    }

    @AfterEach
    void stopBank() {
        bank.close();
    }

    @Test
    void syncCloseDayAndReconcileMatchThenAPlantedReversalExitsFourAndIsListed() throws Exception {
        assertThat(run("sale", TerminalFixture.COLA + "x3", "--pay", "CASH:10")).as(err.toString()).isZero();
        assertThat(run("sale", TerminalFixture.PEPSI, "--pay", "CASH:3")).as(err.toString()).isZero();
        String cardTxn;
        String date;
        try (Terminal terminal = Terminal.open(dir)) {
            CompletedSale card = BankTestSupport.sell(terminal, TenderMethod.BANK_CARD, 2, "CARD0001");
            BankTestSupport.sell(terminal, TenderMethod.PAYMENT_CODE, 1, "420000000001");
            cardTxn = card.txnId();
            date = card.businessDate().toString();
        }
        assertThat(run("sync", "status")).isEqualTo(2);
        assertThat(err.toString()).contains("not configured");

        assertThat(run("config", "set", "bank.url", bank.apiBaseUrl())).as(err.toString()).isZero();
        assertThat(run("config", "set", "bank.key", key)).isZero();
        assertThat(run("config", "set", "bank.merchant-id", BankTestSupport.MERCHANT)).isZero();
        assertThat(run("sync", "status")).isZero();
        assertThat(out.toString()).contains("Journal up to seq 4; the bank holds through seq 0; 4 entries pending",
                "Last contact: never", "Quarantined batches: none");

        assertThat(run("sync", "now")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("The bank holds every entry (through seq 4)");
        try (Terminal terminal = Terminal.open(dir)) {
            JournalEntry head = terminal.journal().read(4, 1).get(0);
            Cursor cursor = BankTestSupport.cursor(terminal.bank().services().orElseThrow().client());
            assertThat(cursor.lastSeq()).isEqualTo(terminal.journal().lastSeq()).isEqualTo(4);
            assertThat(cursor.lastEntryHash()).isEqualTo(head.entryHash());
        }
        assertThat(run("sync", "status")).isZero();
        assertThat(out.toString()).contains("4 entries pending".replace("4", "0"), "the bank holds through seq 4")
                .doesNotContain("Last contact: never");

        assertThat(run("sync", "close-day", date)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Day " + date + ": IN_BALANCE",
                "Terminal: 4 entries, debits ¥21.00, credits ¥0.00", "Bank: 4 entries, debits ¥21.00, credits ¥0.00");

        assertThat(run("sync", "reconcile", date)).as(out + err.toString()).isZero();
        assertThat(out.toString()).contains("2 matched (¥9.00), 0 differences", "Statement: 2 rows",
                "Reversed by the bank: 0", "Missing at the bank: 0");

        bank.markStatementRow(BankTestSupport.TERMINAL, cardTxn, TenderMethod.BANK_CARD, StatementRowStatus.REVERSED, 0);
        assertThat(run("sync", "close-day", date)).as(err.toString()).isZero();
        Path csv = dir.resolve("differences.csv");
        assertThat(run("sync", "reconcile", date, "--csv", csv.toString())).isEqualTo(4);
        assertThat(out.toString()).contains("1 matched (¥3.00), 1 differences", "Reversed by the bank: 1",
                "#1 Reversed by the bank: txn " + cardTxn + " seq 3 BANK_CARD, terminal ¥6.00, bank ¥6.00 (REVERSED)");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("REVERSED_BY_BANK," + cardTxn + ",3,BANK_CARD,600,600,");

        assertThat(run("sync", "investigate", date, "7", "no such")).isEqualTo(2);
        assertThat(run("sync", "investigate", date, "1", "bank reversed the card payment; customer paid again"))
                .as(err.toString()).isZero();
        assertThat(run("sync", "reconcile", date)).isEqualTo(4);
        assertThat(out.toString()).contains("investigated: bank reversed the card payment; customer paid again");
    }

    @Test
    void aSaleAfterTheCloseIsMissingAtTheBankUntilUploadedAndClosedAgain() throws Exception {
        String date;
        try (Terminal terminal = Terminal.open(dir)) {
            date = BankTestSupport.sell(terminal, TenderMethod.BANK_CARD, 1, "CARD0001").businessDate().toString();
            BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        }
        assertThat(run("sync", "close-day", date)).as(err.toString()).isZero();
        String late;
        try (Terminal terminal = Terminal.open(dir)) {
            late = BankTestSupport.sell(terminal, TenderMethod.BANK_CARD, 2, "CARD0002").txnId();
        }
        assertThat(run("sync", "reconcile", date)).isEqualTo(4);
        assertThat(out.toString()).contains("Missing at the bank: 1", "txn " + late);

        assertThat(run("sync", "close-day", date)).isZero();
        assertThat(out.toString()).contains("IN_BALANCE", "Bank: 2 entries");
        assertThat(run("sync", "reconcile", date)).isZero();
    }

    @Test
    void aJournalThatContradictsWhatTheBankHoldsIsQuarantinedShownAndBlocksTheDayClose() throws Exception {
        Path other = dir.resolve("cloned-terminal");
        String date;
        try (Terminal setup = Terminal.open(other)) {
            setup.catalog().save(setup.demoCatalog().products(50));
            BankTestSupport.configure(setup, bank.apiBaseUrl(), key);
        }
        try (Terminal clone = Terminal.open(other)) {
            date = BankTestSupport.sell(clone, TenderMethod.CASH, 1, "").businessDate().toString();
            BankTestSupport.sell(clone, TenderMethod.CASH, 1, "");
            assertThat(clone.bank().services().orElseThrow().sync().syncNow().upToDate()).isTrue();
        }
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3")).isZero();
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3")).isZero();
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3")).isZero();
        assertThat(run("config", "set", "bank.url", bank.apiBaseUrl())).isZero();
        assertThat(run("config", "set", "bank.key", key)).isZero();

        assertThat(run("sync", "now")).isEqualTo(1);
        assertThat(err.toString()).contains("Not finished: 3 entries pending (blocked by a quarantined batch)",
                "Quarantined batch", "(seq 1–3, 3 entries)");
        assertThat(run("sync", "status")).isZero();
        assertThat(out.toString()).contains("Last round: blocked by a quarantined batch", "(seq 1–3, 3 entries)")
                .doesNotContain("Quarantined batches: none");
        assertThat(run("sync", "close-day", date)).isEqualTo(1);
        assertThat(err.toString()).contains("Day " + date + " not closed");
    }

    @Test
    void reconcilingADayThatIsNotClosedSaysSoAndBadDatesAreRefused() {
        try (Terminal terminal = Terminal.open(dir)) {
            BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        }
        assertThat(run("sync", "reconcile", "2026-11-29")).isEqualTo(1);
        assertThat(err.toString()).contains("No statement for 2026-11-29 yet");
        assertThat(run("sync", "close-day", "30/11/2026")).isEqualTo(2);
        assertThat(run("sync", "investigate", "2026-11-29", "1", "x")).isEqualTo(1);
    }

    @Test
    void bankUrlMustEndInV1AndTheKeyMustBe32BytesOfBase64() {
        assertThat(run("config", "set", "bank.url", "http://127.0.0.1:8443/")).isEqualTo(2);
        assertThat(run("config", "set", "bank.url", "http://127.0.0.1:8443/v1")).isZero();
        assertThat(run("config", "set", "bank.url", "https://bank.example/api/v1/")).isZero();
        assertThat(run("config", "set", "bank.key", "c2hvcnQ=")).isEqualTo(2);
        assertThat(run("config", "set", "bank.merchant-id", "M/001")).isEqualTo(2);
    }
}
