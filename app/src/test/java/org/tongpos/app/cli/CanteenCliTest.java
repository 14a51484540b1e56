package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/** The canteen's commands with their exact forms, outputs and exit codes, on a real data directory. */
class CanteenCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("terminal").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TongPosCommand.run(d -> {
            throw new AssertionError("a command must not start the GUI");
        }, new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /** A canteen open all day (so that decisions do not depend on when the test runs) with two local diners. */
    private void allDayCanteen() throws Exception {
        assertThat(run("canteen", "period", "set", "全天", "00:00-24:00")).as(err.toString()).isZero();
        assertThat(run("canteen", "price", "set", "全天", "staff", "12.50")).isZero();
        Path csv = dir.resolve("diners.csv");
        Files.writeString(csv, "diner_id,staff_no,name,department,diner_type,card_uid\n"
                + "S001,1001,周敏,办公室,STAFF,04D1E2F3A4B501\n"
                + "S002,1002,吴刚,财务科,STAFF,04D1E2F3A4B502\n", StandardCharsets.UTF_8);
        assertThat(run("diner", "import", csv.toString())).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("导入完成：新增 2 名就餐人员，更新 0 名。");
    }

    @Test
    void rulesAreSetAndListedInTheExactForms() {
        assertThat(run("canteen", "period", "set", "午餐", "11:00-13:30", "--days", "12345")).isZero();
        assertThat(out.toString().strip()).isEqualTo("已设置餐次 午餐：11:00-13:30，星期 12345");
        assertThat(run("canteen", "period", "set", "早餐", "07:00-09:00")).isZero();
        assertThat(run("canteen", "period", "list")).isZero();
        assertThat(out.toString()).isEqualTo("早餐\t07:00-09:00\t1234567\t1\n午餐\t11:00-13:30\t12345\t1\n");

        assertThat(run("canteen", "price", "set", "午餐", "STAFF", "10", "--nth", "2=15")).isZero();
        assertThat(out.toString().strip()).isEqualTo("已设置价格：午餐 STAFF 10.00 第 2 餐 15.00");
        assertThat(run("canteen", "price", "set", "早餐", "STUDENT", "--by-dish")).isZero();
        assertThat(run("canteen", "menu", "set", "早餐", "2", "豆浆", "1.5")).isZero();
        assertThat(out.toString().strip()).isEqualTo("已设置菜品：早餐 2 号 豆浆 ¥1.50");
        assertThat(run("canteen", "limit", "set", "offline.account-spend", "80")).isZero();
        assertThat(run("canteen", "day", "close", "2026-10-01", "国庆节")).isZero();

        assertThat(run("canteen", "price", "list")).isZero();
        assertThat(out.toString()).isEqualTo("午餐\tSTAFF\t10.00 第 2 餐 15.00\n早餐\tSTUDENT\t按菜品计价\n");
        assertThat(run("canteen", "menu", "list", "早餐")).isZero();
        assertThat(out.toString()).isEqualTo("早餐\t2\t豆浆\t1.50\n");
        assertThat(run("canteen", "limit", "list")).isZero();
        assertThat(out.toString()).contains("offline.account-spend\t80\n", "meals-per-period\t1\n");
        assertThat(run("canteen", "day", "list")).isZero();
        assertThat(out.toString()).isEqualTo("2026-10-01\tCLOSED\t国庆节\n");
    }

    @Test
    void badRuleChangesExitTwoSayWhyAndChangeNothing() {
        assertThat(run("canteen", "period", "set", "午餐", "11:00-13:30")).isZero();
        assertThat(run("canteen", "period", "set", "加餐", "13:00-14:00")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("餐次 加餐 与 午餐（11:00-13:30，星期 1234567）时间重叠");
        assertThat(run("canteen", "period", "set", "晚餐", "7pm")).isEqualTo(2);
        assertThat(run("canteen", "price", "set", "晚餐", "STAFF", "10")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("没有餐次“晚餐”");
        assertThat(run("canteen", "price", "set", "午餐", "STAFF", "ten")).isEqualTo(2);
        assertThat(run("canteen", "price", "set", "午餐", "STAFF", "10", "--by-dish")).isEqualTo(2);
        assertThat(run("canteen", "menu", "set", "午餐", "0", "汤", "1")).isEqualTo(2);
        assertThat(run("canteen", "limit", "set", "pay-order", "cash-first")).isEqualTo(2);
        assertThat(run("config", "set", "ui.locale", "en")).isZero();
        assertThat(run("canteen", "limit", "set", "free-lunch", "true")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("There is no limit \"free-lunch\" (see canteen limit list)");
        assertThat(run("canteen", "period", "list")).isZero();
        assertThat(out.toString()).isEqualTo("午餐\t11:00-13:30\t1234567\t1\n");
        assertThat(run("canteen", "price", "list")).isZero();
        assertThat(out.toString().strip()).isEqualTo("(none)");
    }

    @Test
    void aDinerFileWithABadRowExitsTwoNamingTheLineAndImportsNothing() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "diner_id,name,diner_type,card_uid\nS001,周敏,STAFF,04D1E2F3A4B501\n"
                + "S002,吴刚,STAFF,04D1E2F3A4B501\n", StandardCharsets.UTF_8);
        assertThat(run("diner", "import", csv.toString())).isEqualTo(2);
        assertThat(err.toString()).endsWith("第 3 行：卡 04D1E2F3A4B501 已在第 2 行出现\n未导入任何就餐人员：1 行有错误。\n");
        assertThat(run("diner", "find", "S001")).isEqualTo(1);
        assertThat(run("diner", "import", dir.resolve("missing.csv").toString())).isEqualTo(2);
    }

    @Test
    void dinersAreFoundShownToppedUpAndGivenSubsidies() throws Exception {
        allDayCanteen();
        assertThat(run("diner", "find", "zm")).isZero();
        assertThat(out.toString()).isEqualTo("S001\t周敏\t办公室\tSTAFF\t04D1E2F3A4B501\t补贴 0.00\t余额 0.00\t本地账户\n");
        assertThat(run("diner", "topup", "S001", "100", "--note", "现金")).isZero();
        assertThat(out.toString().strip()).isEqualTo("已为 S001 充值 ¥100.00：补贴 ¥0.00，余额 ¥100.00");
        assertThat(run("diner", "subsidy", "1001", "300")).isZero();
        assertThat(run("diner", "show", "S001")).isZero();
        assertThat(out.toString()).isEqualTo("S001 周敏，办公室，类别 STAFF\n账户 L-S001，工号 1001，卡 04D1E2F3A4B501\n"
                + "补贴 ¥300.00，余额 ¥100.00\n本地账户，正常\n");
        assertThat(run("diner", "topup", "S001", "0")).isEqualTo(2);
        assertThat(run("diner", "topup", "NOBODY", "5")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("没有就餐人员“NOBODY”");
        assertThat(run("diner", "show", "NOBODY")).isEqualTo(1);
    }

    @Test
    void mealPrintsOneDecisionLineAndExitsZeroWhenServedFiveWhenRefusedTwoOnBadInput() throws Exception {
        allDayCanteen();
        run("diner", "subsidy", "S001", "10");
        run("diner", "topup", "S001", "20");
        assertThat(run("meal", "--card", "04d1e2f3a4b501", "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).matches("SERVED OK seq=- txn=- period=全天 price=12\\.50 subsidy=10\\.00 balance=2\\.50 "
                + "cash=0\\.00 diner=S001 name=周敏 subsidy_after=0\\.00 balance_after=17\\.50: 试运行，未记录\\n");

        assertThat(run("meal", "--card", "04D1E2F3A4B502", "--dry-run")).isEqualTo(5);
        assertThat(out.toString()).startsWith("REFUSED INSUFFICIENT_FUNDS seq=- ")
                .endsWith("diner=S002 name=吴刚: 余额不足（本餐 ¥12.50，可用 ¥0.00）\n");
        assertThat(run("meal", "--card", "04D1E2F3A4B599", "--dry-run")).isEqualTo(5);
        assertThat(out.toString()).startsWith("REFUSED UNKNOWN_DINER ");
        assertThat(run("meal", "--code", "TQ1.bm90LWEtY29kZQ.AAAA", "--dry-run")).isEqualTo(5);
        assertThat(out.toString()).startsWith("REFUSED QR_MALFORMED ");
        assertThat(run("face", "map", "1001", "S001")).isZero();
        assertThat(run("meal", "--face", "1001", "--dry-run")).isZero();
        assertThat(run("meal", "--face", "9999", "--dry-run")).isEqualTo(5);
        assertThat(run("meal", "--diner", "1001", "--reason", "忘带卡", "--dry-run")).isZero();
        assertThat(out.toString()).contains("diner=S001");
        assertThat(run("diner", "hotlist", "S001")).isZero();
        assertThat(run("meal", "--card", "04D1E2F3A4B501", "--dry-run")).isEqualTo(5);
        assertThat(out.toString()).startsWith("REFUSED HOTLISTED ").endsWith(": 卡已挂失\n");
        assertThat(run("meal", "--cash", "--dry-run")).isEqualTo(5);
        assertThat(out.toString()).startsWith("REFUSED CASH_NOT_ALLOWED ");

        assertThat(run("meal", "--diner", "S002", "--dry-run")).as("a pick by hand needs a reason").isEqualTo(2);
        assertThat(run("meal", "--card", "04D1E2F3A4B502", "--diner", "S002", "--reason", "x")).isEqualTo(2);
        assertThat(run("meal", "--card", "04D1E2F3A4B502", "--face", "1001", "--dry-run")).isEqualTo(2);
        assertThat(run("meal", "--dry-run")).isEqualTo(2);
        assertThat(run("meal", "--card", "04D1E2F3A4B502", "--dish", "x", "--dry-run")).isEqualTo(2);
    }

    @Test
    void mealRecordsWithoutDryRunAndMealRefundReturnsTheSamePartsOnce() throws Exception {
        allDayCanteen();
        run("diner", "subsidy", "S001", "10");
        run("diner", "topup", "S001", "20");
        assertThat(run("meal", "--card", "04D1E2F3A4B501", "--operator", "777")).as(err.toString()).isEqualTo(2);
        assertThat(run("meal", "--card", "04D1E2F3A4B501")).as(err.toString()).isZero();
        String served = out.toString();
        assertThat(served).matches("SERVED OK seq=1 txn=[0-9a-f-]{36} period=全天 price=12\\.50 subsidy=10\\.00 "
                + "balance=2\\.50 cash=0\\.00 diner=S001 name=周敏 subsidy_after=0\\.00 balance_after=17\\.50: 已记账\\n");
        String txn = served.substring(served.indexOf("txn=") + 4, served.indexOf(" period="));
        assertThat(run("meal", "--card", "04D1E2F3A4B501")).isEqualTo(5);
        assertThat(out.toString()).startsWith("REFUSED ALREADY_SERVED seq=- txn=- ");
        assertThat(run("diner", "show", "S001")).isZero();
        assertThat(out.toString()).contains("补贴 ¥0.00，余额 ¥17.50");

        assertThat(run("meal", "refund", txn)).as("a refund needs a reason").isEqualTo(2);
        assertThat(run("meal", "refund", txn, "--reason", "打错了")).as(err.toString()).isZero();
        assertThat(out.toString()).matches("REFUNDED seq=2 txn=[0-9a-f-]{36} original=" + txn
                + " amount=12\\.50 subsidy=10\\.00 balance=2\\.50 cash=0\\.00\\n");
        assertThat(run("meal", "refund", txn, "--reason", "again")).isEqualTo(5);
        assertThat(err.toString()).contains("已退款");
        assertThat(run("meal", "refund", "00000000-0000-0000-0000-000000000000", "--reason", "x")).isEqualTo(2);
        assertThat(run("diner", "show", "S001")).isZero();
        assertThat(out.toString()).contains("补贴 ¥10.00，余额 ¥20.00");
        assertThat(run("journal", "verify")).isZero();
        assertThat(run("meal", "--card", "04D1E2F3A4B501")).as("a refunded meal is not counted").isZero();
    }

    @Test
    void theDemoCanteenHasThreePeriodsAMenuAndDinersWithTheSimulatorsCards() {
        assertThat(run("demo-data", "--canteen")).isZero();
        assertThat(out.toString().strip().lines().findFirst()).contains(
                "演示食堂已就绪：3 个餐次、16 条价格、5 道菜；新增 8 名就餐人员（本地就餐人员共 8 名）");
        assertThat(out.toString()).contains("演示操作员 004 陈静（审计员），密码 4444")
                .contains("terminal.mode canteen");
        assertThat(run("config", "get", "terminal.mode")).isZero();
        assertThat(out.toString().strip()).as("the window opens the serving line").isEqualTo("canteen");
        assertThat(run("demo-data", "--canteen")).as("again: rules reset, diners and money kept").isZero();
        assertThat(out.toString()).contains("新增 0 名就餐人员");
        assertThat(run("canteen", "period", "list")).isZero();
        assertThat(out.toString()).isEqualTo("早餐\t07:00-09:00\t1234567\t1\n午餐\t11:00-13:30\t1234567\t1\n"
                + "晚餐\t17:00-19:30\t1234567\t1\n");
        for (String card : org.tongpos.hardware.sim.SimulatedCardReader.DEMO_MEAL_CARDS) {
            assertThat(run("diner", "find", card)).as(card).isZero();
        }
        assertThat(run("diner", "show", "L001")).isZero();
        assertThat(out.toString()).contains("补贴 ¥300.00，余额 ¥200.00");
        assertThat(run("face", "list")).isZero();
        assertThat(out.toString()).startsWith("1001\tL001\n");
    }

    @Test
    void syncNowBringsTheBankAccountsAndKeysAndABankQrCodeIsServed() throws Exception {
        String key = BankTestSupport.newKey();
        try (SandboxBank bank = SandboxBank.start(new SandboxBankConfig(0, dir.resolve("bank"),
                Map.of(BankTestSupport.TERMINAL, key), BankTestSupport.MERCHANT))) {
            assertThat(run("canteen", "period", "set", "全天", "00:00-24:00")).isZero();
            assertThat(run("canteen", "price", "set", "全天", "STAFF", "10")).isZero();
            assertThat(run("config", "set", "bank.url", bank.apiBaseUrl())).isZero();
            assertThat(run("config", "set", "bank.key", key)).isZero();
            assertThat(run("meal", "--code", bank.issueDinerQr("A0001"), "--dry-run")).isEqualTo(5);
            assertThat(out.toString()).as("no keys before sync").startsWith("REFUSED QR_UNKNOWN_KEY ");

            assertThat(run("sync", "now")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("未设置 bank.merchant-id：不同步食堂账户和二维码密钥")
                    .doesNotContain("银行二维码密钥");
            assertThat(run("config", "set", "bank.merchant-id", BankTestSupport.MERCHANT)).isZero();
            assertThat(run("sync", "now")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("食堂账户：应用 ", "共 8 个账户", "银行二维码密钥：1 把");

            assertThat(run("diner", "find", "zw")).isZero();
            assertThat(out.toString()).startsWith("D0001\t张伟\t办公室\tSTAFF\t04A1B2C3\t补贴 300.00\t余额 200.00\t银行账户");
            String code = bank.issueDinerQr("A0001");
            assertThat(run("meal", "--code", code, "--dry-run")).as(out.toString()).isZero();
            assertThat(out.toString()).startsWith("SERVED OK seq=- txn=- period=全天 price=10.00 subsidy=10.00 balance=0.00 ");
            assertThat(run("meal", "--card", "04A1B2C8", "--dry-run")).isEqualTo(5);
            assertThat(out.toString()).startsWith("REFUSED HOTLISTED ");
        }
    }
}
