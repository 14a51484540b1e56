package org.tongpos.app.shifts.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.service.AuditLog;
import org.tongpos.app.operators.store.AuditStore;
import org.tongpos.app.shifts.domain.CashMovement;
import org.tongpos.app.shifts.domain.DrawerCount;
import org.tongpos.app.shifts.domain.Shift;
import org.tongpos.app.shifts.domain.ShiftException;
import org.tongpos.app.shifts.domain.ShiftFigures;
import org.tongpos.app.shifts.domain.ShiftReport;
import org.tongpos.app.shifts.store.ShiftStore;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.sync.journal.ApiTimes;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Shifts (交班) and the drawer: open with a float, paid-in and paid-out with reasons, the X report at any time and
 * the Z report that closes the shift with the drawer's count. Every act is committed, forced to disk and audited
 * before it returns. The sales and refunds of a shift are the journal's entries after the seq it opened at, so that
 * the report always agrees with the journal. See docs/till.md.
 */
public final class ShiftService {

    /** Discounts by promotion name of the journal entries {@code (afterSeq, lastSeq]}. */
    @FunctionalInterface
    public interface DiscountSource {
        Map<String, Money> between(long afterSeq, long lastSeq);

        DiscountSource NONE = (after, last) -> Map.of();
    }

    private final ShiftStore store;
    private final JournalStore journal;
    private final AuditLog audit;
    private final AuditStore auditRecords;
    private final DurableTransaction durable;
    private final Clock clock;
    private final Supplier<Money> tolerance;
    private final DiscountSource discounts;

    public ShiftService(ShiftStore store, JournalStore journal, AuditLog audit, AuditStore auditRecords,
                        DurableTransaction durable, Clock clock, Supplier<Money> tolerance,
                        DiscountSource discounts) {
        this.store = store;
        this.journal = journal;
        this.audit = audit;
        this.auditRecords = auditRecords;
        this.durable = durable;
        this.clock = clock;
        this.tolerance = tolerance;
        this.discounts = discounts;
    }

    /** The open shift, if any. */
    public Optional<Shift> current() {
        return store.open();
    }

    /** Over or short by more than this needs a reason ({@code shift.over-short-tolerance}). */
    public Money tolerance() {
        return tolerance.get();
    }

    /**
     * Opens a shift with {@code openingFloat} in the drawer.
     *
     * @throws ShiftException ALREADY_OPEN when one is open, BAD_AMOUNT for a negative float
     */
    public synchronized Shift open(Session session, Money openingFloat) {
        return open(session, openingFloat, "");
    }

    /**
     * The open shift, or a new one with a zero float when none is open: what the command line's scripted sales and
     * refunds use, so that automation keeps working. The window asks the cashier instead.
     */
    public synchronized Shift ensureOpen(Session session) {
        Optional<Shift> open = store.open();
        return open.isPresent() ? open.get() : open(session, Money.ZERO, "automatic");
    }

    private Shift open(Session session, Money openingFloat, String detail) {
        session.require(Permission.OPEN_CLOSE_SHIFT);
        if (openingFloat.isNegative()) {
            throw new ShiftException(ShiftException.Reason.BAD_AMOUNT, openingFloat.toYuanString());
        }
        return durable.run(c -> {
            if (store.open(c).isPresent()) {
                throw new ShiftException(ShiftException.Reason.ALREADY_OPEN);
            }
            Shift shift = store.insertOpen(c, now(), session.recordedAs(), openingFloat, journal.head(c).seq());
            audit.append(c, AuditEntry.by(session, AuditAction.SHIFT_OPENED).subject("shift " + shift.id())
                    .amount(openingFloat).detail(detail));
            return shift;
        });
    }

    /** Cash put into the drawer, with its reason. */
    public synchronized CashMovement paidIn(Session session, Money amount, String reason) {
        return move(session, CashMovement.Kind.PAID_IN, amount, reason);
    }

