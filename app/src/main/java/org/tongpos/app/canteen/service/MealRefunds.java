package org.tongpos.app.canteen.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.tongpos.app.canteen.store.LoggedMealRefund;
import org.tongpos.app.canteen.store.MealRefundJournal;
import org.tongpos.app.canteen.store.MealStore;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.sync.journal.ApiTimes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Refunds a meal served on this terminal: one MEAL_REFUND entry naming the meal, returning exactly its parts (subsidy,
 * balance, cash) to where they came from, recorded durably with the meal marked refunded, a local diner credited and
 * the audit record. A meal is refunded once, whole: a refund never exceeds the meal. Needs {@link Permission#REFUND}
 * (a supervisor), held by the acting session or by the supervisor who approved it in place.
 */
public final class MealRefunds {

    private final MealStore meals;
    private final SaleStore log;
    private final MealRefundJournal journal;
    private final Clock clock;

    public MealRefunds(MealStore meals, SaleStore log, MealRefundJournal journal, Clock clock) {
        this.meals = meals;
        this.log = log;
        this.journal = journal;
        this.clock = clock;
    }

    /** A refund recorded: its entry and the parts returned. */
    public record Refund(JournalEntry entry, Money subsidy, Money balance, Money cash) {
    }

    /**
     * Refunds the meal {@code txnId} whole. Throws {@link RuleProblem} {@code meal.refund.unknown} (not a meal of this
     * terminal), {@code meal.refund.already}, {@code meal.refund.reasonRequired}; nothing is recorded then.
     *
     * @param approver the supervisor who approved the act in place, when the acting session may not refund itself
     */
    public Refund refund(String txnId, String reason, Session by, Optional<Session> approver) {
        if (approver.isPresent()) {
            // approved in place: the one acting works the line (an auditor changes nothing, approved or not)
            by.require(Permission.SERVE_MEAL);
        }
        approver.orElse(by).require(Permission.REFUND);
        if (reason == null || reason.isBlank()) {
            throw RuleProblem.of("meal.refund.reasonRequired");
        }
        UUID id;
        try {
            id = UUID.fromString(txnId.strip());
        } catch (IllegalArgumentException e) {
            throw RuleProblem.of("meal.refund.unknown", txnId);
        }
        AtomicReference<MealStore.Served> refunded = new AtomicReference<>();
        try {
            LoggedMealRefund done = log.recordLogged(journal, () -> {
                MealStore.Served meal = meals.find(id).orElseThrow(() -> RuleProblem.of("meal.refund.unknown", txnId));
                if (meal.refunded()) {
                    throw RuleProblem.of("meal.refund.already", txnId);
                }
                refunded.set(meal);
                return Optional.of(pending(meal, reason.strip(), by, approver));
            }).orElseThrow();
            MealStore.Served meal = refunded.get();
            return new Refund(done.entry(), meal.subsidy(), meal.balance(), meal.cash());
        } catch (MealRefundJournal.AlreadyRefundedException e) {
            throw RuleProblem.of("meal.refund.already", txnId);
        }
    }

    private SaleStore.Pending<LoggedMealRefund> pending(MealStore.Served meal, String reason, Session by,
                                                        Optional<Session> approver) {
        List<EntryTender> tenders = new ArrayList<>(3);
        if (meal.subsidy().isPositive()) {
            tenders.add(new EntryTender(TenderMethod.SUBSIDY, meal.subsidy().fen(), meal.accountId()));
        }
        if (meal.balance().isPositive()) {
            tenders.add(new EntryTender(TenderMethod.ACCOUNT, meal.balance().fen(), meal.accountId()));
        }
        if (meal.cash().isPositive()) {
            tenders.add(new EntryTender(TenderMethod.CASH, meal.cash().fen(), ""));
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        JournalStore.Draft draft = new JournalStore.Draft(UUID.randomUUID().toString(), EntryKind.MEAL_REFUND,
                ApiTimes.format(now), now.toLocalDate().toString(), meal.amount().fen(), tenders,
                meal.txnId().toString());
        return new SaleStore.Pending<>(draft, entry -> new LoggedMealRefund(entry, meal.accountId(), meal.dinerId(),
                meal.source(), meal.subsidy().fen(), meal.balance().fen(), meal.cash().fen(), reason,
                by.recordedAs(), by.operator().map(o -> o.role().name()).orElse(""), by.source().name(),
                approver.map(Session::recordedAs).orElse("")));
    }
}
