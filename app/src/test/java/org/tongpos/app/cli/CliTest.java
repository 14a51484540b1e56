package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;

class CliTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    @BeforeEach
    void demoStore() {
        assertThat(run("demo-data", "--products", "300")).isZero();
        assertThat(cli.out()).contains("300");
    }

    @Test
    void findMatchesPinyinInitialsNameAndBarcode() {
        assertThat(run("catalog", "find", "kkkl")).isZero();
        assertThat(cli.out()).startsWith(TerminalFixture.COLA + "\t可口可乐 330ml");
        assertThat(run("catalog", "find", "百事")).isZero();
        assertThat(cli.out()).contains(TerminalFixture.PEPSI);
        assertThat(run("catalog", "find", "zzzzqqqq")).isEqualTo(1);
    }

    @Test
    void saleWithQuantitiesAndWeightPrintsTheReceiptAndSeq() {
        int status = run("sale", TerminalFixture.COLA + "x3", TerminalFixture.APPLE_PLU + "x0.512", "--pay", "CASH:50");
        assertThat(status).as(cli.err()).isZero();
        assertThat(cli.out()).contains("可口可乐 330ml", "9.00", "红富士苹果", "0.512", "12.80", "6.55", "￥15.55",
                "34.45").containsPattern("\\n  3 +3\\.00 +9\\.00\\n").contains("seq 1");
    }

    @Test
    void badItemOrShortPaymentExitsNonZeroAndRecordsNothing() {
        assertThat(run("sale", "6920000000013", "--pay", "CASH:50")).isEqualTo(2);
        assertThat(cli.err()).contains("6920000000013");
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "CASH:2.99")).isEqualTo(2);
        assertThat(run("sale", TerminalFixture.APPLE_PLU, "--pay", "CASH:20")).isEqualTo(2);
        assertThat(run("sale", TerminalFixture.COLA, "--pay", "BITCOIN:3")).isEqualTo(2);
        assertThat(run("journal", "verify")).isZero();
        assertThat(cli.out().strip()).isEqualTo("流水校验通过：共 0 条，哈希链完整。");
        assertThat(run("journal", "export")).isZero();
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void journalExportWritesApiEntriesAsJsonLines() throws Exception {
        run("sale", TerminalFixture.COLA, "--pay", "CASH:3");
        run("sale", TerminalFixture.PEPSI + "x2", "--pay", "CASH:10");
        assertThat(run("journal", "export", "--from-seq", "2")).isZero();
        String[] lines = cli.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode entry = new ObjectMapper().readTree(lines[0]);
        assertThat(entry.get("seq").asLong()).isEqualTo(2);
        assertThat(entry.get("kind").asText()).isEqualTo("SALE");
        assertThat(entry.get("amount_fen").asLong()).isEqualTo(600);
        assertThat(entry.get("tenders").get(0).get("method").asText()).isEqualTo("CASH");
        assertThat(entry.get("original_txn_id").asText()).isEmpty();
        assertThat(entry.get("entry_hash").asText()).hasSize(64);
        assertThat(entry.fieldNames()).toIterable().containsExactly("seq", "txn_id", "kind", "occurred_at",
                "business_date", "amount_fen", "tenders", "original_txn_id", "prev_hash", "entry_hash");
        assertThat(run("journal", "verify")).isZero();
        assertThat(cli.out().strip()).isEqualTo("流水校验通过：共 2 条，哈希链完整。");
    }

    @Test
    void importIsAllOrNothingAndListsEveryBadRow() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "barcode,name,category,unit,price\n6901028075831,新品可乐,饮料,罐,3.50\n"
                + "6901028075832,坏码,饮料,罐,3\n4006381333931,坏价,饮料,罐,abc\n", StandardCharsets.UTF_8);
        assertThat(run("catalog", "import", bad.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("第 3 行：", "第 4 行：");
        assertThat(run("catalog", "find", "6901028075831")).isEqualTo(1);

        Path good = dir.resolve("good.csv");
        Files.writeString(good, "\uFEFFbarcode,name,category,unit,price\r\n6901028075831,新品可乐,饮料,罐,3.50\r\n"
                + TerminalFixture.COLA + ",可口可乐 330ml 新包装,饮料,瓶,3.20\r\n", StandardCharsets.UTF_8);
        assertThat(run("catalog", "import", good.toString())).as(cli.err()).isZero();
        assertThat(run("catalog", "find", TerminalFixture.COLA)).isZero();
        assertThat(cli.out()).contains("新包装", "3.20");
        assertThat(run("catalog", "find", "xpkl")).isZero();
    }

    @Test
    void aPriceListWithoutThePluAndCostColumnsKeepsTheStoredOnes() throws Exception {
        Path full = csv("full.csv", "barcode,name,category,unit,price,cost,plu\n"
                + TerminalFixture.COLA + ",可口可乐 330ml,饮料,瓶,3.00,2.10,777\n");
        assertThat(run("catalog", "import", full.toString())).as(cli.err()).isZero();
        Path prices = csv("prices.csv", "barcode,name,category,unit,price\n"
                + TerminalFixture.COLA + ",可口可乐 330ml,饮料,瓶,3.50\n");
        assertThat(run("catalog", "import", prices.toString())).as(cli.err()).isZero();

        assertThat(run("sale", "777", "--pay", "CASH:5")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("可口可乐 330ml", "3.50");
        try (var terminal = org.tongpos.app.Terminal.open(dir)) {
            assertThat(terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow().cost())
                    .contains(org.tongpos.app.money.domain.Money.ofFen(210));
        }

        Path cleared = csv("cleared.csv", "barcode,name,category,unit,price,plu\n"
                + TerminalFixture.COLA + ",可口可乐 330ml,饮料,瓶,3.50,\n");
        assertThat(run("catalog", "import", cleared.toString())).as(cli.err()).isZero();
        assertThat(run("sale", "777", "--pay", "CASH:5")).as("an empty plu cell in a plu column clears it").isEqualTo(2);
    }

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void twoRowsWithOnePluImportNothingAndTheSaleFindsNeither() throws Exception {
        Path file = csv("plu.csv", "barcode,name,category,unit,price,plu\n"
                + "6901028075831,新品可乐,饮料,罐,3.50,20002\n96385074,旺旺雪饼,零食,袋,6,20002\n");
        assertThat(run("catalog", "import", file.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("第 3 行：PLU 20002 已在第 2 行出现\n未导入任何商品：1 行有错误。\n");
        assertThat(run("sale", "20002x1", "--pay", "CASH:10")).isEqualTo(2);
        assertThat(cli.err()).contains("没有商品使用条码 20002");
    }

    @Test
    void aPluOfAStoredProductCannotBeGivenToAnotherButAProductKeepsItsOwn() throws Exception {
        Path taken = csv("taken.csv", "barcode,name,category,unit,price,plu\n"
                + "96385074,旺旺雪饼,零食,袋,6,\n6901028075831,新品可乐,饮料,罐,3.50," + TerminalFixture.APPLE_PLU + "\n");
        assertThat(run("catalog", "import", taken.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("第 3 行：PLU 10001 已属于另一个商品“红富士苹果”");
        assertThat(run("catalog", "find", "6901028075831")).isEqualTo(1);
        assertThat(run("catalog", "find", "96385074")).as("nothing imported").isEqualTo(1);
        assertThat(run("sale", TerminalFixture.APPLE_PLU + "x1", "--pay", "CASH:20")).isZero();
        assertThat(cli.out()).contains("红富士苹果", "12.80");

        Path own = csv("own.csv", "barcode,name,category,unit,price,plu\n6901028075831,新品可乐,饮料,罐,3.50,20003\n");
        assertThat(run("catalog", "import", own.toString())).isZero();
        Path again = csv("again.csv", "barcode,name,category,unit,price,plu\n6901028075831,新品可乐,饮料,罐,3.80,20003\n");
        assertThat(run("catalog", "import", again.toString())).as(cli.err()).isZero();
        assertThat(cli.out().strip()).isEqualTo("导入完成：新增 0 个商品，更新 1 个，0 个没有变化。");
    }

    @Test
    void aStoreCodeWithCapitalsAndAnXIsFoundAndSold() throws Exception {
        Path file = csv("box.csv", "barcode,name,category,unit,price\nBOX1,礼品盒,百货,个,5\n");
        assertThat(run("catalog", "import", file.toString())).isZero();
        assertThat(run("catalog", "find", "BOX1")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("BOX1\t礼品盒");
        assertThat(run("catalog", "find", "box1")).isZero();
        assertThat(cli.out()).startsWith("BOX1\t礼品盒");

        assertThat(run("sale", "BOX1", "--pay", "CASH:5")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("礼品盒", "seq 1");
        assertThat(run("sale", "BOX1x2", "--pay", "CASH:10")).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("\\n  2 +5\\.00 +10\\.00\\n").contains("seq 2");
        assertThat(run("sale", "BOX1X3", "--pay", "CASH:15")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("seq 3");
    }

    @Test
    void anUnclosedQuoteIsReportedOnItsLine() throws Exception {
        Path file = csv("quote.csv", "barcode,name,category,unit,price\n6901028075831,新品可乐,饮料,罐,3.50\n"
                + "96385074,\"旺旺雪饼,零食,袋,6\n4006381333931,奶糖,零食,袋,6\n");
        assertThat(run("catalog", "import", file.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("第 3 行：此处以双引号（\"）开始的字段没有结束引号\n");
        assertThat(run("config", "set", "ui.locale", "en")).isZero();
        assertThat(run("catalog", "import", file.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("line 3: a field opened with a double quote (\") here is never closed\n");
    }

    @Test
    void configRefusesUnknownKeysAndBadValuesAndLocksTheTerminalIdOnceSelling() {
        assertThat(run("config", "set", "no.such", "x")).isEqualTo(2);
        assertThat(run("config", "set", "ui.locale", "fr")).isEqualTo(2);
        assertThat(run("config", "set", "ui.locale", "en")).isZero();
        assertThat(run("sale", "6920000000013", "--pay", "CASH:50")).isEqualTo(2);
        assertThat(cli.err()).contains("not a valid barcode");
        assertThat(run("config", "set", "terminal.id", "T0002")).isZero();
        run("sale", TerminalFixture.COLA, "--pay", "CASH:3");
        assertThat(run("config", "set", "terminal.id", "T0003")).isEqualTo(2);
        assertThat(run("config", "get", "terminal.id")).isZero();
        assertThat(cli.out().strip()).isEqualTo("T0002");
        assertThat(run("journal", "verify")).isZero();
    }

    @Test
    void configSetRefusesAKeyThatAnotherActionHasAndSaysWhy() {
        assertThat(run("config", "set", "key.bank", "F12")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("按键 F12 已用于 key.cash：一个按键只对应一个操作。");
        assertThat(run("config", "set", "device.scanner", "tcp://192.168.1.50:9100")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("device.scanner 不接受该值：tcp: not for this device");
        assertThat(run("config", "set", "key.bank", "F10")).isZero();
        assertThat(run("config", "get", "key.bank")).isZero();
        assertThat(cli.out().strip()).isEqualTo("F10");
    }

    @Test
    void aTamperedJournalExitsThreeNamingTheSeq() throws Exception {
        run("sale", TerminalFixture.COLA, "--pay", "CASH:3");
        run("sale", TerminalFixture.COLA, "--pay", "CASH:3");
        try (var terminal = org.tongpos.app.Terminal.open(dir);
             var c = terminal.database().connection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE journal SET business_date = '1999-01-01' WHERE seq = 2");  // never today's date
        }
        assertThat(run("journal", "verify")).isEqualTo(3);
        assertThat(cli.err().strip()).isEqualTo("流水在第 2 条处损坏：它的记录哈希（entry_hash）与内容不符：记录被改动过。");
    }

    @Test
    void aGapInTheJournalIsSaidInTheTerminalsLanguage() throws Exception {
        for (int i = 0; i < 3; i++) {
            run("sale", TerminalFixture.COLA, "--pay", "CASH:3");
        }
        try (var terminal = org.tongpos.app.Terminal.open(dir);
             var c = terminal.database().connection(); var s = c.createStatement()) {
            for (String table : new String[] {"sale_tender", "sale_line", "sale"}) {
                s.executeUpdate("DELETE FROM " + table + " WHERE txn_id = (SELECT txn_id FROM journal WHERE seq = 2)");
            }
            s.executeUpdate("DELETE FROM journal WHERE seq = 2");
        }
        assertThat(run("journal", "verify")).isEqualTo(3);
        assertThat(cli.err().strip()).isEqualTo("流水在第 2 条处损坏：缺少第 2 条（下一条是第 3 条）。");
        assertThat(run("config", "set", "ui.locale", "en")).isZero();
        assertThat(run("journal", "verify")).isEqualTo(3);
        assertThat(cli.err().strip()).isEqualTo("Journal broken at seq 2: seq 2 is missing (the next entry is seq 3).");
    }
}
