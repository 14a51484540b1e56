package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;

class ShiftCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    @BeforeEach
    void demoStore() {
        assertThat(run("demo-data", "--products", "100")).isZero();
    }

    @Test
    void aWholeShiftFromTheCommandLine() {
        assertThat(run("shift", "open", "--float", "200")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("200.00");
        assertThat(run("sale", TerminalFixture.COLA + "x2", "--pay", "CASH:10")).as(cli.err()).isZero();
        assertThat(run("shift", "paid-in", "50", "--reason", "补零钱")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("存入 50.00：补零钱", "256.00");
        assertThat(run("shift", "paid-out", "6", "--reason", "买胶带")).as(cli.err()).isZero();
        assertThat(run("shift", "x")).isZero();
        assertThat(cli.out()).contains("X 报表", "销售（1 笔）", "6.00", "应有现金", "250.00");

        assertThat(run("shift", "close", "--count", "100x2,20x2,10x1")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Z 报表", "100.00 × 2", "实点现金", "250.00", "相符");
        assertThat(run("shift", "x")).isEqualTo(2);
        assertThat(cli.err()).contains("尚未开班");
    }

    @Test
    void aScriptedSaleOpensAShiftWithAZeroFloatWhenNoneIsOpen() {
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3")).as(cli.err()).isZero();
        assertThat(run("shift", "x")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("备用金", "0.00", "3.00");
        assertThat(run("shift", "open", "--float", "10")).isEqualTo(2);
        assertThat(cli.err()).contains("已有班次");
    }

    @Test
    void refusedInputExitsTwoAndClosesNothing() {
        assertThat(run("shift", "open", "--float", "abc")).isEqualTo(2);
        assertThat(run("shift", "open", "--float", "100")).isZero();
        assertThat(run("shift", "close", "--counted", "80")).isEqualTo(2);
        assertThat(cli.err()).contains("-20.00", "原因");
        assertThat(run("shift", "close", "--count", "30x1")).isEqualTo(2);
        assertThat(run("shift", "paid-out", "5", "--reason", "")).isEqualTo(2);
        assertThat(run("shift", "close", "--counted", "80", "--reason", "少找钱")).isZero();
        assertThat(cli.out()).contains("短款", "-20.00", "少找钱");
    }

    @Test
    void aRefusedSaleOpensNoShift() {
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:1")).isEqualTo(2);
        assertThat(run("shift", "x")).isEqualTo(2);
    }
}
