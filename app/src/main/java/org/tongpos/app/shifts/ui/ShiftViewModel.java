package org.tongpos.app.shifts.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.shifts.domain.CashMovement;
import org.tongpos.app.shifts.domain.DrawerCount;
import org.tongpos.app.shifts.domain.Shift;
import org.tongpos.app.shifts.domain.ShiftException;
import org.tongpos.app.shifts.domain.ShiftReport;
import org.tongpos.app.shifts.service.ShiftReports;
import org.tongpos.app.shifts.service.ShiftService;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillPrinter;

/**
 * State and decisions of the shift screens at the till: the opening float when the cashier logs in with no open
 * shift (or pays with none), the shift panel, paid-in and paid-out with a reason (a supervisor approves for a
 * cashier), the X report, and closing the shift (交班) with a blind count by denomination: the cashier enters what is
 * in the drawer before anything says what was expected; over or short beyond the tolerance then asks for a reason,
 * and the Z report shows and prints. The view shows {@link #step()} and forwards keys.
 */
public final class ShiftViewModel {

    /** What the shift screen shows now. */
    public enum Step {
        /** Nothing: the till. */
        NONE,
        /** The shift panel: the open shift and its commands. */
        PANEL,
        /** The opening float. */
        OPEN,
        PAID_IN,
        PAID_OUT,
        /** The blind count by denomination. */
        COUNT,
        /** Over or short beyond the tolerance: why. */
        REASON,
        /** An X or Z report on screen (and sent to the printer). */
        REPORT,
        /** A supervisor approves a paid-in or paid-out. */
        APPROVAL
    }