    /**
     * Cash taken out of the drawer, with its reason.
     *
     * @throws ShiftException NOT_ENOUGH_CASH when it is more than the drawer should hold
     */
    public synchronized CashMovement paidOut(Session session, Money amount, String reason) {
        return move(session, CashMovement.Kind.PAID_OUT, amount, reason);
    }

    /**
     * The approval a paid-in or paid-out needs from {@code session} (one who may not move cash alone: a cashier),
     * if any: a supervisor approves exactly this movement (kind, reason, amount) there and then.
     */
    public Optional<ApprovalRequest> approvalNeeded(Session session, CashMovement.Kind kind, Money amount,
                                                    String reason) {
        return session.may(Permission.PAID_IN_OUT) ? Optional.empty() : Optional.of(movementRequest(kind, amount,
                reason));
    }

    /** A paid-in or paid-out, approved by a supervisor when the session may not do it alone (the window's way). */
    public synchronized CashMovement move(Session session, CashMovement.Kind kind, Money amount, String reason,
                                          Optional<Approval> approval) {
        if (!session.may(Permission.PAID_IN_OUT)) {
            ApprovalRequest request = movementRequest(kind, amount, reason);
            if (approval.isEmpty() || !approval.get().approves(request)) {
                throw new AccessDeniedException(session.operator().orElseThrow(), Permission.PAID_IN_OUT);
            }
            return move(session, kind, amount, reason, approval.get().approver().number());
        }
        return move(session, kind, amount, reason, "");
    }

    private static ApprovalRequest movementRequest(CashMovement.Kind kind, Money amount, String reason) {
        return ApprovalRequest.of(Permission.PAID_IN_OUT, kind == CashMovement.Kind.PAID_IN ? AuditAction.PAID_IN
                : AuditAction.PAID_OUT, reason == null ? "" : reason.strip(), amount, "");
    }

    private CashMovement move(Session session, CashMovement.Kind kind, Money amount, String reason) {
        session.require(Permission.PAID_IN_OUT);
        return move(session, kind, amount, reason, "");
    }

    private CashMovement move(Session session, CashMovement.Kind kind, Money amount, String reason, String approver) {
        session.require(Permission.OPEN_CLOSE_SHIFT);
        if (!amount.isPositive()) {
            throw new ShiftException(ShiftException.Reason.BAD_AMOUNT, amount.toYuanString());
        }
        if (reason == null || reason.isBlank()) {
            throw new ShiftException(ShiftException.Reason.REASON_REQUIRED);
        }
        Shift shift = store.open().orElseThrow(() -> new ShiftException(ShiftException.Reason.NO_OPEN_SHIFT));
        if (kind == CashMovement.Kind.PAID_OUT) {
            Money expected = figures(shift, journal.lastSeq()).expectedCash();
            if (expected.isLessThan(amount)) {
                throw new ShiftException(ShiftException.Reason.NOT_ENOUGH_CASH, amount.toYuanString(),
                        expected.toYuanString());
            }
        }
        CashMovement movement = new CashMovement(kind, amount, reason.strip(), now(), session.recordedAs());
        durable.run(c -> {
            store.insertMovement(c, shift.id(), movement);
            AuditEntry entry = AuditEntry.by(session, kind == CashMovement.Kind.PAID_IN ? AuditAction.PAID_IN
                    : AuditAction.PAID_OUT).subject("shift " + shift.id()).amount(amount).detail(movement.reason());
            audit.append(c, approver.isEmpty() ? entry : entry.approvedBy(approver));
            return null;
        });
        return movement;
    }

    /** The X report of the open shift: what it holds so far; nothing changes. */
    public ShiftReport xReport(Session session) {
        session.require(Permission.OPEN_CLOSE_SHIFT);
        Shift shift = store.open().orElseThrow(() -> new ShiftException(ShiftException.Reason.NO_OPEN_SHIFT));
        return report(ShiftReport.Kind.X, shift, journal.lastSeq(), session, Optional.empty(), "");
    }

