package org.tongpos.app.bank.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tongpos.app.bank.service.BankConnection;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.sync.batch.RoundOutcome;
import org.tongpos.sync.batch.SealedBatch;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.client.PlainHttpRefusedException;

/**
 * The status bar's small bank indicator: offline, unreachable with N pending, N pending, up to date, or error. What
 * the cashier should hear about at once is also told to the alert listeners: the bank out of reach, reachable again,
 * a batch newly quarantined.
 */
public final class BankIndicatorViewModel {

    /** What the indicator shows. */
    public enum State {
        /** Not configured: the terminal runs offline by choice. */
        OFFLINE,
        /** Configured, but the last round could not reach the bank. */
        UNREACHABLE,
        PENDING,
        UP_TO_DATE,
        /** A person must act: the key or clock is refused, or a batch is quarantined. */
        ERROR
    }

    private final BankConnection bank;
    private final TaskRunner tasks;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> text = new SimpleObjectProperty<>();
    private final List<Consumer<Notice>> alertListeners = new CopyOnWriteArrayList<>();
    private final Set<UUID> quarantinedSeen = new HashSet<>();
    private boolean refreshing;
    private String keyLabel;

    /** @param keyLabel the sync screen's key as shown on screen, named by the error text ("needs attention (F9)") */
    public BankIndicatorViewModel(BankConnection bank, TaskRunner tasks, String keyLabel) {
        this.bank = bank;
        this.tasks = tasks;
        this.keyLabel = keyLabel;
        if (bank.isConfigured()) {
            set(State.PENDING, Notice.info("bank.indicator.starting"));
        } else {
            set(State.OFFLINE, Notice.info("bank.indicator.offline"));
        }
    }

    public ReadOnlyObjectProperty<State> state() {
        return state;
    }

    /** The indicator's text as a bundle key and arguments. */
    public ReadOnlyObjectProperty<Notice> text() {
        return text;
    }

    /** Called (on the thread that shows the status) with each alert, in the screen's words as a {@link Notice}. */
    public void addAlertListener(Consumer<Notice> listener) {
        alertListeners.add(listener);
    }

    /** The sync screen has a new key: the error text names it from now on. */
    public void useKeyLabel(String label) {
        keyLabel = label;
        Notice shown = text.get();
        if (shown != null && shown.key().equals("bank.indicator.error")) {
            text.set(Notice.error("bank.indicator.error", keyLabel));
        }
    }

    /** Reads the stored sync status in the background (no bank contact) and shows it. */
    public void refresh() {
        if (!bank.isConfigured() || refreshing) {
            return;
        }
        refreshing = true;
        try {
            tasks.run(() -> bank.services().orElseThrow().sync().status(), status -> {
                refreshing = false;
                show(status);
            }, failure -> {
                refreshing = false;
                set(State.ERROR, failure instanceof PlainHttpRefusedException refused
                        ? Notice.error("bank.indicator.plainHttp", refused.host())
                        : Notice.error("bank.indicator.error", keyLabel));
            });
        } catch (RuntimeException rejected) {
            // the task runner is closed: the window is going away
            refreshing = false;
        }
    }

    void show(SyncStatus status) {
        State before = state.get();
        showState(status);
        State now = state.get();
        if (now == State.UNREACHABLE && before != State.UNREACHABLE) {
            alert(Notice.error("bank.alert.unreachable", status.pendingEntries()));
        } else if (before == State.UNREACHABLE && (now == State.PENDING || now == State.UP_TO_DATE)) {
            alert(Notice.info("bank.alert.reachable"));
        }
        for (SealedBatch batch : status.quarantined()) {
            if (quarantinedSeen.add(batch.batchId())) {
                alert(Notice.error("bank.alert.quarantined", batch.firstSeq(), batch.lastSeq(), keyLabel));
            }
        }
    }

    private void alert(Notice notice) {
        alertListeners.forEach(listener -> listener.accept(notice));
    }

    private void showState(SyncStatus status) {
        RoundOutcome outcome = status.lastOutcome().orElse(null);
        if (status.authProblem() || !status.quarantined().isEmpty() || outcome == RoundOutcome.REJECTED
                || outcome == RoundOutcome.AUTH_PROBLEM) {
            set(State.ERROR, Notice.error("bank.indicator.error", keyLabel));
        } else if (status.pendingEntries() == 0) {
            set(State.UP_TO_DATE, Notice.info("bank.indicator.upToDate"));
        } else if (outcome == RoundOutcome.BANK_UNREACHABLE) {
            set(State.UNREACHABLE, Notice.error("bank.indicator.unreachable", status.pendingEntries()));
        } else {
            set(State.PENDING, Notice.info("bank.indicator.pending", status.pendingEntries()));
        }
    }

    private void set(State now, Notice notice) {
        state.set(now);
        text.set(notice);
    }
}
