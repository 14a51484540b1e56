package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;

class RefundCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    @BeforeEach
    void aSale() {
        assertThat(run("demo-data", "--products", "100")).isZero();
        assertThat(run("shift", "open", "--float", "100")).isZero();
        assertThat(run("sale", TerminalFixture.COLA + "x3", TerminalFixture.PEPSI, "--pay", "CASH:20"))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("T0001-00000001", "seq 1");
    }

    @Test
    void partReturnsNeverExceedWhatWasSoldAndAreJournaledAsRefunds() throws Exception {
        assertThat(run("refund", "T0001-00000001", TerminalFixture.COLA + "x2", "--reason", "破损")).as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("退款 6.00", "现金 6.00", "seq 2");
        // one cola is left: two more is too many, and nothing is recorded
        assertThat(run("refund", "T0001-00000001", TerminalFixture.COLA + "x2")).isEqualTo(2);
        assertThat(cli.err()).contains("还可退 1");
        assertThat(run("journal", "export", "--from-seq", "3")).isZero();
        assertThat(cli.out()).isEmpty();
        // the rest of the receipt: one cola and the pepsi
        assertThat(run("refund", "T0001-00000001")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("退款 6.00", "seq 3");
        assertThat(run("refund", "T0001-00000001")).isEqualTo(2);
        assertThat(cli.err()).contains("已全部退货");

        assertThat(run("journal", "export", "--from-seq", "2")).isZero();
        String[] lines = cli.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        com.fasterxml.jackson.databind.JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(lines[0]);
        assertThat(first.get("kind").asText()).isEqualTo("REFUND");
        assertThat(first.get("amount_fen").asLong()).isEqualTo(600);
        assertThat(first.get("original_txn_id").asText()).hasSize(36);
        assertThat(run("journal", "verify")).isZero();

        assertThat(run("shift", "close", "--counted", "100")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("退货（2 笔）", "12.00", "相符");
    }

    @Test
    void unknownReceiptOrItemIsRefused() {
        assertThat(run("refund", "T0001-00000099")).isEqualTo(2);
        assertThat(cli.err()).contains("T0001-00000099");
        assertThat(run("refund", "T0001-00000001", "6920000000999")).isEqualTo(2);
        assertThat(cli.err()).contains("6920000000999");
    }

    @Test
    void withoutAReceiptOnlyASupervisorWithAReasonRefundsCash() throws Exception {
        // no supervisor named, a cashier, no reason: refused, nothing recorded
        assertThat(run("refund", "--no-receipt", TerminalFixture.COLA + "x2", "--reason", "破损")).isEqualTo(2);
        assertThat(cli.err()).contains("--operator");
        assertThat(run("refund", "--no-receipt", TerminalFixture.COLA, "--reason", "破损", "--operator", "001"))
                .isEqualTo(2);
        assertThat(run("refund", "--no-receipt", TerminalFixture.COLA, "--operator", "002")).isEqualTo(2);
        assertThat(cli.err()).contains("原因");
        assertThat(run("refund", "--no-receipt", "6920000000999", "--reason", "x", "--operator", "002"))
                .isEqualTo(2);
        assertThat(run("journal", "export", "--from-seq", "2")).isZero();
        assertThat(cli.out()).isEmpty();

        assertThat(run("refund", "--no-receipt", TerminalFixture.COLA + "x2", TerminalFixture.PEPSI,
                "--reason", "顾客无小票", "--operator", "002")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("无小票退货：退现金 9.00", "现金 9.00", "seq 2");
        assertThat(run("journal", "export", "--from-seq", "2")).isZero();
        com.fasterxml.jackson.databind.JsonNode entry = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(cli.out().strip());
        assertThat(entry.get("kind").asText()).isEqualTo("REFUND");
        assertThat(entry.get("amount_fen").asLong()).isEqualTo(900);
        assertThat(entry.get("original_txn_id").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(entry.get("tenders").get(0).get("method").asText()).isEqualTo("CASH");
        assertThat(run("journal", "verify")).isZero();
        // the receipt form is unchanged beside it
        assertThat(run("refund", "T0001-00000001", TerminalFixture.PEPSI)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("seq 3");
        // float 100 + cash sale 12 - refunds 9 and 3 = 100
        assertThat(run("shift", "close", "--counted", "100")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("相符");
    }
}
