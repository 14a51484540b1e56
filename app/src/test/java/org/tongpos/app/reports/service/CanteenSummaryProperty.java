package org.tongpos.app.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.CanteenReport.CanteenGrouping;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.store.BankReportStore;
import org.tongpos.app.reports.store.CanteenReportStore;
import org.tongpos.app.reports.store.SalesReportStore;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.testkit.MutableClock;

/**
 * Decision 0018: the canteen report read through the summaries of closed days always equals the live report over the
 * meals. Random canteen histories over several days: meals (each with its MEAL journal entry, as the meal commit writes
 * them, some a second time in a period), meals refunded days later (a MEAL_REFUND entry and the meal's flag, as the
 * refund writes them), meals arriving late on a day already summarised (the clock set back), meal periods changed
 * (meals allowed, window), diners moved to another department, manual identifications, with reports read in between
 * so that days get summarised while the history grows; then every grouping, the total and the anomalies of random
 * ranges equal the live report's, and again after {@code report rebuild}.
 */
class CanteenSummaryProperty {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] PERIODS = {"早餐", "午餐", "晚餐"};
    private static final String[] DEPARTMENTS = {"办公室", "财务处", "后勤处"};

    @Property(tries = 8)
    void summariesEqualTheMeals(@ForAll long seed, @ForAll @IntRange(min = 50, max = 90) int steps) throws Exception {
        Path dir = Files.createTempDirectory("canteen-summary-property");
        MutableClock clock = new MutableClock(Instant.parse("2026-10-08T23:30:00Z"), SHANGHAI);
        Random random = new Random(seed);
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir, clock)) {
            setUp(terminal);
            Reports reports = terminal.reports();
            Reports live = new Reports(new SalesReportStore(terminal.database().dataSource()),
                    new CanteenReportStore(terminal.database().dataSource()),
                    new BankReportStore(terminal.database().dataSource()));
            Session reader = terminal.systemSession();
            LocalDate start = LocalDate.now(clock);
            List<UUID> served = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                int op = random.nextInt(12);
                if (op < 5) {
                    clock.advance(Duration.ofMinutes(1 + (random.nextInt(3) == 0 ? 4320 : 0) + random.nextInt(500)));
                    served.add(meal(terminal, clock, random));
                } else if (op == 5 && !served.isEmpty()) {
                    refund(terminal, clock, served.remove(random.nextInt(served.size())));
                } else if (op == 6) {
                    Duration back = Duration.ofHours(24L * (1 + random.nextInt(3)));
                    clock.advance(back.negated());
                    served.add(meal(terminal, clock, random));
                    clock.advance(back);
                } else if (op == 7) {
                    update(terminal, "UPDATE canteen_period SET meals_allowed = " + (1 + random.nextInt(2))
                            + ", start_minute = " + (300 + 30 * random.nextInt(6)) + " WHERE name = '"
                            + PERIODS[random.nextInt(PERIODS.length)] + "'");
                } else if (op == 8) {
                    update(terminal, "UPDATE canteen_diner SET department = '" + DEPARTMENTS[random.nextInt(3)]
                            + "', diner_type = '" + (random.nextBoolean() ? "在职" : "离退休") + "' WHERE account_id = 'A"
                            + (1 + random.nextInt(4)) + "'");
                } else if (op == 9) {
                    try (Connection c = terminal.database().connection(); PreparedStatement s = c.prepareStatement(
                            "INSERT INTO canteen_manual_identification (account_id, diner_id, reason, operator, "
                                    + "recorded_at) VALUES ('A1', 'D1', '忘带卡', '002', ?)")) {
                        s.setObject(1, OffsetDateTime.now(clock).withNano(0));
                        s.executeUpdate();
                    }
                } else {
                    LocalDate today = LocalDate.now(clock);
                    reports.canteen(reader, randomRange(random, start, today),
                            CanteenGrouping.values()[random.nextInt(CanteenGrouping.values().length)]);
                }
            }
            LocalDate today = LocalDate.now(clock);
            List<DateRange> ranges = new ArrayList<>(List.of(new DateRange(start.minusDays(3), today.plusDays(1)),
                    new DateRange(start, today.minusDays(1).isBefore(start) ? start : today.minusDays(1))));
            for (int i = 0; i < 4; i++) {
                ranges.add(randomRange(random, start, today));
            }
            // most of a closed month: its month row less the days outside the range (SummarySpans)
            java.time.YearMonth october = java.time.YearMonth.from(start);
            if (today.isAfter(october.atEndOfMonth())) {
                ranges.add(new DateRange(start.plusDays(2), october.atEndOfMonth().minusDays(1)));
                ranges.add(new DateRange(start.plusDays(1 + random.nextInt(5)), today));
            }
            assertEqual(reports, live, reader, ranges);
            reports.rebuildSummaries(reader);
            assertEqual(reports, live, reader, ranges);
        } finally {
            SalesReportProperty.delete(dir);
        }
    }

    private static void assertEqual(Reports reports, Reports live, Session reader, List<DateRange> ranges) {
        for (DateRange range : ranges) {
            for (CanteenGrouping by : CanteenGrouping.values()) {
                CanteenReport a = reports.canteen(reader, range, by);
                CanteenReport b = live.canteen(reader, range, by);
                assertThat(byKey(a.rows())).as("%s by %s", range, by).isEqualTo(byKey(b.rows()));
                assertThat(a.rows()).as("%s by %s in order", range, by).isEqualTo(b.rows());
                assertThat(a.total()).as("total of %s", range).isEqualTo(b.total());
                assertThat(a.anomalies()).as("anomalies of %s", range).isEqualTo(b.anomalies());
            }
        }
    }

    private static Map<String, CanteenReport.Row> byKey(List<CanteenReport.Row> rows) {
        Map<String, CanteenReport.Row> map = new HashMap<>();
        for (CanteenReport.Row row : rows) {
            assertThat(map.put(row.key(), row)).as("key %s once", row.key()).isNull();
        }
        return map;
    }

    private static DateRange randomRange(Random random, LocalDate start, LocalDate today) {
        int span = (int) (today.toEpochDay() - start.toEpochDay()) + 3;
        LocalDate from = start.minusDays(1).plusDays(random.nextInt(span));
        return new DateRange(from, from.plusDays(random.nextInt(span)));
    }

    private static void setUp(Terminal terminal) throws Exception {
        try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO canteen_period (name, start_minute, end_minute, weekdays, meals_allowed) "
                    + "VALUES ('早餐', 420, 540, '1234567', 1), ('午餐', 690, 810, '1234567', 1), "
                    + "('晚餐', 1050, 1170, '1234567', NULL)");
            for (int i = 1; i <= 4; i++) {
                s.executeUpdate("INSERT INTO canteen_diner (account_id, diner_id, name, name_initials, department, "
                        + "diner_type, balance_fen, subsidy_fen, hotlisted, closed, updated_at) VALUES ('A" + i
                        + "', 'D" + i + "', '职工" + i + "', '', '" + DEPARTMENTS[i % 3] + "', '在职', 0, 0, FALSE, FALSE, "
                        + "CURRENT_TIMESTAMP)");
            }
        }
    }

    private static void update(Terminal terminal, String sql) throws Exception {
        try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /** A meal as the meal commit writes it: its MEAL journal entry and its row, in one transaction. */
    private static UUID meal(Terminal terminal, MutableClock clock, Random random) throws Exception {
        OffsetDateTime at = OffsetDateTime.now(clock).withNano(0);
        UUID id = UUID.randomUUID();
        // accounts A1..A4 are diners; A5 is not in the diners' table (department '-')
        String account = "A" + (1 + random.nextInt(5));
        long amount = 100 * (1 + random.nextInt(15));
        long subsidy = random.nextBoolean() ? amount / 2 : 0;
        long cash = random.nextInt(5) == 0 ? amount - subsidy : 0;
        long balance = amount - subsidy - cash;
        List<EntryTender> tenders = new ArrayList<>();
        if (subsidy > 0) {
            tenders.add(new EntryTender(TenderMethod.SUBSIDY, subsidy, account));
        }
        if (balance > 0) {
            tenders.add(new EntryTender(TenderMethod.ACCOUNT, balance, account));
        }
        if (cash > 0) {
            tenders.add(new EntryTender(TenderMethod.CASH, cash, ""));
        }
        JournalStore journal = terminal.journal();
        try (Connection c = terminal.database().connection()) {
            c.setAutoCommit(false);
            long seq = journal.append(c, new JournalStore.Draft(id.toString(), EntryKind.MEAL,
                    org.tongpos.sync.journal.ApiTimes.format(at), at.toLocalDate().toString(), amount, tenders, ""))
                    .seq();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO canteen_meal (txn_id, seq, account_id, "
                    + "diner_id, source, identified_by, period, business_date, occurred_at, nth, amount_fen, "
                    + "subsidy_fen, balance_fen, cash_fen) VALUES (?, ?, ?, ?, 'LOCAL', 'CARD', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, id);
                s.setLong(2, seq);
                s.setString(3, account);
                s.setString(4, "D" + account.substring(1));
                s.setString(5, PERIODS[random.nextInt(PERIODS.length)]);
                s.setObject(6, at.toLocalDate());
                s.setObject(7, at);
                s.setInt(8, random.nextInt(4) == 0 ? 2 : 1);
                s.setLong(9, amount);
                s.setLong(10, subsidy);
                s.setLong(11, balance);
                s.setLong(12, cash);
                s.executeUpdate();
            }
            c.commit();
        }
        return id;
    }

    /** A refund as the meal refund writes it: a MEAL_REFUND entry on today's date, the meal's flag set. */
    private static void refund(Terminal terminal, MutableClock clock, UUID meal) throws Exception {
        OffsetDateTime at = OffsetDateTime.now(clock).withNano(0);
        try (Connection c = terminal.database().connection()) {
            c.setAutoCommit(false);
            long amount;
            try (PreparedStatement s = c.prepareStatement("SELECT amount_fen FROM canteen_meal WHERE txn_id = ?")) {
                s.setObject(1, meal);
                try (var r = s.executeQuery()) {
                    r.next();
                    amount = r.getLong(1);
                }
            }
            terminal.journal().append(c, new JournalStore.Draft(UUID.randomUUID().toString(), EntryKind.MEAL_REFUND,
                    org.tongpos.sync.journal.ApiTimes.format(at), at.toLocalDate().toString(), amount,
                    List.of(new EntryTender(TenderMethod.CASH, amount, "")), meal.toString()));
            try (PreparedStatement s = c.prepareStatement("UPDATE canteen_meal SET refunded = TRUE WHERE txn_id = ?")) {
                s.setObject(1, meal);
                s.executeUpdate();
            }
            c.commit();
        }
    }
}
