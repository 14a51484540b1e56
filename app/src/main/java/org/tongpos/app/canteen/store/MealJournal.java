package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.OptionalLong;
import java.util.UUID;
import org.tongpos.app.canteen.domain.DinerQrCode;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.service.AuditLog;
import org.tongpos.sync.journal.JournalEntry;

/**
 * The canteen's meals as a kind of record of the terminal's write-ahead log ({@link SaleStore.LoggedKind}): with the
 * MEAL entry, in its transaction, the meal row, the QR nonce spent, a local diner's subsidy and balance charged, a
 * manual identification recorded (and audited through {@link ManualAudit}). Replay after a crash writes the same.
 */
public final class MealJournal implements SaleStore.LoggedKind<LoggedMeal> {

    public static final String TAG = "meal";

    /** Audits a manual identification inside the meal's transaction (the composition root plugs the audit log in). */
    @FunctionalInterface
    public interface ManualAudit {
        void manualIdentification(Connection c, LoggedMeal meal) throws SQLException;

        ManualAudit NONE = (c, meal) -> { };

        /** Into the terminal's audit log, in the meal's transaction: who, which diner, why, which meal. */
        static ManualAudit into(AuditLog log) {
            return (c, meal) -> log.append(c, new AuditEntry(meal.sessionSource(), meal.operator(),
                    meal.operatorRole(), "", AuditAction.MANUAL_IDENTIFICATION, meal.dinerId(),
                    "account " + meal.accountId() + ", meal " + meal.entry().txnId() + " (seq " + meal.entry().seq()
                            + "), reason: " + meal.manualReason(), OptionalLong.of(meal.entry().amountFen())));
        }
    }

    /** The code's nonce was spent by another meal since this one was decided: nothing is recorded. */
    public static final class NonceSpentException extends RuntimeException {
        public NonceSpentException() {
            super("the QR code's nonce is spent");
        }
    }

    private final MealStore meals;
    private final QrNonceStore nonces;
    private final LocalDinerStore localDiners;
    private final ManualIdentificationStore manual;
    private final ManualAudit audit;

    public MealJournal(MealStore meals, QrNonceStore nonces, LocalDinerStore localDiners,
                       ManualIdentificationStore manual, ManualAudit audit) {
        this.meals = meals;
        this.nonces = nonces;
        this.localDiners = localDiners;
        this.manual = manual;
        this.audit = audit;
    }

    @Override
    public String tag() {
        return TAG;
    }

    @Override
    public Class<LoggedMeal> type() {
        return LoggedMeal.class;
    }

    @Override
    public JournalEntry entry(LoggedMeal record) {
        return record.entry();
    }

    @Override
    public void insertRows(Connection c, LoggedMeal meal, boolean replay) throws SQLException {
        MealRecord row = meal.meal();
        OffsetDateTime at = row.occurredAt();
        meals.insert(c, row);
        if (!meal.guestApproval().isEmpty()) {
            meals.setGuestApproval(c, row.txnId(), meal.guestApproval());
        }
        if (meal.qr() != null) {
            LoggedMeal.Nonce n = meal.qr();
            DinerQrCode code = new DinerQrCode(n.keyId(), meal.dinerId(), n.accountId(), n.issuedAt(), n.nonce(),
                    new byte[0], new byte[0]);
            if (!nonces.spend(c, code, at.toInstant()) && !replay) {
                throw new NonceSpentException();
            }
        }
        if ("LOCAL".equals(meal.source())) {
            localDiners.charge(c, meal.accountId(), row.split().subsidy(), row.split().balance(), at);
        }
        if (!meal.manualReason().isEmpty()) {
            manual.insert(c, UUID.fromString(meal.entry().txnId()), meal.accountId(), meal.dinerId(),
                    meal.manualReason(), meal.operator(), at);
            audit.manualIdentification(c, meal);
        }
    }

}
