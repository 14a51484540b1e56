package org.tongpos.app.bank.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tongpos.app.bank.service.BankConnection;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.sync.batch.RoundOutcome;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.client.PlainHttpRefusedException;

/** The status bar's small bank indicator: offline, unreachable with N pending, N pending, up to date, or error. */
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