    private final ShiftService shifts;
    private final ShiftReports reports;
    private final TaskRunner tasks;
    private final Supplier<Session> session;
    private final ApprovalViewModel approvals;
    private final TillPrinter printer;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.NONE);
    private final ObjectProperty<Shift> shift = new SimpleObjectProperty<>();
    private final BooleanProperty known = new SimpleBooleanProperty(false);
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final Map<Long, StringProperty> pieces = new LinkedHashMap<>();
    private final ObjectProperty<Money> counted = new SimpleObjectProperty<>(Money.ZERO);
    private final ObjectProperty<Money> overShort = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObjectProperty<ShiftReport> report = new SimpleObjectProperty<>();
    private final StringProperty reportText = new SimpleStringProperty("");
    private final ObjectProperty<Notice> printed = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private Consumer<Notice> tillNotice = n -> { };
    private DrawerCount count;

    public ShiftViewModel(ShiftService shifts, ShiftReports reports, TaskRunner tasks, Supplier<Session> session,
                          ApprovalViewModel approvals, TillPrinter printer) {
        this.shifts = shifts;
        this.reports = reports;
        this.tasks = tasks;
        this.session = session;
        this.approvals = approvals;
        this.printer = printer;
        for (long fen : DrawerCount.DENOMINATIONS_FEN) {
            StringProperty text = new SimpleStringProperty("");
            text.addListener((obs, old, now) -> recount());
            pieces.put(fen, text);
        }
    }

    /** Where the till's notice line is told what happened ("班次 3 已开班，备用金 200.00"). */
    public void onTillNotice(Consumer<Notice> notices) {
        this.tillNotice = notices;
    }

    public ReadOnlyObjectProperty<Step> step() {
        return step;
    }

    /** The open shift; null when none is open (or not known yet). */
    public ReadOnlyObjectProperty<Shift> shift() {
        return shift;
    }

    /** True once the till knows whether a shift is open. */
    public ReadOnlyBooleanProperty known() {
        return known;
    }

    /** The amount typed: the opening float, a paid-in or a paid-out (yuan). */
    public StringProperty amount() {
        return amount;
    }

    /** Why: a paid-in or paid-out, or the drawer over or short. */
    public StringProperty reason() {
        return reason;
    }

    /** Pieces counted of each denomination (fen → text typed), largest first. */
    public Map<Long, StringProperty> pieces() {
        return pieces;
    }

    /** What the count adds up to so far (the only sum the cashier sees before closing: a blind count). */
    public ReadOnlyObjectProperty<Money> counted() {
        return counted;
    }

    /** Counted minus expected, once the count is in and beyond the tolerance (the reason step); else null. */
    public ReadOnlyObjectProperty<Money> overShort() {
        return overShort;
    }

    public Money tolerance() {
        return shifts.tolerance();
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyObjectProperty<ShiftReport> report() {
        return report;
    }

    /** The report as the printer prints it (text lines). */
    public ReadOnlyStringProperty reportText() {
        return reportText;
    }

    /** Whether the report went to the printer. */
    public ReadOnlyObjectProperty<Notice> printed() {
        return printed;
    }

    public ReadOnlyBooleanProperty working() {
        return working;
    }

    public ApprovalViewModel approvals() {
        return approvals;
    }

    /** Someone logged in: when no shift is open, the screen asks for the opening float. */
    public void loggedIn() {
        tasks.run(shifts::current, open -> {
            shift.set(open.orElse(null));
            known.set(true);
            if (open.isEmpty() && step.get() == Step.NONE) {
                startOpen(Notice.info("shift.open.none"));
            } else if (open.isPresent() && step.get() == Step.OPEN) {
                // asked before the answer came (a payment at once after start): a shift is open after all
                close();
            }
        }, this::failed);
    }

    /**
     * Before a payment: true when a shift is open; otherwise the opening float is asked for (selling needs an open
     * shift) and the payment waits.
     */
    public boolean readyToSell() {
        if (shift.get() != null) {
            return true;
        }
        startOpen(Notice.error("shift.open.needed"));
        return false;
    }

    /** The shift panel (its key, or its button): the open shift and its commands; the float when none is open. */
    public void openPanel() {
        if (shift.get() == null) {
            startOpen(Notice.info("shift.open.none"));
            return;
        }
        notice.set(null);
        step.set(Step.PANEL);
    }

    private void startOpen(Notice why) {
        amount.set("");
        notice.set(why);
        step.set(Step.OPEN);
    }

    public void startPaidIn() {
        startMove(Step.PAID_IN);
    }

    public void startPaidOut() {
        startMove(Step.PAID_OUT);
    }

    private void startMove(Step kind) {
        if (needsShift()) {
            return;
        }
        amount.set("");
        reason.set("");
        notice.set(null);
        step.set(kind);
    }

    /** The X report: shown and printed; the shift stays open. */
    public void xReport() {
        if (needsShift()) {
            return;
        }
        working.set(true);
        tasks.run(() -> shifts.xReport(session.get()), this::showReport, this::failed);
    }

    /** Closing the shift (交班): the blind count first. */
    public void startClose() {
        if (needsShift()) {
            return;
        }
        pieces.values().forEach(p -> p.set(""));
        reason.set("");
        overShort.set(null);
        count = null;
        notice.set(Notice.info("shift.count.blind"));
        step.set(Step.COUNT);
    }

    private boolean needsShift() {
        if (shift.get() == null) {
            startOpen(Notice.info("shift.open.none"));
            return true;
        }
        return false;
    }

    /** Enter: does what the step asks. Returns false (saying why) when nothing was started. */
    public boolean confirm() {
        if (working.get()) {
            return false;
        }
        return switch (step.get()) {
            case OPEN -> confirmOpen();
            case PAID_IN -> confirmMove(CashMovement.Kind.PAID_IN);
            case PAID_OUT -> confirmMove(CashMovement.Kind.PAID_OUT);
            case COUNT -> confirmCount();
            case REASON -> confirmReason();
            case REPORT -> close();
            case APPROVAL -> approvals.confirm();
            case NONE, PANEL -> false;
        };
    }

    /** Esc: back one step (the panel or the till); the approval prompt gives up. */
    public boolean cancel() {
        if (working.get()) {
            return false;
        }
        switch (step.get()) {
            case APPROVAL -> {
                return approvals.cancel();
            }
            case REASON -> step.set(Step.COUNT);
            case PAID_IN, PAID_OUT, COUNT -> step.set(shift.get() == null ? Step.NONE : Step.PANEL);
            case OPEN -> {
                step.set(Step.NONE);
                tillNotice.accept(Notice.error("shift.open.later"));
            }
            case PANEL, REPORT -> step.set(Step.NONE);
            case NONE -> {
                return false;
            }
        }
        notice.set(null);
        return true;
    }

    /** Closes whatever shows, back to the till. */
    public boolean close() {
        step.set(Step.NONE);
        notice.set(null);
        return true;
    }

    private boolean confirmOpen() {
        Optional<Money> openingFloat = parse(amount.get(), true);
        if (openingFloat.isEmpty()) {
            return false;
        }
        working.set(true);
        tasks.run(() -> shifts.open(session.get(), openingFloat.get()), opened -> {
            working.set(false);
            shift.set(opened);
            known.set(true);
            step.set(Step.NONE);
            tillNotice.accept(Notice.info("shift.opened", opened.id(), opened.openingFloat().toYuanString()));
        }, this::failed);
        return true;
    }

    private boolean confirmMove(CashMovement.Kind kind) {
        Optional<Money> money = parse(amount.get(), false);
        if (money.isEmpty()) {
            return false;
        }
        String why = reason.get().strip();
        if (why.isEmpty()) {
            notice.set(Notice.error("shift.error.reasonRequired"));
            return false;
        }
        Session operator = session.get();
        Optional<ApprovalRequest> needed = shifts.approvalNeeded(operator, kind, money.get(), why);
        if (needed.isPresent()) {
            Step back = step.get();
            step.set(Step.APPROVAL);
            approvals.ask(operator, needed.get(), approval -> {
                step.set(back);
                move(operator, kind, money.get(), why, Optional.of(approval));
            }, () -> {
                    step.set(back);
                    notice.set(Notice.info("shift.move.notApproved"));
                });
            return true;
        }
        move(operator, kind, money.get(), why, Optional.empty());
        return true;
    }

    private void move(Session operator, CashMovement.Kind kind, Money money, String why,
                      Optional<Approval> approval) {
        working.set(true);
        tasks.run(() -> shifts.move(operator, kind, money, why, approval), done -> {
            working.set(false);
            step.set(Step.NONE);
            tillNotice.accept(kind == CashMovement.Kind.PAID_IN
                    ? Notice.info("shift.moved.PAID_IN", done.amount().toYuanString(), done.reason())
                    : Notice.info("shift.moved.PAID_OUT", done.amount().toYuanString(), done.reason()));
        }, this::failed);
    }

    private boolean confirmCount() {
        Map<Long, Long> byFen = new LinkedHashMap<>();
        for (Map.Entry<Long, StringProperty> entry : pieces.entrySet()) {
            String text = entry.getValue().get().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.matches("\\d{1,6}")) {
                notice.set(Notice.error("shift.count.invalid", Money.ofFen(entry.getKey()).toYuanString(), text));
                return false;
            }
            byFen.put(entry.getKey(), Long.parseLong(text));
        }
        count = DrawerCount.ofPieces(byFen);
        closeShift("");
        return true;
    }

    private boolean confirmReason() {
        String why = reason.get().strip();
        if (why.isEmpty()) {
            notice.set(Notice.error("shift.reason.needed"));
            return false;
        }
        closeShift(why);
        return true;
    }

    private void closeShift(String why) {
        working.set(true);
        DrawerCount drawer = count;
        tasks.run(() -> shifts.close(session.get(), drawer, why), closed -> {
            shift.set(null);
            showReport(closed);
            tillNotice.accept(Notice.info("shift.closed", closed.shift().id()));
        }, failure -> {
            working.set(false);
            if (failure instanceof ShiftException refused
                    && refused.reason() == ShiftException.Reason.OVER_SHORT_REASON_REQUIRED) {
                overShort.set(Money.parseYuan(String.valueOf(refused.args()[0])));
                reason.set("");
                notice.set(Notice.error("shift.error.overShortReason", refused.args()));
                step.set(Step.REASON);
                return;
            }
            failed(failure);
        });
    }

    private void showReport(ShiftReport shown) {
        working.set(false);
        report.set(shown);
        reportText.set(reports.text(shown, printer.paper()));
        String job = shown.kind() == ShiftReport.Kind.Z ? "Z-" + shown.shift().id()
                : "X-" + shown.shift().id() + "-" + shown.printedAt();
        boolean queued = printer.print(job, "shift report " + job, paper -> reports.encode(shown, paper), false);
        printed.set(queued ? Notice.info("shift.report.printing") : Notice.error("shift.report.noPrinter"));
        notice.set(null);
        step.set(Step.REPORT);
    }

    /** Yuan typed; false with the reason shown when it is not an amount ({@code zeroAllowed}: a float may be 0). */
    private Optional<Money> parse(String text, boolean zeroAllowed) {
        String typed = text.strip();
        if (typed.isEmpty() && zeroAllowed) {
            typed = "0";
        }
        try {
            if (typed.matches("\\d{1,7}(\\.\\d{1,2})?")) {
                Money money = Money.parseYuan(typed);
                if (money.isPositive() || zeroAllowed) {
                    return Optional.of(money);
                }
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // said below
        }
        notice.set(Notice.error("shift.amount.invalid", text.strip()));
        return Optional.empty();
    }

    private void recount() {
        long fen = 0;
        for (Map.Entry<Long, StringProperty> entry : pieces.entrySet()) {
            String text = entry.getValue().get() == null ? "" : entry.getValue().get().strip();
            if (text.matches("\\d{1,6}")) {
                fen += entry.getKey() * Long.parseLong(text);
            }
        }
        counted.set(Money.ofFen(fen));
    }

    private void failed(Exception failure) {
        working.set(false);
        if (failure instanceof ShiftException refused) {
            notice.set(Notice.error(refused.key(), refused.args()));
        } else if (failure instanceof AccessDeniedException denied) {
            notice.set(OperatorNotices.denied(denied));
        } else {
            notice.set(Notice.error("shift.failed", String.valueOf(failure.getMessage())));
        }
    }
}
