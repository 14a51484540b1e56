package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.service.DemoCatalog;

/** {@code promo import|list|show|disable|price|members} as a manager, support or a script uses them. */
class PromoCommandTest {

    private static final String COLA = TerminalFixture.COLA;
    private static final String CHIPS = DemoCatalog.stapleBarcode(11);
    private static final String RICE = DemoCatalog.stapleBarcode(16);
    private static final String OIL = DemoCatalog.stapleBarcode(17);
    private static final String PROMOTIONS = "id,name,kind,target,targets,buy_qty,percent,price,min_spend,amount_off,"
            + "tender,daily_cap,group,weekdays,time_from,time_to\n"
            + "COLA-2ND,可乐第二件半价,nth_percent,product," + COLA + ",2,50,,,,,,,,,\n"
            + "CHIPS-3,薯片 3 件 10 元,n_for_price,product," + CHIPS + ",3,,10,,,,,,,,\n"
            + "T100-10,满100减10,threshold,all,,,,,100,10,,,,,,\n"
            + "BANK-50-5,用本行卡满50减5,bank_offer,all,,,,,50,5,ANY,1,bank,,,\n"
            + "NIGHT-RICE,周末晚市大米九折,percent_off,product," + RICE + ",,10,,,,,,,6;7,18:00,21:00\n";

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @BeforeEach
    void demoStore() throws Exception {
        assertThat(run("demo-data", "--products", "300")).isZero();
        assertThat(run("promo", "import", file("promotions.csv", PROMOTIONS).toString())).as(cli.err()).isZero();
        assertThat(cli.out().strip()).isEqualTo("促销导入完成：新增 5 条，修改 0 条，0 条没有变化。");
    }

    @Test
    void priceShowsEachDiscountUnderItsLineThenTheCartsAndThePayableTotal() {
        assertThat(run("promo", "price", COLA + "x2", CHIPS + "x3", OIL, "--at", "2026-11-30T12:00"))
                .as(cli.err()).isZero();

        assertThat(cli.out()).isEqualTo("""
                可口可乐 330ml  x2  6.00
                  可乐第二件半价  -1.50
                乐事薯片原味 70g  x3  22.50
                  薯片 3 件 10 元  -12.50
                福临门花生油 5L  x1  89.90
                小计  118.40
                满100减10  -10.00
                优惠合计  -24.00
                应付  94.40
                """);
    }

    @Test
    void theBankOfferComesOnlyWithTheBanksTenderAndOnceADayPerCard() throws Exception {
        run("promo", "price", OIL, "--at", "2026-11-30T12:00");
        assertThat(cli.out()).doesNotContain("用本行卡").contains("应付  89.90");

        assertThat(run("promo", "price", OIL, "--tender", "BANK_CARD", "--card", "6231********1234", "--at",
                "2026-11-30T12:00")).isZero();
        assertThat(cli.out()).contains("用本行卡满50减5  -5.00", "应付  84.90");

        try (var terminal = org.tongpos.app.Terminal.open(dir)) {
            terminal.promotions().caps().record("txn-1", java.time.LocalDate.of(2026, 11, 30),
                    java.util.List.of(new org.tongpos.app.promotions.domain.CapUse("BANK-50-5", "6231********1234", 1)));
        }
        assertThat(run("promo", "price", OIL, "--tender", "BANK_CARD", "--card", "6231********1234", "--at",
                "2026-11-30T12:00")).isZero();
        assertThat(cli.out()).contains("用本行卡满50减5：此卡（付款人）今天已用完", "应付  89.90");
        assertThat(run("promo", "price", OIL, "--tender", "PAYMENT_CODE", "--at", "2026-11-30T12:00")).isZero();
        assertThat(cli.out()).contains("用本行卡满50减5：须知道付款人（卡号或会员）才能享受");
        assertThat(run("promo", "price", OIL, "--tender", "WECHAT")).isEqualTo(2);
        assertThat(cli.err()).contains("WECHAT");
    }

