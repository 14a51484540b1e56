package org.tongpos.app.canteen.service;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.GuestApproval;
import org.tongpos.app.canteen.store.GuestApprovalStore;
import org.tongpos.app.canteen.store.MealStore;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;

/**
 * Guest meal approvals (零接待): a manager enters one (who approves, why, how many, which day, until when, who pays);
 * guest meals are served against it ({@code MealRequest} with {@code DinerSource.Guest}) and name it; the list and a
 * CSV export are for the discipline-inspection office.
 */
public final class GuestMeals {

    private final GuestApprovalStore store;
    private final MealStore meals;
    private final DinerDirectory diners;
    private final Clock clock;

    public GuestMeals(GuestApprovalStore store, MealStore meals, DinerDirectory diners, Clock clock) {
        this.store = store;
        this.meals = meals;
        this.diners = diners;
        this.clock = clock;
    }

    /** An approval and how many meals were served against it. */
    public record Use(GuestApproval approval, int served) {
    }

    /**
     * Enters an approval. The approving session must hold {@link Permission#APPROVE_GUEST_MEALS} (a manager) and is
     * recorded as the approver. {@code payerAccount} empty: the guests pay cash.
     */
    public GuestApproval approve(Session approver, String reason, int headCount, LocalDate mealDate,
                                 OffsetDateTime expiresAt, Optional<String> payerAccount) {
        approver.require(Permission.APPROVE_GUEST_MEALS);
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw RuleProblem.of("guest.badReason");
        }
        if (headCount < 1 || headCount > GuestApproval.MAX_HEADS) {
            throw RuleProblem.of("guest.badHeads", GuestApproval.MAX_HEADS);
        }
        if (!expiresAt.isAfter(OffsetDateTime.now(clock))) {
            throw RuleProblem.of("guest.expired");
        }
        if (payerAccount.isPresent()) {
            Optional<DinerAccount> payer = diners.byAccountId(payerAccount.get());
            if (payer.isEmpty()) {
                throw RuleProblem.of("diner.unknown", payerAccount.get());
            }
        }
        return store.add(approver.recordedAs(), reason.strip(), headCount, mealDate, expiresAt, payerAccount,
                OffsetDateTime.now(clock).withNano(0));
    }

    /** Every approval with its use, oldest first. Reading only: an auditor may. */
    public List<Use> list(Session reader) {
        reader.require(Permission.READ_REPORTS);
        return store.all().stream().map(a -> new Use(a, meals.guestMeals(a.id()))).toList();
    }

    /**
     * The approvals as CSV (UTF-8, LF, RFC 4180 quoting where needed) for the inspection office: {@code approval_id,
     * approved_by,reason,head_count,meal_date,expires_at,payer,served,created_at}; payer {@code CASH} for cash.
     */
    public void exportCsv(Session reader, Writer out) throws IOException {
        out.write("approval_id,approved_by,reason,head_count,meal_date,expires_at,payer,served,created_at\n");
        for (Use use : list(reader)) {
            GuestApproval a = use.approval();
            out.write(String.join(",", a.id(), csv(a.approvedBy()), csv(a.reason()), Integer.toString(a.headCount()),
                    a.mealDate().toString(), a.expiresAt().toString(), csv(a.payerAccount().orElse("CASH")),
                    Integer.toString(use.served()), a.createdAt().toString()) + "\n");
        }
    }

    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
