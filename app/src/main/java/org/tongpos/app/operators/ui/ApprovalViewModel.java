package org.tongpos.app.operators.ui;

import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.OperatorRules;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.service.ApprovalRefusedException;
import org.tongpos.app.operators.service.SupervisorApproval;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The approval prompt of any screen: an act the operator may not do alone asks an operator who may for their number
 * and PIN, right there. A screen's ViewModel calls {@link #ask}, shows {@link ApprovalDialog} while
 * {@link #request()} is set, and carries on in {@code onGranted} (with the {@link Approval} to hand to its service) or
 * {@code onCancelled}. A wrong PIN keeps the prompt open and says why; the PIN check runs off the FX thread.
 */
public final class ApprovalViewModel {

    private final SupervisorApproval approvals;
    private final TaskRunner tasks;
    private final ZoneId zone;
    private final ObjectProperty<ApprovalRequest> request = new SimpleObjectProperty<>();
    private final StringProperty operatorNumber = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private Session requester;
    private Consumer<Approval> onGranted = approval -> { };
    private Runnable onCancelled = () -> { };

    public ApprovalViewModel(SupervisorApproval approvals, TaskRunner tasks, ZoneId zone) {
        this.approvals = approvals;
        this.tasks = tasks;
        this.zone = zone;
    }

    /**
     * Opens the prompt for {@code request} on behalf of {@code requester}. Exactly one of the callbacks runs later,
     * on the FX thread: {@code onGranted} once an operator with the permission typed their right PIN (the approval is
     * already in the audit log), {@code onCancelled} when the cashier gives up (Esc).
     */
    public void ask(Session requester, ApprovalRequest request, Consumer<Approval> onGranted, Runnable onCancelled) {
        this.requester = requester;
        this.onGranted = onGranted;
        this.onCancelled = onCancelled;
        operatorNumber.set("");
        pin.set("");
        notice.set(null);
        this.request.set(request);
    }

    /** The request being asked for; null while no prompt shows. */
    public ReadOnlyObjectProperty<ApprovalRequest> request() {
        return request;
    }

    public boolean isAsking() {
        return request.get() != null;
    }

    public StringProperty operatorNumber() {
        return operatorNumber;
    }

    public StringProperty pin() {
        return pin;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyBooleanProperty working() {
        return working;
    }

    /** Enter: checks the number and PIN. Returns false (saying why) when nothing was started. */
    public boolean confirm() {
        ApprovalRequest asked = request.get();
        if (asked == null || working.get()) {
            return false;
        }
        String number = operatorNumber.get().strip();
        if (!OperatorRules.isNumber(number)) {
            notice.set(Notice.error("approval.numberNeeded"));
            return false;
        }
        if (pin.get().isEmpty()) {
            notice.set(Notice.error("approval.pinNeeded"));
            return false;
        }
        char[] typed = pin.get().toCharArray();
        pin.set("");
        working.set(true);
        notice.set(Notice.info("approval.checking"));
        tasks.run(() -> {
            try {
                return approvals.approve(requester, asked, number, typed);
            } finally {
                java.util.Arrays.fill(typed, '\0');
            }
        }, approval -> {
            working.set(false);
            Consumer<Approval> granted = onGranted;
            close();
            granted.accept(approval);
        }, failure -> {
            working.set(false);
            notice.set(failure instanceof ApprovalRefusedException refused ? refusal(number, refused)
                    : Notice.error("approval.failed", String.valueOf(failure.getMessage())));
        });
        return true;
    }

    /** Esc: gives up (not while the PIN is being checked). */
    public boolean cancel() {
        if (request.get() == null || working.get()) {
            return false;
        }
        Runnable cancelled = onCancelled;
        close();
        cancelled.run();
        return true;
    }

    /** A scan arrived while the prompt shows: refused, the prompt stays. */
    public void refuseScan() {
        notice.set(Notice.error("approval.scanRefused"));
    }

    private void close() {
        request.set(null);
        operatorNumber.set("");
        pin.set("");
        notice.set(null);
        requester = null;
        onGranted = approval -> { };
        onCancelled = () -> { };
    }

    private Notice refusal(String number, ApprovalRefusedException refused) {
        if (refused.refusal().isPresent()) {
            return OperatorNotices.refused(refused.refusal().get(), number, refused.attemptsLeft(),
                    refused.lockedUntil(), zone);
        }
        if (refused.mustChangePin()) {
            return Notice.error("approval.mustChangePin", number);
        }
        return Notice.error("approval.notAllowed", number,
                new Notice.Key(refused.operator().orElseThrow().role().messageKey()),
                new Notice.Key(request.get().permission().messageKey()));
    }
}
