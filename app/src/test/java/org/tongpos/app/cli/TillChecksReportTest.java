package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;

/** {@code report sales} shows the discounts by promotion and the cash over/short of the shifts closed in the range. */
class TillChecksReportTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    @Test
    void discountsByPromotionAndTheShiftsCashCountAreInTheSalesReport() throws Exception {
        assertThat(run("demo-data", "--products", "100")).isZero();
        Path promotions = dir.resolve("promotions.csv");
        Files.writeString(promotions, "id,name,kind,target,targets,buy_qty,percent,price,min_spend,amount_off,tender,"
                + "daily_cap\nCOLA-2ND,可乐第二件半价,nth_percent,product," + TerminalFixture.COLA + ",2,50,,,,,\n",
                StandardCharsets.UTF_8);
        assertThat(run("promo", "import", promotions.toString())).as(cli.err()).isZero();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(run("report", "sales", "--from", today, "--to", today)).isZero();
        assertThat(cli.out()).doesNotContain("促销优惠汇总", "交班现金长短款");

        assertThat(run("shift", "open", "--float", "100")).isZero();
        for (int i = 0; i < 2; i++) { // 3.00 + 1.50 each
            assertThat(run("sale", TerminalFixture.COLA + "x2", "--pay", "CASH:10")).as(cli.err()).isZero();
        }
        assertThat(run("sale", TerminalFixture.PEPSI, "--pay", "CASH:3")).isZero();
        // the drawer should hold 100 + 12.00; 4.00 is missing
        assertThat(run("shift", "close", "--counted", "108", "--reason", "找零错误")).as(cli.err()).isZero();

        assertThat(run("report", "sales", "--from", today, "--to", today)).as(cli.err()).isZero();
        String out = cli.out();
        assertThat(out).contains("促销优惠汇总", "交班现金长短款", "找零错误");
        assertThat(line(out, "COLA-2ND")).contains("可乐第二件半价", " 2 ", "3.00");
        assertThat(line(out, "找零错误")).contains("112.00", "108.00", "-4.00");
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow(() ->
                new AssertionError("no line with " + containing + " in\n" + text));
    }
}
