package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankServices;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.canteen.domain.AccountSource;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerQrCode;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.domain.OfflineLimit;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.sandbox.DemoAccount;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.sync.wire.AccountChangeKind;

/**
 * The canteen against the real sandbox bank: its accounts feed, its QR keys and codes, and another lane charging the
 * same accounts. Bank and terminals share a fixed clock at Monday 2026-11-30 12:00 in Shanghai (lunch).
 */
class CanteenWithTheBankTest {

    private static final Instant NOON = Instant.parse("2026-11-30T04:00:00Z");
    private static final String OTHER_LANE = "T0002";

    @TempDir
    Path dir;

    private final String key = BankTestSupport.newKey();
    private final String otherKey = BankTestSupport.newKey();
    private SandboxBank bank;

    @BeforeEach
    void startBank() {
        bank = SandboxBank.start(new SandboxBankConfig(0, dir.resolve("bank"),
                Map.of(BankTestSupport.TERMINAL, key, OTHER_LANE, otherKey), BankTestSupport.MERCHANT), clock(NOON));
    }

    @AfterEach
    void stopBank() {
        bank.close();
    }

    private static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    /** Our lane, configured for the bank, with the demo canteen's rules; synced with the bank once. */
    private Terminal lane(Instant at) {
        Terminal terminal = Terminal.open(dir.resolve("lane"), clock(at));
        BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        terminal.close();
        terminal = Terminal.open(dir.resolve("lane"), clock(at));
        if (terminal.canteen().rules().rules().periods().isEmpty()) {
            terminal.canteen().demo().load();
        }
        return terminal;
    }

    private static BankServices.CanteenDataRefresh sync(Terminal terminal) {
        return terminal.bank().services().orElseThrow().refreshCanteenData();
    }

    private static MealAttempt decide(Terminal terminal, DinerSource source) {
        return terminal.canteen().meals().decide(new MealRequest(source, MealOrder.FIXED));
    }

    private static RefusalReason refusal(MealAttempt attempt) {
        assertThat(attempt.decision()).isInstanceOf(MealDecision.Refused.class);
        return ((MealDecision.Refused) attempt.decision()).reason();
    }

    @Test
    void syncBringsTheBankDinersAndKeysAndAQrCodeFromTheBankIsServedFromTheSubsidy() {
        try (Terminal lane = lane(NOON)) {
            BankServices.CanteenDataRefresh refresh = sync(lane);
            assertThat(refresh.complete()).as(refresh.toString()).isTrue();
            assertThat(refresh.keys()).contains(1);
            assertThat(lane.canteen().diners().bankCount()).isEqualTo(bank.accounts().size());

            MealAttempt lunch = decide(lane, new DinerSource.QrCode(bank.issueDinerQr("A0001")));

            MealDecision.Served served = (MealDecision.Served) lunch.decision();
            assertThat(lunch.diner().map(DinerAccount::name)).contains("张伟");
            assertThat(lunch.diner().map(DinerAccount::source)).contains(AccountSource.BANK);
            assertThat(served.period()).isEqualTo("午餐");
            assertThat(served.split().subsidy().fen()).isEqualTo(1000);
            assertThat(served.subsidyAfter().orElseThrow().fen()).isEqualTo(30_000 - 1000);
            assertThat(lunch.qrCode().map(DinerQrCode::accountId)).contains("A0001");
        }
    }

    @Test
    void aSpentNonceIsRefusedAsReplayedAlsoAfterARestartAndForgottenOnceItsCodeIsLongExpired() {
        String code = bank.issueDinerQr("A0002");
        try (Terminal lane = lane(NOON)) {
            sync(lane);
            MealAttempt first = decide(lane, new DinerSource.QrCode(code));
            assertThat(first.served()).isTrue();
            assertThat(decide(lane, new DinerSource.QrCode(code)).served()).as("deciding spends nothing").isTrue();
            assertThat(lane.canteen().nonces().spend(first.qrCode().orElseThrow(), NOON)).isTrue();
            assertThat(lane.canteen().nonces().spend(first.qrCode().orElseThrow(), NOON)).isFalse();
            assertThat(refusal(decide(lane, new DinerSource.QrCode(code)))).isEqualTo(RefusalReason.QR_REPLAYED);
        }
        try (Terminal restarted = lane(NOON.plusSeconds(20))) {
            assertThat(refusal(decide(restarted, new DinerSource.QrCode(code)))).isEqualTo(RefusalReason.QR_REPLAYED);
            assertThat(decide(restarted, new DinerSource.QrCode(bank.issueDinerQr("A0002"))).served())
                    .as("a fresh code of the same diner").isTrue();
            assertThat(restarted.canteen().nonces().purgeExpired(NOON.plusSeconds(20))).isZero();
            assertThat(restarted.canteen().nonces().purgeExpired(NOON.plus(Duration.ofHours(2)))).isEqualTo(1);
            assertThat(restarted.canteen().nonces().count()).isZero();
        }
    }

