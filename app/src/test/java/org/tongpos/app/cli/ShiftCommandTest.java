package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;

class ShiftCommandTest {

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
    void demoStore() {
        assertThat(run("demo-data", "--products", "100")).isZero();
    }

    @Test
    void aWholeShiftFromTheCommandLine() {
        assertThat(run("shift", "open", "--float", "200")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("200.00");
        assertThat(run("sale", TerminalFixture.COLA + "x2", "--pay", "CASH:10")).as(err.toString()).isZero();
        assertThat(run("shift", "paid-in", "50", "--reason", "补零钱")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("存入 50.00：补零钱", "256.00");
        assertThat(run("shift", "paid-out", "6", "--reason", "买胶带")).as(err.toString()).isZero();
        assertThat(run("shift", "x")).isZero();
        assertThat(out.toString()).contains("X 报表", "销售（1 笔）", "6.00", "应有现金", "250.00");

        assertThat(run("shift", "close", "--count", "100x2,20x2,10x1")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Z 报表", "100.00 × 2", "实点现金", "250.00", "相符");
        assertThat(run("shift", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("尚未开班");
    }

    @Test
    void aScriptedSaleOpensAShiftWithAZeroFloatWhenNoneIsOpen() {
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3")).as(err.toString()).isZero();
        assertThat(run("shift", "x")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("备用金", "0.00", "3.00");
        assertThat(run("shift", "open", "--float", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("已有班次");
    }

    @Test
    void refusedInputExitsTwoAndClosesNothing() {
        assertThat(run("shift", "open", "--float", "abc")).isEqualTo(2);
        assertThat(run("shift", "open", "--float", "100")).isZero();
        assertThat(run("shift", "close", "--counted", "80")).isEqualTo(2);
        assertThat(err.toString()).contains("-20.00", "原因");
        assertThat(run("shift", "close", "--count", "30x1")).isEqualTo(2);
        assertThat(run("shift", "paid-out", "5", "--reason", "")).isEqualTo(2);
        assertThat(run("shift", "close", "--counted", "80", "--reason", "少找钱")).isZero();
        assertThat(out.toString()).contains("短款", "-20.00", "少找钱");
    }

    @Test
    void aRefusedSaleOpensNoShift() {
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:1")).isEqualTo(2);
        assertThat(run("shift", "x")).isEqualTo(2);
    }
}