    @Test
    void aTimeWindowPromotionAppliesOnlyInItsHours() {
        run("promo", "price", RICE, "--at", "2026-12-05T19:30");
        assertThat(cli.out()).contains("周末晚市大米九折  -3.99");
        run("promo", "price", RICE, "--at", "2026-12-05 12:00");
        assertThat(cli.out()).doesNotContain("周末晚市");
        assertThat(run("promo", "price", RICE, "--at", "Saturday")).isEqualTo(2);
    }

    @Test
    void memberPricesForAMemberByPhone() throws Exception {
        assertThat(run("promo", "import", file("member-price.csv",
                "id,name,kind,targets,price\nM-COLA,会员价可乐,member_price," + COLA + ",2.50\n").toString())).isZero();
        assertThat(run("promo", "members", "import", file("members.csv",
                "phone,card_uid,name\n13800138000,,王芳\n").toString())).isZero();
        assertThat(cli.out()).contains("新增 1 位");

        run("promo", "price", COLA, "--at", "2026-11-30T12:00");
        assertThat(cli.out()).doesNotContain("会员价");
        assertThat(run("promo", "price", COLA, "--member", "13800138000", "--at", "2026-11-30T12:00")).isZero();
        assertThat(cli.out()).contains("会员：王芳（13800138000）", "会员价可乐  -0.50", "应付  2.50");
        assertThat(run("promo", "price", COLA, "--member", "13900000000")).isEqualTo(2);
        assertThat(run("promo", "members", "list")).isZero();
        assertThat(cli.out()).isEqualTo("13800138000\t\t王芳\t启用\n");
    }

    @Test
    void listShowAndDisable() {
        assertThat(run("promo", "list")).isZero();
        assertThat(cli.out()).contains("COLA-2ND\t第N件折扣\t可乐第二件半价\t启用\t长期有效\n",
                "NIGHT-RICE\t折扣\t周末晚市大米九折\t启用\t每周 6;7 18:00–21:00\n");

        assertThat(run("promo", "disable", "COLA-2ND")).isZero();
        assertThat(cli.out().strip()).isEqualTo("促销 COLA-2ND 已停用。");
        assertThat(run("promo", "list", "--active")).isZero();
        assertThat(cli.out()).doesNotContain("COLA-2ND").contains("CHIPS-3");
        run("promo", "price", COLA + "x2", "--at", "2026-11-30T12:00");
        assertThat(cli.out()).doesNotContain("半价");

        assertThat(run("promo", "show", "COLA-2ND")).isZero();
        assertThat(cli.out()).contains("编号：COLA-2ND", "名称：可乐第二件半价", "类型：第N件折扣", "状态：停用",
                "导入格式：\nid,name,kind,", "COLA-2ND,可乐第二件半价,nth_percent,product," + COLA + ",,2,,50,",
                "变更记录：", "  cli  新增\n", "  cli  停用\n");
        assertThat(run("promo", "show", "NOPE")).isEqualTo(2);
        assertThat(cli.err()).contains("没有编号为 NOPE 的促销");
        assertThat(run("promo", "disable", "NOPE")).isEqualTo(2);
    }

    @Test
    void aBadFileExitsTwoListsEveryBadLineAndImportsNothing() throws Exception {
        Path bad = file("bad.csv", "id,name,kind,targets,percent\nNEW-1,九折,percent_off,,10\n"
                + "NEW-2,九折,percent_off,6900000000000,10\nNEW-3,,percent_off,,\n");

        assertThat(run("promo", "import", bad.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("第 4 行：名称为空；须填写优惠百分比（percent，九折填 10）",
                "未导入任何促销：1 行有错误。");
        assertThat(run("promo", "list")).isZero();
        assertThat(cli.out()).doesNotContain("NEW-");
        assertThat(run("promo", "import", dir.resolve("missing.csv").toString())).isEqualTo(2);
    }

    @Test
    void englishTerminalsSayItInEnglish() {
        assertThat(run("config", "set", "ui.locale", "en")).isZero();
        run("promo", "price", COLA + "x2", "--at", "2026-11-30T12:00");
        assertThat(cli.out()).contains("Subtotal  6.00", "To pay  4.50");
        assertThat(run("promo", "show", "NOPE")).isEqualTo(2);
        assertThat(cli.err()).contains("There is no promotion with id NOPE.");
    }
}