    @Test
    void aServedQrMealIsJournaledAgainstTheBankAccountSpendsItsNonceAndCountsAsUnconfirmed() {
        String code = bank.issueDinerQr("A0001");
        try (Terminal lane = lane(NOON)) {
            sync(lane);
            ServedMeal meal = lane.canteen().serving().serve(new MealRequest(new DinerSource.QrCode(code),
                    MealOrder.FIXED), org.tongpos.app.operators.TestSessions.cashier("9"));
            assertThat(meal.served()).isTrue();
            assertThat(meal.entry().orElseThrow().tenders()).containsExactly(
                    new org.tongpos.sync.journal.EntryTender(TenderMethod.SUBSIDY, 1000, "A0001"));
            assertThat(lane.canteen().mealStore().unconfirmed("A0001").subsidy().fen()).isEqualTo(1000);
            assertThat(refusal(decide(lane, new DinerSource.QrCode(code)))).isEqualTo(RefusalReason.QR_REPLAYED);
        }
        try (Terminal restarted = lane(NOON.plusSeconds(10))) {
            assertThat(refusal(decide(restarted, new DinerSource.QrCode(code)))).isEqualTo(RefusalReason.QR_REPLAYED);
            assertThat(refusal(decide(restarted, new DinerSource.QrCode(bank.issueDinerQr("A0001")))))
                    .isEqualTo(RefusalReason.ALREADY_SERVED);
        }
    }

    @Test
    void codesAreRefusedWhenExpiredWithoutTheBankKeyOrForAnAccountNotInTheReplica() {
        String code = bank.issueDinerQr("A0003");
        try (Terminal lane = lane(NOON)) {
            assertThat(refusal(decide(lane, new DinerSource.QrCode(code)))).as("before the first sync")
                    .isEqualTo(RefusalReason.QR_UNKNOWN_KEY);
            sync(lane);
            assertThat(refusal(decide(lane, new DinerSource.QrCode(bank.issueDinerQr("D9999", "A9999")))))
                    .isEqualTo(RefusalReason.UNKNOWN_DINER);
            assertThat(refusal(decide(lane, new DinerSource.QrCode(bank.issueDinerQr("D0001", "A0003")))))
                    .as("an account of another diner").isEqualTo(RefusalReason.UNKNOWN_DINER);
        }
        try (Terminal later = lane(NOON.plusSeconds(91))) {
            assertThat(refusal(decide(later, new DinerSource.QrCode(code)))).isEqualTo(RefusalReason.QR_EXPIRED);
        }
        try (Terminal earlier = lane(NOON.minusSeconds(31))) {
            assertThat(refusal(decide(earlier, new DinerSource.QrCode(code)))).isEqualTo(RefusalReason.QR_FUTURE);
        }
    }

    @Test
    void bankCardsAreFoundAndALostCardOrAClosedAccountIsRefused() {
        try (Terminal lane = lane(NOON)) {
            sync(lane);
            assertThat(decide(lane, new DinerSource.Card("04a1b2c3")).served()).as("any case").isTrue();
            assertThat(refusal(decide(lane, new DinerSource.Card("04A1B2C8")))).isEqualTo(RefusalReason.HOTLISTED);
            bank.changeAccount("A0004", AccountChangeKind.CLOSE, 0);
            bank.changeAccount("A0006", AccountChangeKind.UNHOTLIST, 0);
            sync(lane);
            assertThat(refusal(decide(lane, new DinerSource.Card("04A1B2C6")))).isEqualTo(RefusalReason.ACCOUNT_CLOSED);
            assertThat(decide(lane, new DinerSource.Card("04A1B2C8")).served()).as("the card was found again").isTrue();
            assertThat(refusal(decide(lane, new DinerSource.Card("04A1B2FF")))).isEqualTo(RefusalReason.UNKNOWN_DINER);
        }
    }