    /**
     * What the drawer should hold now. The window shows it only after the blind count has been entered.
     */
    public Money expectedCash() {
        Shift shift = store.open().orElseThrow(() -> new ShiftException(ShiftException.Reason.NO_OPEN_SHIFT));
        return figures(shift, journal.lastSeq()).expectedCash();
    }

    /**
     * Closes the open shift with the drawer's count and returns its Z report.
     *
     * @param reason why the drawer is over or short; required when the difference is above the tolerance
     * @throws ShiftException NO_OPEN_SHIFT, or OVER_SHORT_REASON_REQUIRED (nothing is closed then)
     */
    public synchronized ShiftReport close(Session session, DrawerCount count, String reason) {
        session.require(Permission.OPEN_CLOSE_SHIFT);
        String why = reason == null ? "" : reason.strip();
        return durable.run(c -> {
            Shift shift = store.open(c).orElseThrow(() -> new ShiftException(ShiftException.Reason.NO_OPEN_SHIFT));
            long lastSeq = journal.head(c).seq();
            ShiftFigures figures = figures(shift, lastSeq);
            Money difference = count.total().minus(figures.expectedCash());
            Money magnitude = difference.isNegative() ? difference.negate() : difference;
            Money allowed = tolerance.get();
            if (allowed.isLessThan(magnitude) && why.isEmpty()) {
                throw new ShiftException(ShiftException.Reason.OVER_SHORT_REASON_REQUIRED, difference.toYuanString(),
                        allowed.toYuanString());
            }
            String closedAt = now();
            store.close(c, shift.id(), new ShiftStore.Closing(closedAt, session.recordedAs(), lastSeq,
                    figures.expectedCash(), count.total(), count.describe(), why));
            audit.append(c, AuditEntry.by(session, AuditAction.SHIFT_CLOSED).subject("shift " + shift.id())
                    .amount(count.total()).detail("expected " + figures.expectedCash().toYuanString() + ", counted "
                            + count.describe() + (why.isEmpty() ? "" : ", " + why)));
            Shift closed = new Shift(shift.id(), shift.openedAt(), shift.openedBy(), shift.openingFloat(),
                    shift.afterSeq(), Optional.of(closedAt), Optional.of(session.recordedAs()), Optional.of(lastSeq));
            return report(ShiftReport.Kind.Z, closed, lastSeq, session, Optional.of(count), why);
        });
    }

    private ShiftReport report(ShiftReport.Kind kind, Shift shift, long lastSeq, Session session,
                               Optional<DrawerCount> count, String reason) {
        return new ShiftReport(kind, shift, now(), session.recordedAs(), figures(shift, lastSeq),
                store.movements(shift.id()), voids(shift), discounts.between(shift.afterSeq(), lastSeq), count, reason);
    }

    private ShiftFigures figures(Shift shift, long lastSeq) {
        List<JournalEntry> entries = new ArrayList<>();
        long count = Math.max(0, lastSeq - shift.afterSeq());
        if (count > 0) {
            journal.forEach(shift.afterSeq() + 1, count, entries::add);
        }
        return ShiftFigures.of(shift.openingFloat(), entries, store.movements(shift.id()));
    }

    private ShiftReport.VoidSummary voids(Shift shift) {
        String to = shift.closedAt().map(t -> t + "\uffff").orElse("\uffff");
        int lines = 0;
        int sales = 0;
        long fen = 0;
        for (AuditRecord record : auditRecords.between(shift.openedAt(), to)) {
            if (record.action() == AuditAction.VOID_LINE) {
                lines++;
            } else if (record.action() == AuditAction.VOID_SALE) {
                sales++;
            } else {
                continue;
            }
            fen += record.amountFen().orElse(0);
        }
        return new ShiftReport.VoidSummary(lines, sales, Money.ofFen(fen));
    }

    private String now() {
        return ApiTimes.format(OffsetDateTime.now(clock).withNano(0));
    }

}
