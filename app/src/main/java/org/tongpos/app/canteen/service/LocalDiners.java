package org.tongpos.app.canteen.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.canteen.domain.AccountSource;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.store.LocalDinerStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;

/**
 * Diners managed on this terminal, for a canteen without the bank's accounts feed: import from CSV (all or nothing),
 * top-ups of the personal balance and canteen subsidies. Each money movement is one ledger line written with the new
 * balance in one transaction forced to disk. They are not journal entries: the Settlement API's journal knows SALE,
 * REFUND, MEAL and MEAL_REFUND only, and a top-up is none of these (see docs/canteen.md).
 */
public final class LocalDiners {

    /** The most one top-up or subsidy may move, so that a typo of a few zeros is caught. */
    public static final Money MAX_MOVEMENT = Money.ofFen(1_000_000);

    private final LocalDinerStore store;
    private final DinerDirectory directory;
    private final DinerCsvReader reader = new DinerCsvReader();
    private final Clock clock;

    public LocalDiners(LocalDinerStore store, DinerDirectory directory, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    /** What an import did: imported (added, updated), or refused with every problem found and nothing changed. */
    public record ImportOutcome(int added, int updated, List<DinerCsvReader.Problem> problems) {
        public boolean imported() {
            return problems.isEmpty();
        }
    }

    public ImportOutcome importCsv(InputStream in) throws IOException {
        return importCsv(in, Session.commandLine(Session.SYSTEM, clock.instant()));
    }

    /** As the other importCsv, by a session holding {@link Permission#MANAGE_DINERS}. */
    public ImportOutcome importCsv(InputStream in, Session by) throws IOException {
        by.require(Permission.MANAGE_DINERS);
        DinerCsvReader.Result read = reader.read(in);
        if (!read.problems().isEmpty()) {
            return new ImportOutcome(0, 0, read.problems());
        }
        try {
            LocalDinerStore.ImportCount count = store.importAll(read.diners(), OffsetDateTime.now(clock));
            return new ImportOutcome(count.added(), count.updated(), List.of());
        } catch (LocalDinerStore.TakenException e) {
            long line = read.lineOf(e.dinerId());
            DinerCsvReader.Reason reason = e.field().equals("card_uid")
                    ? DinerCsvReader.Reason.of("diner.csv.cardTaken", e.value(), e.owner())
                    : DinerCsvReader.Reason.of("diner.csv.staffNoTaken", e.value(), e.owner());
            return new ImportOutcome(0, 0, List.of(new DinerCsvReader.Problem(line, List.of(reason))));
        }
    }

    /** As the other topUp, by the command line (an administrator's tool) recorded as {@code operator}. */
    public LocalDinerStore.LedgerEntry topUp(String dinerId, Money amount, String operator, String note) {
        return topUp(dinerId, amount, Session.commandLine(operator, clock.instant()), note);
    }

    /** Adds money to a local diner's personal balance. Needs {@link Permission#MANAGE_DINERS}. */
    public LocalDinerStore.LedgerEntry topUp(String dinerId, Money amount, Session by, String note) {
        by.require(Permission.MANAGE_DINERS);
        String operator = by.recordedAs();
        if (!amount.isPositive() || MAX_MOVEMENT.isLessThan(amount)) {
            throw RuleProblem.of("diner.money.badTopUp", MAX_MOVEMENT.toYuanString());
        }
        return store.adjust(localAccount(dinerId).accountId(), LocalDinerStore.LedgerKind.TOPUP, amount, operator,
                note, OffsetDateTime.now(clock));
    }

    /**
     * Moves a local diner's canteen subsidy: a grant (positive), or a withdrawal of an expired subsidy (negative, never
     * below zero).
     */
    public LocalDinerStore.LedgerEntry subsidy(String dinerId, Money amount, String operator, String note) {
        return subsidy(dinerId, amount, Session.commandLine(operator, clock.instant()), note);
    }

    /** As the other subsidy, by a session holding {@link Permission#MANAGE_DINERS}. */
    public LocalDinerStore.LedgerEntry subsidy(String dinerId, Money amount, Session by, String note) {
        by.require(Permission.MANAGE_DINERS);
        String operator = by.recordedAs();
        if (amount.isZero() || MAX_MOVEMENT.isLessThan(amount) || MAX_MOVEMENT.isLessThan(amount.negate())) {
            throw RuleProblem.of("diner.money.badSubsidy", MAX_MOVEMENT.toYuanString());
        }
        DinerAccount account = localAccount(dinerId);
        if (account.subsidy().plus(amount).isNegative()) {
            throw RuleProblem.of("diner.money.subsidyBelowZero", account.subsidy().toYuanString());
        }
        return store.adjust(account.accountId(), LocalDinerStore.LedgerKind.SUBSIDY, amount, operator, note,
                OffsetDateTime.now(clock));
    }

    /** Reports a local diner's card lost ({@code true}: meals refused) or found again. */
    public void hotlist(String dinerId, boolean lost) {
        hotlist(dinerId, lost, Session.commandLine(Session.SYSTEM, clock.instant()));
    }

    /** As the other hotlist, by a session holding {@link Permission#MANAGE_DINERS}. */
    public void hotlist(String dinerId, boolean lost, Session by) {
        by.require(Permission.MANAGE_DINERS);
        store.setHotlisted(localAccount(dinerId).accountId(), lost, OffsetDateTime.now(clock));
    }

    public List<LocalDinerStore.LedgerEntry> ledger(String dinerId) {
        return store.ledger(localAccount(dinerId).accountId());
    }

    private DinerAccount localAccount(String dinerId) {
        Optional<DinerAccount> diner = directory.byDinerIdOrStaffNo(dinerId);
        if (diner.isEmpty()) {
            throw RuleProblem.of("diner.unknown", dinerId);
        }
        if (diner.get().source() != AccountSource.LOCAL) {
            throw RuleProblem.of("diner.money.bankAccount", dinerId);
        }
        return diner.get();
    }
}