    @Test
    void bankDinersAreFoundByPinyinInitialsNameAndDinerIdAndFacesMapToThem() {
        try (Terminal lane = lane(NOON)) {
            sync(lane);
            assertThat(lane.canteen().diners().find("zw")).extracting(DinerAccount::dinerId).contains("D0001");
            assertThat(lane.canteen().diners().find("王")).extracting(DinerAccount::dinerId).containsExactly("D0002");
            assertThat(lane.canteen().diners().find("D0003")).extracting(DinerAccount::name).containsExactly("李娜");
            lane.canteen().faces().map("2001", "D0001");
            assertThat(decide(lane, new DinerSource.Face("2001")).diner().map(DinerAccount::accountId))
                    .contains("A0001");
        }
    }

    @Test
    void anotherLanesChargeArrivesAsADebitAndCountsAsThisPeriodsMeal() {
        Path otherDir = dir.resolve("other");
        try (Terminal other = Terminal.open(otherDir, clock(NOON))) {
            other.settings().set(SettingKey.TERMINAL_ID, OTHER_LANE);
            BankTestSupport.configure(other, bank.apiBaseUrl(), otherKey);
        }
        try (Terminal other = Terminal.open(otherDir, clock(NOON))) {
            other.catalog().save(other.demoCatalog().products(20));
            BankTestSupport.sell(other, TenderMethod.ACCOUNT, 1, "A0005");
            assertThat(other.bank().services().orElseThrow().sync().syncNow().upToDate()).isTrue();
        } catch (PaymentException e) {
            throw new AssertionError(e);
        }
        try (Terminal lane = lane(NOON.plusSeconds(30))) {
            sync(lane);
            MealAttempt second = decide(lane, new DinerSource.Card("04A1B2C7"));
            assertThat(refusal(second)).isEqualTo(RefusalReason.ALREADY_SERVED);
            assertThat(second.history().mealsThisPeriod()).isEqualTo(1);
            assertThat(second.history().spentToday().fen()).isEqualTo(300);
            assertThat(second.diner().orElseThrow().balance().fen()).as("the bank's balance after the DEBIT")
                    .isEqualTo(20_000 - 300);
            assertThat(decide(lane, new DinerSource.Card("04A1B2C3")).served()).as("other diners are not touched")
                    .isTrue();
        }
        try (Terminal dinner = lane(NOON.plus(Duration.ofHours(6)))) {
            assertThat(dinner.canteen().meals().decide(new MealRequest(new DinerSource.Card("04A1B2C7"),
                    MealOrder.ofDishes(List.of(1, 4)))).served()).as("dinner is another period").isTrue();
        }
    }

    @Test
    void bankAccountsAreRefusedOnceTheFeedIsOlderThanTheOfflineTimeLimit() {
        try (Terminal lane = lane(NOON)) {
            sync(lane);
            lane.canteen().rules().setLimit("offline.max-hours", "1", "test");
        }
        try (Terminal later = lane(NOON.plus(Duration.ofMinutes(61)))) {
            MealAttempt attempt = decide(later, new DinerSource.Card("04A1B2C3"));
            assertThat(refusal(attempt)).isEqualTo(RefusalReason.OFFLINE_LIMIT);
            assertThat(((MealDecision.Refused) attempt.decision()).offlineLimit()).contains(OfflineLimit.TIME_OFFLINE);
            assertThat(decide(later, new DinerSource.Card("04D1E2F3A4B501")).served())
                    .as("local diners know no offline limit").isTrue();
        }
    }

    @Test
    void theFeedKeepsEveryBankChangeKindInTheDinersView() {
        try (Terminal lane = lane(NOON)) {
            sync(lane);
            DemoAccount before = bank.accounts().get(1);
            bank.changeAccount(before.accountId(), AccountChangeKind.TOPUP, 500);
            bank.changeAccount(before.accountId(), AccountChangeKind.SUBSIDY, -1000);
            bank.changeAccount(before.accountId(), AccountChangeKind.HOTLIST, 0);
            sync(lane);
            DinerAccount after = lane.canteen().diners().byAccountId(before.accountId()).orElseThrow();
            assertThat(after.balance().fen()).isEqualTo(before.balanceFen() + 500);
            assertThat(after.subsidy().fen()).isEqualTo(before.subsidyFen() - 1000);
            assertThat(after.hotlisted()).isTrue();
        }
    }
}
