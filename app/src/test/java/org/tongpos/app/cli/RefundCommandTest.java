package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;

class RefundCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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
    void aSale() {
        assertThat(run("demo-data", "--products", "100")).isZero();
        assertThat(run("shift", "open", "--float", "100")).isZero();
        assertThat(run("sale", TerminalFixture.COLA + "x3", TerminalFixture.PEPSI, "--pay", "CASH:20"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("T0001-00000001", "seq 1");
    }

    @Test
    void partReturnsNeverExceedWhatWasSoldAndAreJournaledAsRefunds() throws Exception {
        assertThat(run("refund", "T0001-00000001", TerminalFixture.COLA + "x2", "--reason", "破损")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("退款 6.00", "现金 6.00", "seq 2");
        // one cola is left: two more is too many, and nothing is recorded
        assertThat(run("refund", "T0001-00000001", TerminalFixture.COLA + "x2")).isEqualTo(2);
        assertThat(err.toString()).contains("还可退 1");
        assertThat(run("journal", "export", "--from-seq", "3")).isZero();
        assertThat(out.toString()).isEmpty();
        // the rest of the receipt: one cola and the pepsi
        assertThat(run("refund", "T0001-00000001")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("退款 6.00", "seq 3");
        assertThat(run("refund", "T0001-00000001")).isEqualTo(2);
        assertThat(err.toString()).contains("已全部退货");

        assertThat(run("journal", "export", "--from-seq", "2")).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(2);
        com.fasterxml.jackson.databind.JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(lines[0]);
        assertThat(first.get("kind").asText()).isEqualTo("REFUND");
        assertThat(first.get("amount_fen").asLong()).isEqualTo(600);
        assertThat(first.get("original_txn_id").asText()).hasSize(36);
        assertThat(run("journal", "verify")).isZero();

        assertThat(run("shift", "close", "--counted", "100")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("退货（2 笔）", "12.00", "相符");
    }

    @Test
    void unknownReceiptOrItemIsRefused() {
        assertThat(run("refund", "T0001-00000099")).isEqualTo(2);
        assertThat(err.toString()).contains("T0001-00000099");
        assertThat(run("refund", "T0001-00000001", "6920000000999")).isEqualTo(2);
        assertThat(err.toString()).contains("6920000000999");
    }
}
