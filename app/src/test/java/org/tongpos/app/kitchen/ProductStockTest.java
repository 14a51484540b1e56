package org.tongpos.app.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.cli.CliRun;
import org.tongpos.app.kitchen.domain.StockLevel;

/**
 * Supermarket products' stock through the command line a shop uses: received by barcode, decremented by the till's
 * sales and given back by returns (posted from the journal once each), counted, low levels, value at cost.
 */
class ProductStockTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(dir, args);
    }

    @BeforeEach
    void aStore() {
        assertThat(run("demo-data", "--products", "100")).isZero();
        assertThat(run("shift", "open", "--float", "100")).isZero();
        assertThat(run("stock", "supplier", "饮料批发")).as(cli.err()).isZero();
    }

    private StockLevel level(String code) {
        try (Terminal terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK)) {
            return terminal.kitchen().levels(terminal.systemSession()).stream().filter(l -> l.code().equals(code))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void salesTakeStockAtTheAverageCostAndReturnsBringItBack() {
        // sold before the shop kept its stock: not posted against the stock received later
        assertThat(run("sale", TerminalFixture.COLA + "x2", "--pay", "CASH:20")).as(cli.err()).isZero();
        assertThat(run("stock", "in", TerminalFixture.COLA, "24", "--price", "2.00", "--supplier", "饮料批发"))
                .as(cli.err()).isZero();
        assertThat(run("stock", "in", TerminalFixture.COLA, "12", "--price", "2.30", "--supplier", "饮料批发"))
                .isZero();
        StockLevel cola = level(TerminalFixture.COLA);
        assertThat(cola.product()).isTrue();
        assertThat(cola.onHandMilli()).isEqualTo(36_000);
        assertThat(cola.valueFen()).isEqualTo(24 * 200 + 12 * 230);

        assertThat(run("sale", TerminalFixture.COLA + "x3", TerminalFixture.PEPSI, "--pay", "CASH:20")).isZero();
        assertThat(cli.out()).contains("T0001-00000002");
        cola = level(TerminalFixture.COLA);
        assertThat(cola.onHandMilli()).isEqualTo(33_000);
        assertThat(cola.valueFen()).isEqualTo(7_560 - 630); // 7560 × 3/36
        // read again, and after a restart: posted once
        assertThat(level(TerminalFixture.COLA).onHandMilli()).isEqualTo(33_000);

        assertThat(run("refund", "T0001-00000002", TerminalFixture.COLA, "--reason", "多拿了")).as(cli.err()).isZero();
        assertThat(run("refund", "--no-receipt", TerminalFixture.COLA + "x2", "--reason", "无小票", "--operator",
                "002")).as(cli.err()).isZero();
        cola = level(TerminalFixture.COLA);
        assertThat(cola.onHandMilli()).isEqualTo(36_000);
        assertThat(cola.valueFen()).isEqualTo(6_930 + 630); // back at the average cost on hand (2.10 a bottle)

        assertThat(run("journal", "verify")).isZero();
    }

    @Test
    void overSellingGoesNegativeUntilTheCountAndLowItemsAreListed() {
        assertThat(run("stock", "in", TerminalFixture.PEPSI, "2", "--price", "2.00", "--supplier", "饮料批发"))
                .isZero();
        assertThat(run("stock", "low", TerminalFixture.PEPSI, "5")).as(cli.err()).isZero();
        assertThat(run("stock", "in", TerminalFixture.COLA, "50", "--price", "2.00", "--supplier", "饮料批发"))
                .isZero();
        assertThat(run("stock", "low", TerminalFixture.COLA, "5")).isZero();
        // the shelf had more than the books: the till sells it anyway
        assertThat(run("sale", TerminalFixture.PEPSI + "x3", "--pay", "CASH:20")).isZero();
        StockLevel pepsi = level(TerminalFixture.PEPSI);
        assertThat(pepsi.onHandMilli()).isEqualTo(-1_000);
        assertThat(pepsi.valueFen()).isEqualTo(-200); // the third at the last purchase price

        assertThat(run("stock", "list", "--low")).isZero();
        assertThat(cli.out()).contains("低库存", TerminalFixture.PEPSI).doesNotContain(TerminalFixture.COLA);

        assertThat(run("stock", "count", TerminalFixture.PEPSI, "4")).as("a variance needs a reason").isEqualTo(2);
        assertThat(run("stock", "count", TerminalFixture.PEPSI, "4", "--reason", "漏记入库")).as(cli.err()).isZero();
        pepsi = level(TerminalFixture.PEPSI);
        assertThat(pepsi.onHandMilli()).isEqualTo(4_000);
        assertThat(pepsi.valueFen()).isEqualTo(800);
    }

    @Test
    void weighedGoodsAreKeptInKilogramsAndUnknownCodesAreRefused() {
        assertThat(run("stock", "in", TerminalFixture.APPLE_PLU, "10", "--price", "6.00", "--supplier", "饮料批发"))
                .as(cli.err()).isZero();
        assertThat(run("sale", TerminalFixture.APPLE_PLU + "x0.512", "--pay", "CASH:20")).as(cli.err()).isZero();
        StockLevel apple = level(TerminalFixture.APPLE_PLU);
        assertThat(apple.unit()).isEqualTo("kg");
        assertThat(apple.onHandMilli()).isEqualTo(9_488);
        assertThat(apple.valueFen()).isEqualTo(6_000 - 307); // 6000 × 0.512/10 = 307.2

        assertThat(run("stock", "in", "6920000000999", "1", "--price", "1", "--supplier", "饮料批发")).isEqualTo(2);
        assertThat(cli.err()).contains("6920000000999");
    }

    @Test
    void aPurchaseFileNamesProductsByBarcodeAllOrNothing() throws Exception {
        Path csv = dir.resolve("purchases.csv");
        Files.writeString(csv, "date,item,quantity,unit_price,supplier\n2026-11-30," + TerminalFixture.COLA
                + ",24,2.00,饮料批发\n2026-11-30,6920000000999,1,1.00,饮料批发\n", StandardCharsets.UTF_8);
        assertThat(run("stock", "import", csv.toString())).isEqualTo(2);
        assertThat(run("stock", "list")).isZero();
        assertThat(cli.out()).doesNotContain(TerminalFixture.COLA);

        Files.writeString(csv, "date,item,quantity,unit_price,supplier\n2026-11-30," + TerminalFixture.COLA
                + ",24,2.00,饮料批发\n2026-11-30," + TerminalFixture.PEPSI + ",12,2.10,新供应商\n",
                StandardCharsets.UTF_8);
        assertThat(run("stock", "import", csv.toString())).as(cli.err()).isZero();
        assertThat(level(TerminalFixture.COLA).onHandMilli()).isEqualTo(24_000);
        assertThat(level(TerminalFixture.PEPSI).valueFen()).isEqualTo(2_520);
    }
}
