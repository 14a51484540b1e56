package org.tongpos.app.canteen.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.tongpos.app.canteen.domain.AccountSource;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.canteen.store.LoggedMeal;
import org.tongpos.app.canteen.store.MealJournal;
import org.tongpos.app.canteen.store.MealStore;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.sync.journal.ApiTimes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Serves meals: decides again under the journal's writer lock and records a served meal in one durable step — the
 * MEAL entry (tenders {@code SUBSIDY} and/or {@code ACCOUNT} with the account id as reference, {@code CASH} for a
 * walk-in) through the write-ahead log, the meal row, the QR nonce spent, a local diner charged, a manual
 * identification recorded and audited. When {@link #serve} returns a served meal, it survives a crash; a refused one
 * recorded nothing. Two scans of one diner cannot both pass: the second is decided after the first committed.
 */
public final class MealCommit {

    private final MealService meals;
    private final SaleStore log;
    private final MealJournal journal;
    private final MealStore mealStore;

    /** @param mealStore the meal rows {@code journal} writes, whose running unconfirmed figure this keeps */
    public MealCommit(MealService meals, SaleStore log, MealJournal journal, MealStore mealStore) {
        this.meals = meals;
        this.log = log;
        this.journal = journal;
        this.mealStore = mealStore;
    }

    /**
     * Identifies, decides and, when served, records the meal. Needs {@link Permission#SERVE_MEAL}, and
     * {@link Permission#MANUAL_IDENTIFICATION} for a diner picked by hand.
     */
    public ServedMeal serve(MealRequest request, Session session) {
        return serve(request, session, Optional.empty());
    }

    /**
     * As {@link #serve(MealRequest, Session)}, with a supervisor who approved a diner picked by hand in place
     * ({@link Permission#MANUAL_IDENTIFICATION} is then the approver's; the operator who served is recorded as
     * {@code NO/APPROVER}).
     */
    public ServedMeal serve(MealRequest request, Session session, Optional<Session> approver) {
        session.require(Permission.SERVE_MEAL);
        if (request.source() instanceof DinerSource.Manual) {
            approver.orElse(session).require(Permission.MANUAL_IDENTIFICATION);
        }
        for (int attempt = 0; ; attempt++) {
            AtomicReference<MealAttempt> decided = new AtomicReference<>();
            try {
                Optional<LoggedMeal> recorded = recordKeepingTheUnconfirmedFigure(() -> log.recordLogged(journal, () -> {
                    MealAttempt now = meals.decide(request);
                    decided.set(now);
                    return now.served() ? Optional.of(pending(now, session, approver)) : Optional.empty();
                }));
                return new ServedMeal(decided.get(), recorded.map(LoggedMeal::entry));
            } catch (MealJournal.NonceSpentException e) {
                // spent between the decision and the insert (another process on the same database): decide again,
                // which now refuses the code as replayed
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /**
     * Records a meal and keeps the terminal's running unconfirmed figure with it: a bank meal committed adds its
     * subsidy and balance parts; a failure has the figure summed again from the table on next use.
     */
    private Optional<LoggedMeal> recordKeepingTheUnconfirmedFigure(Supplier<Optional<LoggedMeal>> record) {
        // summed now when it is not known (first meal, or the feed confirmed meals), before the change begins: a sum
        // read during a change is not kept, and the decision inside reads the figure
        mealStore.terminalUnconfirmed();
        mealStore.beginUnconfirmedChange();
        Optional<LoggedMeal> recorded;
        try {
            recorded = record.get();
        } catch (RuntimeException | Error e) {
            mealStore.endUnconfirmedChange(OptionalLong.empty());
            throw e;
        }
        mealStore.endUnconfirmedChange(OptionalLong.of(recorded.filter(m -> "BANK".equals(m.source()))
                .map(m -> m.subsidyFen() + m.balanceFen()).orElse(0L)));
        return recorded;
    }

    private static SaleStore.Pending<LoggedMeal> pending(MealAttempt attempt, Session session,
                                                         Optional<Session> approver) {
        String operator = session.recordedAs() + approver.map(a -> "/" + a.recordedAs()).orElse("");
        MealDecision.Served served = (MealDecision.Served) attempt.decision();
        Optional<DinerAccount> diner = attempt.diner();
        String accountId = diner.map(DinerAccount::accountId).orElse("");
        String guestApproval = attempt.request().source() instanceof DinerSource.Guest g ? g.approvalId().strip() : "";
        String dinerId = guestApproval.isEmpty() ? diner.map(DinerAccount::dinerId).orElse("") : guestApproval;
        String source = diner.map(d -> d.source() == AccountSource.BANK ? "BANK" : "LOCAL").orElse("CASH");
        List<EntryTender> tenders = new ArrayList<>(3);
        if (served.split().subsidy().isPositive()) {
            tenders.add(new EntryTender(TenderMethod.SUBSIDY, served.split().subsidy().fen(), accountId));
        }
        if (served.split().balance().isPositive()) {
            tenders.add(new EntryTender(TenderMethod.ACCOUNT, served.split().balance().fen(), accountId));
        }
        if (served.split().cash().isPositive()) {
            tenders.add(new EntryTender(TenderMethod.CASH, served.split().cash().fen(), ""));
        }
        JournalStore.Draft draft = new JournalStore.Draft(UUID.randomUUID().toString(), EntryKind.MEAL,
                ApiTimes.format(attempt.at().toOffsetDateTime().withNano(0)), served.businessDate().toString(),
                served.price().fen(), tenders, "");
        LoggedMeal.Nonce nonce = attempt.qrCode().map(q -> new LoggedMeal.Nonce(q.keyId(), q.nonce(), q.issuedAt(),
                q.accountId())).orElse(null);
        String reason = attempt.request().source() instanceof DinerSource.Manual m ? m.reason() : "";
        return new SaleStore.Pending<>(draft, entry -> new LoggedMeal(entry, accountId, dinerId, source,
                attempt.request().source().by(), served.period(), served.nth(), served.split().subsidy().fen(),
                served.split().balance().fen(), served.split().cash().fen(), LoggedMeal.rows(served.dishes()), nonce,
                reason, operator, session.operator().map(o -> o.role().name()).orElse(""),
                session.source().name(), guestApproval, served.balanceAfter().map(Money::fen).orElse(null)));
    }
}
