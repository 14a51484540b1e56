package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.service.LoginResult;
import org.tongpos.app.settings.domain.SettingKey;

/**
 * {@code operator …}, {@code audit …}, and what operators change about {@code demo-data}, {@code sale} and
 * {@code config set}: exact forms, exit codes, messages in the terminal's language, and the audit log.
 */
class OperatorCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    private String[] auditLines() {
        assertThat(run("audit", "list")).isZero();
        return cli.out().strip().split("\n");
    }

    @Test
    void theFirstCommandOnANewTerminalCreatesTheFirstManagerAndSaysSoOnce() {
        assertThat(run("operator", "list")).isZero();
        assertThat(cli.err().strip())
                .isEqualTo("首次启动：已创建店长 900（店长），初始密码 0000，首次登录时必须修改。");
        assertThat(cli.out().strip()).isEqualTo("900\t店长\t店长\t须修改密码");

        assertThat(run("operator", "list")).isZero();
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void demoDataCreatesTheDocumentedDemoOperatorsAndLogsTheWindowInAsTheDemoCashier() {
        assertThat(run("demo-data", "--products", "50")).isZero();
        assertThat(cli.out()).contains("演示操作员 001 王芳（收银员），密码 1111",
                "演示操作员 002 李强（主管），密码 2222", "演示操作员 003 赵敏（店长），密码 3333",
                "演示操作员 004 陈静（审计员），密码 4444", "收银窗口将自动登录为收银员 001（login.auto）。");
        assertThat(cli.err()).as("no first manager besides the demo ones").isEmpty();
        assertThat(run("config", "get", "login.auto")).isZero();
        assertThat(cli.out().strip()).isEqualTo("001");
        assertThat(run("operator", "list")).isZero();
        assertThat(cli.out().strip().split("\n")).containsExactly("001\t王芳\t收银员\t启用",
                "002\t李强\t主管\t启用", "003\t赵敏\t店长\t启用", "004\t陈静\t审计员\t启用");
    }

    @Test
    void addSetPinDisableAndEnableAreRecordedAsTheOperatorNamedOrSystem() {
        run("demo-data", "--products", "20");

        assertThat(run("operator", "add", "101", "刘洋", "CASHIER", "--pin", "5678", "--operator", "003")).isZero();
        assertThat(cli.out().strip()).isEqualTo("已新增操作员 101 刘洋（收银员）。");
        assertThat(run("operator", "add", "102", "周杰", "主管", "--pin", "8765")).isZero();
        assertThat(run("operator", "set-pin", "101", "--pin", "1357", "--must-change")).isZero();
        assertThat(cli.out().strip()).isEqualTo("操作员 101 的密码已设置。");
        assertThat(run("operator", "disable", "102", "--operator", "003")).isZero();
        assertThat(cli.out().strip()).isEqualTo("操作员 102 已停用。");
        assertThat(run("operator", "list")).isZero();
        assertThat(cli.out()).contains("101\t刘洋\t收银员\t须修改密码\n", "102\t周杰\t主管\t已停用\n");
        assertThat(run("operator", "enable", "102")).isZero();

        String[] audit = auditLines();
        assertThat(audit[audit.length - 5]).contains("\t003 店长\t新增操作员\t101\t").doesNotContain("5678");
        assertThat(audit[audit.length - 4]).contains("\tsystem\t新增操作员\t102\t");
        assertThat(audit[audit.length - 3]).contains("\tsystem\t设置密码\t101\t").doesNotContain("1357");
        assertThat(audit[audit.length - 2]).contains("\t003 店长\t停用操作员\t102");
        assertThat(audit[audit.length - 1]).contains("\tsystem\t启用操作员\t102");
        try (Terminal terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK)) {
            assertThat(terminal.operators().login().logIn("101", "1357".toCharArray()))
                    .isInstanceOf(LoginResult.MustChangePin.class);
        }
    }

    @Test
    void badInputExitsTwoWithTheReasonAndChangesNothing() {
        run("demo-data", "--products", "20");
        int records = auditLines().length;

        assertThat(run("operator", "add", "101", "刘洋", "BOSS", "--pin", "5678")).isEqualTo(2);
        assertThat(cli.err().strip()).startsWith("无法识别角色“BOSS”");
        assertThat(run("operator", "add", "1x1", "刘洋", "CASHIER", "--pin", "5678")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("工号“1x1”无效：须为 1–8 位数字。");
        assertThat(run("operator", "add", "101", "刘洋", "CASHIER", "--pin", "56")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("密码须为 4–8 位数字。");
        assertThat(run("operator", "add", "001", "刘洋", "CASHIER", "--pin", "5678")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("工号 001 已被使用。");
        assertThat(run("operator", "add", "101", "刘洋", "CASHIER", "--pin", "5678", "--operator", "999"))
                .isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("没有工号为 999 的操作员。");
        assertThat(run("operator", "set-pin", "555", "--pin", "5678")).isEqualTo(2);
        assertThat(run("operator", "disable", "003")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("不能停用 003：至少要保留一名启用的店长。");
        assertThat(run("operator", "add", "101", "刘洋", "CASHIER")).as("--pin is required").isEqualTo(2);

        assertThat(auditLines()).hasSize(records);
        assertThat(run("operator", "list")).isZero();
        assertThat(cli.out()).doesNotContain("101");
    }

    @Test
    void setPinReadsThePinFromStandardInputWhenNotGiven() {
        run("demo-data", "--products", "20");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("97531\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("operator", "set-pin", "002")).isZero();
        } finally {
            System.setIn(stdin);
        }
        try (Terminal terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK)) {
            assertThat(terminal.operators().login().logIn("002", "97531".toCharArray()))
                    .isInstanceOf(LoginResult.LoggedIn.class);
        }
    }

    @Test
    void aSaleRecordsItsOperatorAndPrintsTheNumberOnTheReceipt() {
        run("demo-data", "--products", "50");

        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3", "--operator", "001")).isZero();
        assertThat(cli.out()).containsPattern("收银员: *001");
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3")).isZero();
        assertThat(cli.out()).containsPattern("收银员: *system");
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3", "--operator", "004")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("操作员 004（审计员）不能收银。");
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3", "--operator", "777")).isEqualTo(2);
        assertThat(run("config", "set", "cashier.name", "王芳")).isZero();
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:3")).isZero();
        assertThat(cli.out()).containsPattern("收银员: *王芳");

        assertThat(run("journal", "verify")).isZero();
        assertThat(cli.out().strip()).isEqualTo("流水校验通过：共 3 条，哈希链完整。");
    }

    @Test
    void configSetIsAuditedWithoutSecrets() {
        run("demo-data", "--products", "20");
        assertThat(run("config", "set", "void.approval-above", "80", "--operator", "003")).isZero();
        assertThat(run("config", "set", "bank.key", "A".repeat(43) + "=")).isZero();
        assertThat(run("config", "set", "void.approval-above", "-1")).isEqualTo(2);
        assertThat(run("config", "set", "login.auto", "abc")).isEqualTo(2);

        String[] audit = auditLines();
        assertThat(audit[audit.length - 2]).contains("\t003 店长\t修改设置\tvoid.approval-above\t", "\t80");
        assertThat(audit[audit.length - 1]).contains("\tsystem\t修改设置\tbank.key\t", "********")
                .doesNotContain("AAAA");
    }

    @Test
    void auditVerifyExitsThreeNamingTheFirstChangedRecord() throws Exception {
        run("demo-data", "--products", "20");
        assertThat(run("audit", "verify")).isZero();
        assertThat(cli.out().strip()).isEqualTo("审计日志校验通过：共 4 条，哈希链完整。");

        try (Terminal terminal = Terminal.open(dir); Connection c = terminal.database().connection();
             Statement s = c.createStatement()) {
            s.execute("UPDATE audit_log SET actor = '003' WHERE seq = 2");
        }

        assertThat(run("audit", "verify")).isEqualTo(3);
        assertThat(cli.err().strip()).isEqualTo("审计日志在第 2 条处损坏：本条的哈希值与内容不符：本条记录被改动。");
    }

    @Test
    void auditListTakesDatesAndRefusesBadOnes() {
        run("demo-data", "--products", "20");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        assertThat(run("audit", "list", "--from", today.minusDays(1).toString(), "--to",
                today.plusDays(1).toString())).isZero();
        assertThat(cli.out().strip().split("\n")).hasSize(4);
        assertThat(run("audit", "list", "--from", "2001-01-01", "--to", "2001-01-02")).isZero();
        assertThat(cli.out()).isEmpty();
        assertThat(run("audit", "list", "--from", "2026-13-01")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("“2026-13-01”不是日期（格式 YYYY-MM-DD）。");
        assertThat(run("audit", "list", "--from", "2026-12-02", "--to", "2026-12-01")).isEqualTo(2);
    }

    @Test
    void messagesFollowTheTerminalsLanguage() {
        run("demo-data", "--products", "20");
        run("config", "set", "ui.locale", "en");

        assertThat(run("operator", "add", "001", "x", "CASHIER", "--pin", "1234")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("Operator number 001 is taken.");
        assertThat(run("operator", "list")).isZero();
        assertThat(cli.out()).startsWith("001\t王芳\tCashier\tenabled\n");
        try (Terminal terminal = Terminal.open(dir)) {
            assertThat(terminal.settings().get(SettingKey.LOGIN_AUTO)).isEqualTo("001");
        }
    }
}
