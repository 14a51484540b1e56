package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.OptionalLong;
import java.util.UUID;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.service.AuditLog;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Meal refunds as a kind of record of the terminal's write-ahead log: with the MEAL_REFUND entry, in its transaction,
 * the meal marked refunded (once: a second refund of the same meal fails and records nothing), a local diner's parts
 * given back, and the audit record.
 */
public final class MealRefundJournal implements SaleStore.LoggedKind<LoggedMealRefund> {

    public static final String TAG = "meal_refund";

    /** The meal was refunded by another refund since this one was prepared: nothing is recorded. */
    public static final class AlreadyRefundedException extends RuntimeException {
        public AlreadyRefundedException(String txnId) {
            super("meal " + txnId + " is refunded already");
        }
    }

    private final MealStore meals;
    private final LocalDinerStore localDiners;
    private final AuditLog audit;

    public MealRefundJournal(MealStore meals, LocalDinerStore localDiners, AuditLog audit) {
        this.meals = meals;
        this.localDiners = localDiners;
        this.audit = audit;
    }

    @Override
    public String tag() {
        return TAG;
    }

    @Override
    public Class<LoggedMealRefund> type() {
        return LoggedMealRefund.class;
    }

    @Override
    public JournalEntry entry(LoggedMealRefund record) {
        return record.entry();
    }

    @Override
    public void insertRows(Connection c, LoggedMealRefund refund, boolean replay) throws SQLException {
        String original = refund.entry().originalTxnId();
        if (!meals.markRefunded(c, UUID.fromString(original)) && !replay) {
            throw new AlreadyRefundedException(original);
        }
        OffsetDateTime at = OffsetDateTime.parse(refund.entry().occurredAt());
        if ("LOCAL".equals(refund.source())) {
            localDiners.charge(c, refund.accountId(), Money.ofFen(-refund.subsidyFen()),
                    Money.ofFen(-refund.balanceFen()), at);
        }
        audit.append(c, new AuditEntry(refund.sessionSource(), refund.operator(), refund.operatorRole(),
                refund.approver(), AuditAction.MEAL_REFUND, original,
                "refund " + refund.entry().txnId() + " (seq " + refund.entry().seq() + ") of account "
                        + refund.accountId() + ": subsidy " + Money.ofFen(refund.subsidyFen()).toYuanString()
                        + ", balance " + Money.ofFen(refund.balanceFen()).toYuanString() + ", cash "
                        + Money.ofFen(refund.cashFen()).toYuanString() + "; reason: " + refund.reason(),
                OptionalLong.of(refund.entry().amountFen())));
    }
}
