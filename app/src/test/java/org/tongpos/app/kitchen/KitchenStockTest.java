package org.tongpos.app.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.cli.TongPosCommand;
import org.tongpos.app.kitchen.domain.CostPerMeal;
import org.tongpos.app.kitchen.domain.StockException;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;

/** Kitchen stock arithmetic at the moving average cost, the cost per meal, all-or-nothing import, access, audit. */
class KitchenStockTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private KitchenStock stock;
    private Session manager;
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        stock = terminal.kitchen();
        manager = Session.loggedIn(terminal.operators().operators().find("003").orElseThrow(),
                terminal.clock().instant());
        stock.addSupplier(manager, "粮油公司", "");
        stock.addItem(manager, "RICE", "大米", "kg", 150, 10_000);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private StockLevel rice() {
        return stock.levels(terminal.systemSession()).stream().filter(l -> l.code().equals("RICE")).findFirst()
                .orElseThrow();
    }

    private int auditRecords() {
        return terminal.operators().audit().list(terminal.systemSession(), DAY.minusDays(1), DAY.plusDays(1)).size();
    }

    @Test
    void movementsKeepQuantityAndValueAtTheMovingAverageCost() {
        int audited = auditRecords();
        assertThat(stock.receive(manager, new KitchenStock.Purchase(DAY, "RICE", 100_000, 400, "粮油公司")))
                .isEqualTo(40_000);
        assertThat(stock.receive(manager, new KitchenStock.Purchase(DAY, "RICE", 50_000, 500, "粮油公司")))
                .isEqualTo(25_000);
        assertThat(rice().onHandMilli()).isEqualTo(150_000);
        assertThat(rice().valueFen()).isEqualTo(65_000);

        assertThat(stock.issue(manager, "RICE", 30_000, "午餐", DAY)).isEqualTo(13_000); // 65000 × 30/150
        assertThat(stock.waste(manager, "RICE", 2_000, "受潮", DAY)).isEqualTo(867); // 52000 × 2/120 = 866.67
        assertThat(stock.count(manager, "RICE", 117_500, "称重误差", DAY)).isEqualTo(-500);
        assertThat(rice().onHandMilli()).isEqualTo(117_500);
        assertThat(rice().valueFen()).isEqualTo(51_133 - 217); // 51133 × -0.5/118 = -216.67
        assertThat(rice().low()).isFalse();

        // more than on hand: refused, nothing recorded
        assertThatThrownBy(() -> stock.issue(manager, "RICE", 117_501, "午餐", DAY))
                .isInstanceOfSatisfying(StockException.class, e -> assertThat(e.key()).isEqualTo("stock.error.short"));
        // the last unit takes all the value that is left
        assertThat(stock.issue(manager, "RICE", 117_500, "晚餐", DAY)).isEqualTo(50_916);
        assertThat(rice().onHandMilli()).isZero();
        assertThat(rice().valueFen()).isZero();
        assertThat(rice().low()).isTrue();
        // a variance needs a reason
        assertThatThrownBy(() -> stock.count(manager, "RICE", 1_000, "", DAY)).isInstanceOf(StockException.class);
        assertThat(auditRecords()).isEqualTo(audited + 6);
    }

    @Test
    void costPerMealIsTheValueIssuedOverTheMealsServed() throws Exception {
        stock.receive(manager, new KitchenStock.Purchase(DAY, "RICE", 100_000, 400, "粮油公司"));
        stock.issue(manager, "RICE", 20_000, "午餐", DAY); // 8000 fen
        stock.issue(manager, "RICE", 5_000, "晚餐", DAY); // 2000 fen
        meals(DAY, "午餐", 40, false);
        meals(DAY, "午餐", 3, true); // refunded: not served
        meals(DAY, "晚餐", 10, false);

        List<CostPerMeal> rows = stock.costPerMeal(terminal.systemSession(), DAY, DAY);
        assertThat(rows).containsExactly(new CostPerMeal("2026-11-30", "", 10_000, 50),
                new CostPerMeal("2026-11-30", "午餐", 8_000, 40), new CostPerMeal("2026-11-30", "晚餐", 2_000, 10));
        assertThat(rows.get(0).costPerMealFen()).isEqualTo(200);
        assertThat(rows.get(1).costPerMealFen()).isEqualTo(200);
    }

    @Test
    void theForecastSuggestsWhatToBuyForTheDinersExpected() throws Exception {
        stock.receive(manager, new KitchenStock.Purchase(DAY, "RICE", 2_000, 400, "粮油公司"));
        meals(DAY.minusWeeks(1), "午餐", 50, false); // the only open day: the same weekday last week
        KitchenStock.Forecast forecast = stock.forecast(terminal.systemSession(), 7, 4, java.util.Set.of());
        assertThat(forecast.days()).extracting(d -> d.meals()).containsExactly(50L, 0L, 0L, 0L, 0L, 0L, 0L);
        KitchenStock.Suggestion rice = forecast.purchases().get(0);
        assertThat(rice.neededMilli()).isEqualTo(50 * 150); // 7.5 kg at 0.15 kg a meal
        assertThat(rice.onHandMilli()).isEqualTo(2_000);
        assertThat(rice.toBuyMilli()).isEqualTo(5_500);
    }

    @Test
    void aPurchaseImportIsAllOrNothing() throws Exception {
        List<String> bad = List.of("date,item,quantity,unit_price,supplier", "2026-11-30,RICE,10,4.00,粮油公司",
                "2026-11-30,RICE,ten,4.00,粮油公司");
        assertThatThrownBy(() -> stock.importPurchases(manager, bad)).isInstanceOfSatisfying(StockException.class,
                e -> assertThat(e.args()[0]).isEqualTo(3));
        assertThat(rice().onHandMilli()).isZero();

        Path csv = dir.resolve("purchases.csv");
        Files.writeString(csv, "\uFEFFdate,item,quantity,unit_price,supplier\n2026-11-30,RICE,10,4.00,粮油公司\n"
                + "2026-11-30,RICE,2.5,4.20,新供应商\n", StandardCharsets.UTF_8);
        terminal.close();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TongPosCommand.run(d -> 0, new PrintWriter(out, true), new PrintWriter(err, true),
                "--data-dir", dir.toString(), "stock", "import", csv.toString());
        assertThat(status).as(err.toString()).isZero();
        status = TongPosCommand.run(d -> 0, new PrintWriter(out, true), new PrintWriter(err, true),
                "--data-dir", dir.toString(), "stock", "list");
        assertThat(status).isZero();
        assertThat(out.toString()).contains("大米").contains("12.5").contains("50.50");
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
        stock = terminal.kitchen();
        assertThat(rice().valueFen()).isEqualTo(4_000 + 1_050);
    }

    @Test
    void theAuditorReadsStockAndMovesNothing() {
        Session auditor = Session.loggedIn(terminal.operators().operators().find("004").orElseThrow(),
                terminal.clock().instant());
        assertThat(stock.levels(auditor)).hasSize(1);
        assertThatThrownBy(() -> stock.receive(auditor, new KitchenStock.Purchase(DAY, "RICE", 1_000, 400,
                "粮油公司"))).isInstanceOf(AccessDeniedException.class);
        Session cashier = Session.loggedIn(terminal.operators().operators().find("001").orElseThrow(),
                terminal.clock().instant());
        assertThatThrownBy(() -> stock.issue(cashier, "RICE", 1_000, "午餐", DAY))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(rice().onHandMilli()).isZero();
    }

    private void meals(LocalDate day, String period, int n, boolean refunded) throws Exception {
        try (Connection c = terminal.database().connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO canteen_meal (txn_id, seq, account_id, diner_id, source, identified_by, period, "
                        + "business_date, occurred_at, nth, amount_fen, subsidy_fen, balance_fen, cash_fen, refunded) "
                        + "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM canteen_meal), 'A', 'D', 'LOCAL', 'QR', "
                        + "?, ?, CURRENT_TIMESTAMP, 1, 500, 0, 500, 0, ?)")) {
            for (int i = 0; i < n; i++) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, period);
                s.setObject(3, day);
                s.setBoolean(4, refunded);
                s.executeUpdate();
            }
        }
    }
}
