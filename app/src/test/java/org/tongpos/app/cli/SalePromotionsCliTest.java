package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.service.DemoCatalog;

/**
 * {@code sale} applies the active promotions as {@code promo price} prices them: the same payable, the discounts in
 * the receipt it prints, member prices with {@code --member}, the bank's offer with a {@code BANK_CARD} that pays it
 * all (once a day per {@code --card}).
 */
class SalePromotionsCliTest {

    private static final String COLA = TerminalFixture.COLA;
    private static final String PEPSI = TerminalFixture.PEPSI;
    private static final String CHIPS = DemoCatalog.stapleBarcode(11);
    private static final String PROMOTIONS = "id,name,kind,target,targets,buy_qty,percent,price,min_spend,amount_off,"
            + "tender,daily_cap\n"
            + "COLA-2ND,可乐第二件半价,nth_percent,product," + COLA + ",2,50,,,,,\n"
            + "CHIPS-3,薯片 3 件 10 元,n_for_price,product," + CHIPS + ",3,,10,,,,\n"
            + "M-PEPSI,会员价百事,member_price,product," + PEPSI + ",,,2.50,,,,\n"
            + "T20-2,满20减2,threshold,all,,,,,20,2,,\n"
            + "BANK-5-1,用本行卡满5减1,bank_offer,all,,,,,5,1,ANY,1\n";

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
    void demoStoreWithPromotions() throws Exception {
        assertThat(run("demo-data", "--products", "300")).isZero();
        Path promotions = dir.resolve("promotions.csv");
        Files.writeString(promotions, PROMOTIONS, StandardCharsets.UTF_8);
        assertThat(run("promo", "import", promotions.toString())).as(err.toString()).isZero();
        Path members = dir.resolve("members.csv");
        Files.writeString(members, "phone,card_uid,name\n13800138000,,王芳\n", StandardCharsets.UTF_8);
        assertThat(run("promo", "members", "import", members.toString())).as(err.toString()).isZero();
    }

    private String payable(String... args) {
        assertThat(run(args)).as(err.toString()).isZero();
        Matcher m = Pattern.compile("应付\\s+(\\S+)").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        return m.group(1);
    }

    private long journalAmount(long seq) {
        try (Terminal terminal = Terminal.open(dir)) {
            return terminal.journal().read(seq, 1).get(0).amountFen();
        }
    }

    @Test
    void saleAndPromoPriceAgreeAndTheReceiptListsEachDiscount() {
        String[] items = {COLA + "x2", CHIPS + "x3", PEPSI + "x4"};
        String quoted = payable("promo", "price", items[0], items[1], items[2]);
        // colas 6.00 − 1.50, chips 3 × 7.50 → 10.00 (−12.50), pepsi 12.00: 26.50 ≥ 20 → −2.00
        assertThat(quoted).isEqualTo("24.50");

        assertThat(run("sale", items[0], items[1], items[2], "--pay", "CASH:" + quoted)).as(err.toString()).isZero();

        assertThat(out.toString()).contains("可乐第二件半价", "-1.50", "薯片 3 件 10 元", "-12.50", "满20减2", "-2.00",
                "小计", "40.50", "优惠", "-16.00", "24.50", "discount COLA-2ND -1.50", "discount CHIPS-3 -12.50", "discount T20-2 -2.00",
                "tender CASH 24.50");
        assertThat(journalAmount(1)).isEqualTo(2450);
    }

    @Test
    void aMemberGetsMemberPricesOnTheCommandLineToo() {
        String quoted = payable("promo", "price", PEPSI + "x2", "--member", "13800138000");
        assertThat(quoted).isEqualTo("5.00");

        assertThat(run("sale", PEPSI + "x2", "--member", "13800138000", "--pay", "CASH:5")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("王芳", "会员价百事", "-1.00");
        assertThat(journalAmount(1)).isEqualTo(500);
        assertThat(run("sale", PEPSI, "--member", "13900000000", "--pay", "CASH:3"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("13900000000");
    }

    @Test
    void theBankOfferNeedsTheBankCardPayingItAllAndIsUsedOnceADayPerCard() {
        String card = "6231********1234";
        // three colas: 9.00 − 1.50 = 7.50 ≥ 5 → −1.00 with the bank's card
        assertThat(payable("promo", "price", COLA + "x3", "--tender", "BANK_CARD", "--card", card)).isEqualTo("6.50");
        assertThat(run("sale", COLA + "x3", "--pay", "BANK_CARD:7.50:R1", "--card", card))
                .as("7.50 is more than the 6.50 due with the bank's card").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("sale", COLA + "x3", "--pay", "CASH:5", "--pay", "BANK_CARD:1.50:R1", "--card", card))
                .as("split: no bank offer, 7.50 due").isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(run("sale", COLA + "x3", "--pay", "BANK_CARD:6.50:R1", "--card", card)).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("用本行卡满5减1", "discount BANK-5-1 -1.00");

        assertThat(payable("promo", "price", COLA + "x3", "--tender", "BANK_CARD", "--card", card))
                .as("used today").isEqualTo("7.50");
        assertThat(run("sale", COLA + "x3", "--pay", "BANK_CARD:7.50:R2", "--card", card)).as(err.toString())
                .isZero();
        assertThat(journalAmount(1)).isEqualTo(650);
        assertThat(journalAmount(2)).isEqualTo(750);
    }
}
