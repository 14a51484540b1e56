package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.reports.domain.BankDay;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.CanteenReport.CanteenGrouping;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.testkit.MutableClock;

/**
 * The bank report against batches and a reconciliation run, and the canteen report with planted anomalies (a second
 * lunch where one is allowed, a meal outside the window, a manual identification, a refund). Rows the features would
 * write are inserted here directly, as their stores write them.
 */
class BankAndCanteenReportTest {

    @TempDir
    Path dir;

    @Test
    void bankDaysShowWhatIsUnsentAndWhatTheStatementSaid() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-29T04:00:00Z").withZone(java.time.ZoneId.of("Asia/Shanghai"));
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir, clock)) {
            sell(terminal, 2);
            clock.advance(java.time.Duration.ofDays(1));
            sell(terminal, 1);
            DateRange range = new DateRange(LocalDate.parse("2026-11-29"), LocalDate.parse("2026-11-30"));

            List<BankDay> before = terminal.reports().bank(terminal.systemSession(), range);
            assertThat(before).extracting(BankDay::unsentEntries).containsExactly(2L, 1L);
            assertThat(before).extracting(BankDay::reconciled).containsExactly(false, false);

            SyncSchema.migrate(terminal.database().dataSource());
            try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO sync_batch (batch_id, first_seq, last_seq, entry_count, debit_total_fen, "
                        + "credit_total_fen, body, state, sealed_at, updated_at) VALUES (RANDOM_UUID(), 1, 1, 1, 0, 0, "
                        + "X'00', 'ACCEPTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                s.executeUpdate("INSERT INTO recon_run (business_date, statement_hash, download_path, reconciled_at, "
                        + "statement_rows, statement_amount_fen, statement_fee_fen, statement_net_fen, local_tenders, "
                        + "matched_count, matched_amount_fen, difference_count) VALUES (DATE '2026-11-29', 'h', 'p', "
                        + "CURRENT_TIMESTAMP, 1, 500, 3, 497, 1, 1, 500, 1)");
                s.executeUpdate("INSERT INTO recon_difference (run_id, diff_no, category, txn_id, method) "
                        + "SELECT MAX(run_id), 1, 'MISSING_AT_BANK', 'x', 'BANK_CARD' FROM recon_run");
            }
            List<BankDay> after = terminal.reports().bank(terminal.systemSession(), range);
            assertThat(after).extracting(BankDay::unsentEntries).containsExactly(1L, 1L);
            assertThat(after.get(0).reconciled()).isTrue();
            assertThat(after.get(0).statementFeeFen()).isEqualTo(3);
            assertThat(after.get(0).statementNetFen()).isEqualTo(497);
            assertThat(after.get(0).differences()).isEqualTo(1);
            assertThat(after.get(1).reconciled()).isFalse();
            assertThat(after.get(0).journalDebitFen()).isEqualTo(terminal.reports().sales(terminal.systemSession(),
                    DateRange.day(LocalDate.parse("2026-11-29")),
                    org.tongpos.app.reports.domain.SalesGrouping.DAY, 0).totals().salesFen());
        }
    }

    @Test
    void canteenMealsAreSummedAndTheAnomaliesFlaggedWithTheirRule() throws Exception {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir)) {
            try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO canteen_period (name, start_minute, end_minute, weekdays, meals_allowed) "
                        + "VALUES ('午餐', 690, 780, '1234567', 1)");
                s.executeUpdate("INSERT INTO canteen_diner (account_id, diner_id, name, name_initials, department, "
                        + "diner_type, balance_fen, subsidy_fen, hotlisted, closed, updated_at) VALUES ('A1', 'L001', "
                        + "'张三', 'zs', '办公室', '职工', 0, 0, FALSE, FALSE, CURRENT_TIMESTAMP)");
            }
            meal(terminal, 1, "A1", "L001", "2026-11-30T11:40:00+08:00", 1, 1000, 600, 400, 0, false);
            meal(terminal, 2, "A1", "L001", "2026-11-30T12:10:00+08:00", 2, 1000, 0, 1000, 0, false);
            meal(terminal, 3, "A1", "L001", "2026-11-29T14:30:00+08:00", 1, 1000, 1000, 0, 0, false);
            meal(terminal, 4, "CASH", "-", "2026-11-29T12:00:00+08:00", 1, 1500, 0, 0, 1500, true);
            try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO canteen_manual_identification (account_id, diner_id, reason, operator, "
                        + "recorded_at) VALUES ('A1', 'L001', '忘带卡', '002', TIMESTAMP WITH TIME ZONE "
                        + "'2026-11-30 11:39:00+08:00')");
            }
            DateRange range = new DateRange(LocalDate.parse("2026-11-29"), LocalDate.parse("2026-11-30"));
            CanteenReport byDept = terminal.reports().canteen(terminal.systemSession(), range,
                    CanteenGrouping.DEPARTMENT);
            assertThat(byDept.total().meals()).isEqualTo(3);
            assertThat(byDept.total().subsidyFen()).isEqualTo(1600);
            assertThat(byDept.total().balanceFen()).isEqualTo(1400);
            assertThat(byDept.total().refunded()).isEqualTo(1);
            assertThat(byDept.rows()).extracting(CanteenReport.Row::key).containsExactly("-", "办公室");
            CanteenReport byDay = terminal.reports().canteen(terminal.systemSession(), range, CanteenGrouping.DAY);
            assertThat(byDay.rows()).extracting(CanteenReport.Row::key, CanteenReport.Row::meals)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-29", 1L),
                            org.assertj.core.groups.Tuple.tuple("2026-11-30", 2L));
            assertThat(byDept.anomalies()).extracting(CanteenReport.Anomaly::rule).containsExactlyInAnyOrder(
                    CanteenReport.Rule.MORE_MEALS_THAN_ALLOWED, CanteenReport.Rule.OUTSIDE_WINDOW,
                    CanteenReport.Rule.MANUAL_IDENTIFICATION, CanteenReport.Rule.REFUND);
            CanteenReport.Anomaly twice = byDept.anomalies().stream()
                    .filter(a -> a.rule() == CanteenReport.Rule.MORE_MEALS_THAN_ALLOWED).findFirst().orElseThrow();
            assertThat(twice.dinerId()).isEqualTo("L001");
            assertThat(twice.detail()).isEqualTo("2 > 1");
            List<String> csv = new ReportTables(terminal.messages()).canteen(byDept).get(1).rows().stream()
                    .map(r -> r.get(0)).toList();
            assertThat(csv).contains("超过餐次限定次数", "手工识别");
        }
    }

    private static void meal(Terminal terminal, long seq, String account, String diner, String at, int nth,
                             long amount, long subsidy, long balance, long cash, boolean refunded) throws Exception {
        OffsetDateTime time = OffsetDateTime.parse(at);
        try (Connection c = terminal.database().connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO canteen_meal (txn_id, seq, account_id, diner_id, source, identified_by, period, "
                        + "business_date, occurred_at, nth, amount_fen, subsidy_fen, balance_fen, cash_fen, refunded) "
                        + "VALUES (?, ?, ?, ?, 'LOCAL', 'CARD', '午餐', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, UUID.randomUUID());
            s.setLong(2, 1000 + seq);
            s.setString(3, account);
            s.setString(4, diner);
            s.setObject(5, time.toLocalDate());
            s.setObject(6, time);
            s.setInt(7, nth);
            s.setLong(8, amount);
            s.setLong(9, subsidy);
            s.setLong(10, balance);
            s.setLong(11, cash);
            s.setBoolean(12, refunded);
            s.executeUpdate();
        }
    }

    private static void sell(Terminal terminal, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            Cart cart = new Cart();
            cart.addPieces(terminal.catalog().byBarcode(TerminalFixture.COLA).orElseThrow(), 1);
            terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(10_000), "")),
                    terminal.systemSession());
        }
    }
}
