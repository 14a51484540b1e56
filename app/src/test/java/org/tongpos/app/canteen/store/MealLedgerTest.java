package org.tongpos.app.canteen.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.canteen.domain.ChargeSplit;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.canteen.domain.IdentifiedBy;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.storage.Database;
import org.tongpos.sync.wire.AccountChange;
import org.tongpos.sync.wire.AccountChangeKind;

/**
 * What the decisions read of the meals: this terminal's meals per period and day, what the bank has not confirmed
 * yet, and other lanes' DEBITs and CREDITs as the feed delivers them (through the listener, in the feed's transaction).
 */
class MealLedgerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOON = Instant.parse("2026-11-30T04:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;
    private Database database;
    private MealStore meals;
    private LaneMovementStore lanes;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        meals = new MealStore(database.dataSource());
        lanes = new LaneMovementStore(database.dataSource(), meals, "T0001", Clock.fixed(NOON, SHANGHAI));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UUID meal(long seq, String account, String source, String period, long subsidy, long balance) throws Exception {
        UUID txn = UUID.randomUUID();
        try (Connection c = database.connection()) {
            meals.insert(c, new MealRecord(txn, seq, account, "D" + account, source, IdentifiedBy.CARD, period, MONDAY,
                    OffsetDateTime.ofInstant(NOON, SHANGHAI), 1, Money.ofFen(subsidy + balance),
                    new ChargeSplit(Money.ofFen(subsidy), Money.ofFen(balance), Money.ZERO),
                    List.of(new Dish(period, 1, "红烧肉", Money.ofFen(subsidy + balance))), null));
        }
        return txn;
    }

    private void feed(String cursor, String account, AccountChangeKind kind, long amount, String txn, String terminal)
            throws Exception {
        try (Connection c = database.connection()) {
            lanes.applied(c, new AccountChange(cursor, account, "D" + account, "张伟", "办公室", "STAFF", "04A1B2C3",
                    kind, amount, 0, 0, txn, terminal));
        }
        lanes.committed(); // as the feed does once its page committed (here: auto-commit)
    }

    @Test
    void thisTerminalsMealsCountPerPeriodAndDayAndStayUnconfirmedUntilTheirDebitArrives() throws Exception {
        UUID first = meal(1, "A1", "BANK", "午餐", 1000, 0);
        meal(2, "A1", "BANK", "早餐", 300, 200);
        meal(3, "L-S1", "LOCAL", "午餐", 1000, 0);

        assertThat(meals.mealsInPeriod("A1", MONDAY, "午餐")).isEqualTo(1);
        assertThat(meals.mealsInPeriod("A1", MONDAY.plusDays(1), "午餐")).isZero();
        assertThat(meals.chargedOn("A1", MONDAY)).isEqualTo(Money.ofFen(1500));
        assertThat(meals.unconfirmed("A1")).isEqualTo(new MealStore.Unconfirmed(Money.ofFen(1300), Money.ofFen(200)));
        assertThat(meals.terminalUnconfirmed()).as("local accounts are never unconfirmed").isEqualTo(Money.ofFen(1500));

        feed("101", "A1", AccountChangeKind.DEBIT, 1000, first.toString(), "T0001");

        assertThat(meals.unconfirmed("A1")).isEqualTo(new MealStore.Unconfirmed(Money.ofFen(300), Money.ofFen(200)));
        assertThat(meals.terminalUnconfirmed()).isEqualTo(Money.ofFen(500));
        assertThat(meals.count(MONDAY, "午餐")).isEqualTo(2);
        assertThat(lanes.otherLaneMeals("A1", OffsetDateTime.ofInstant(NOON, SHANGHAI).minusHours(1),
                OffsetDateTime.ofInstant(NOON, SHANGHAI).plusHours(1))).as("our own DEBIT is not another lane's")
                .isZero();
    }

    @Test
    void otherLanesDebitsCountInTheWindowTheyArrivedInLessTheirRefunds() throws Exception {
        feed("201", "A1", AccountChangeKind.DEBIT, 1000, UUID.randomUUID().toString(), "T0002");
        feed("202", "A1", AccountChangeKind.DEBIT, 800, UUID.randomUUID().toString(), "T0003");
        feed("203", "A2", AccountChangeKind.DEBIT, 500, UUID.randomUUID().toString(), "T0002");
        feed("204", "A1", AccountChangeKind.TOPUP, 5000, "", "");
        feed("205", "A1", AccountChangeKind.CREDIT, 800, UUID.randomUUID().toString(), "T0003");
        feed("206", "A1", AccountChangeKind.DEBIT, 900, "not-a-uuid", "T0001");

        OffsetDateTime noon = OffsetDateTime.ofInstant(NOON, SHANGHAI);
        assertThat(lanes.otherLaneMeals("A1", noon.minusMinutes(1), noon.plusMinutes(1))).isEqualTo(1);
        assertThat(lanes.otherLaneMeals("A1", noon.plusMinutes(1), noon.plusHours(1))).isZero();
        assertThat(lanes.otherLaneSpend("A1", MONDAY)).isEqualTo(Money.ofFen(1000));
        assertThat(lanes.otherLaneSpend("A2", MONDAY)).isEqualTo(Money.ofFen(500));
        assertThat(lanes.otherLaneSpend("A1", MONDAY.plusDays(1))).isEqualTo(Money.ZERO);
    }

    @Test
    void aQrNonceIsSpentOnceAndAManualIdentificationIsCounted() throws Exception {
        QrNonceStore nonces = new QrNonceStore(database.dataSource());
        var code = org.tongpos.app.canteen.domain.DinerQrCode.parse("TQ1."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("k1|D1|A1|" + NOON.getEpochSecond() + "|abc").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64])).orElseThrow();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            assertThat(nonces.spend(c, code, NOON)).isTrue();
            assertThat(nonces.spend(c, code, NOON)).as("the same transaction").isFalse();
            c.rollback();
        }
        assertThat(nonces.isSpent(code)).as("rolled back with its meal").isFalse();
        assertThat(nonces.spend(code, NOON)).isTrue();
        assertThat(nonces.isSpent(code)).isTrue();

        ManualIdentificationStore manual = new ManualIdentificationStore(database.dataSource());
        try (Connection c = database.connection()) {
            manual.insert(c, UUID.randomUUID(), "A1", "D1", "忘带卡", "001", OffsetDateTime.ofInstant(NOON, SHANGHAI));
        }
        OffsetDateTime noon = OffsetDateTime.ofInstant(NOON, SHANGHAI);
        assertThat(manual.count(noon.minusHours(1), noon.plusHours(1))).isEqualTo(1);
        assertThat(manual.count(noon.plusHours(1), noon.plusHours(2))).isZero();
    }
}
