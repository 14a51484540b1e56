package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/**
 * {@code sale … --pay METHOD:AMOUNT[:REFERENCE]} with several tenders against a sandbox bank: the receipt number, the
 * seq and each tender with its reference are printed; a code the bank refuses exits non-zero and journals nothing.
 */
class SaleTendersCliTest {

    private static final String COLA = DemoCatalog.stapleBarcode(0); // 3.00
    private static final String PAYS = "134567890123450000";
    private static final String NO_BALANCE = "134567890123459002";

    @TempDir
    Path dir;
    @TempDir
    Path bankDir;
    private SandboxBank bank;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void terminalWithABank() {
        String key = BankTestSupport.newKey();
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT));
        try (Terminal terminal = Terminal.open(dir)) {
            terminal.catalog().save(terminal.demoCatalog().products(50));
            BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        }
    }

    @AfterEach
    void stopBank() {
        bank.close();
    }

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

    private JournalEntry entry(long seq) {
        try (Terminal terminal = Terminal.open(dir)) {
            return terminal.journal().read(seq, 1).get(0);
        }
    }

    private long lastSeq() {
        try (Terminal terminal = Terminal.open(dir)) {
            return terminal.journal().lastSeq();
        }
    }

    @Test
    void partByPaymentCodeAndTheRestInCashPrintsReceiptSeqAndEachTender() {
        int status = run("sale", COLA + "x3", "--pay", "PAYMENT_CODE:5:" + PAYS, "--pay", "CASH:10");

        assertThat(status).as(err.toString()).isZero();
        JournalEntry entry = entry(1);
        String tradeNo = entry.tenders().stream().filter(t -> t.method() == TenderMethod.PAYMENT_CODE).findFirst()
                .orElseThrow().reference();
        assertThat(tradeNo).isNotEmpty();
        assertThat(out.toString()).contains("receipt T0001-00000001", "seq 1",
                "tender PAYMENT_CODE 5.00 " + tradeNo, "tender CASH 4.00");
        assertThat(entry.amountFen()).isEqualTo(900);
    }

    @Test
    void aBankCardTenderKeepsTheCardTerminalsReference() {
        assertThat(run("sale", COLA, "--pay", "BANK_CARD:3:REF778899")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("tender BANK_CARD 3.00 REF778899");
        assertThat(entry(1).tenders().get(0).reference()).isEqualTo("REF778899");
        assertThat(entry(1).tenders().get(0).method()).isEqualTo(TenderMethod.BANK_CARD);
    }

    @Test
    void aCodeTheBankRefusesExitsNonZeroWithTheReasonAndJournalsNothing() {
        assertThat(run("sale", COLA, "--pay", "PAYMENT_CODE:3:" + NO_BALANCE)).isEqualTo(ExitCodes.REFUSED);

        assertThat(err.toString()).contains("余额不足");
        assertThat(lastSeq()).isZero();
    }

    @Test
    void paymentsThatCannotBeTakenAreBadInputAndRecordNothing() {
        assertThat(run("sale", COLA, "--pay", "CASH:3:REF")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("sale", COLA, "--pay", "BANK_CARD:3")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("sale", COLA, "--pay", "PAYMENT_CODE:3:notdigits")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("sale", COLA, "--pay", "PAYMENT_CODE:4:" + PAYS)).as("more than due by code")
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("sale", COLA, "--pay", "CASH:1", "--pay", "CASH:2")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(lastSeq()).isZero();
    }

    @Test
    void offlineACodeIsRefusedAtOnceAndCashStillWorks() {
        try (Terminal terminal = Terminal.open(dir)) {
            terminal.settings().set(org.tongpos.app.settings.domain.SettingKey.BANK_URL, "");
        }
        assertThat(run("sale", COLA, "--pay", "PAYMENT_CODE:3:" + PAYS)).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("付款码需要连接银行");
        assertThat(run("sale", COLA, "--pay", "CASH:3")).isZero();
        assertThat(out.toString()).contains("receipt T0001-00000001", "seq 1", "tender CASH 3.00");
    }
}
