package org.tongpos.app.bank.ui;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tongpos.app.bank.service.BankConnection;
import org.tongpos.app.bank.service.BankServices;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.sync.batch.SealedBatch;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.client.BankUnavailableException;
import org.tongpos.sync.client.PlainHttpRefusedException;
import org.tongpos.sync.reconcile.DayClose;
import org.tongpos.sync.reconcile.Difference;
import org.tongpos.sync.reconcile.ReconciliationReport;
import org.tongpos.sync.reconcile.StatementFormatException;
import org.tongpos.sync.wire.SettlementStatus;

/**
 * The sync and reconciliation screen's state and decisions: what the bank holds, quarantined batches (with release),
 * a business date with its day close and latest reconciliation, the differences (mark investigated with a note,
 * export as CSV). All database and bank work goes through the {@link TaskRunner}; one piece of work at a time.
 */
public final class SyncScreenViewModel {

    /** A day's stored results: the last close and the latest reconciliation with its differences. */
    public record DayResults(Optional<DayClose> close, Optional<ReconciliationReport> report,
                             List<Difference> differences) {
    }

    private final BankConnection bank;
    private final TaskRunner tasks;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<SyncStatus> status = new SimpleObjectProperty<>();
    private final ObservableList<SealedBatch> quarantined = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> date;
    private final ObjectProperty<DayClose> dayClose = new SimpleObjectProperty<>();
    private final ObjectProperty<ReconciliationReport> report = new SimpleObjectProperty<>();
    private final ObservableList<Difference> differences = FXCollections.observableArrayList();
    private final ObjectProperty<Difference> selected = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();

    public SyncScreenViewModel(BankConnection bank, TaskRunner tasks, Clock clock) {
        this.bank = bank;
        this.tasks = tasks;
        this.date = new SimpleObjectProperty<>(LocalDate.now(clock));
        if (!bank.isConfigured()) {
            notice.set(Notice.error("bank.screen.offline"));
        }
    }

    public boolean isOffline() {
        return !bank.isConfigured();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public ReadOnlyObjectProperty<SyncStatus> status() {
        return status;
    }

    public ObservableList<SealedBatch> quarantined() {
        return quarantined;
    }

    public ObjectProperty<LocalDate> date() {
        return date;
    }

    public ReadOnlyObjectProperty<DayClose> dayClose() {
        return dayClose;
    }

    public ReadOnlyObjectProperty<ReconciliationReport> report() {
        return report;
    }

    public ObservableList<Difference> differences() {
        return differences;
    }

    public ObjectProperty<Difference> selected() {
        return selected;
    }

    public StringProperty note() {
        return note;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    /** Reads the stored status and the chosen day's results (no bank contact). */
    public void refresh() {
        LocalDate day = date.get();
        work(services -> new Loaded(services.sync().status(), results(services, day)), loaded -> {
            show(loaded.status());
            show(loaded.day());
        });
    }

    /** Uploads what is pending now. */
    public void syncNow() {
        work(services -> services.sync().syncNow(), result -> {
            show(result);
            notice.set(result.upToDate() ? Notice.info("bank.screen.synced", result.bankHeldSeq())
                    : Notice.error("bank.screen.notSynced", result.pendingEntries(),
                    result.lastError().orElse("")));
        });
    }

    /** Puts a quarantined batch back in line (after the cause was fixed) and tries again. */
    public void release(SealedBatch batch) {
        if (batch == null) {
            notice.set(Notice.error("bank.screen.chooseBatch"));
            return;
        }
        work(services -> {
            boolean released = services.sync().releaseQuarantined(batch.batchId());
            return released ? services.sync().syncNow() : services.sync().status();
        }, result -> {
            show(result);
            notice.set(Notice.info("bank.screen.released", batch.firstSeq(), batch.lastSeq()));
        });
    }

    /** Uploads what is pending, then closes the chosen day at the bank. */
    public void closeDay() {
        LocalDate day = date.get();
        work(services -> {
            SyncStatus synced = services.sync().syncNow();
            if (!synced.upToDate()) {
                return new Closed(synced, null, results(services, day));
            }
            DayClose close = services.dayClose().closeDay(day);
            return new Closed(services.sync().status(), close, results(services, day));
        }, closed -> {
            show(closed.status());
            show(closed.day());
            DayClose close = closed.close();
            if (close == null) {
                notice.set(Notice.error("bank.screen.closeNotSynced", closed.status().pendingEntries()));
            } else if (close.outcome() == DayClose.Outcome.SETTLED) {
                boolean balanced = close.status().orElse(null) == SettlementStatus.IN_BALANCE;
                notice.set(balanced ? Notice.info("bank.screen.inBalance", day.toString())
                        : Notice.error("bank.screen.outOfBalance", day.toString()));
            } else {
                notice.set(Notice.error("bank.screen.closeFailed", day.toString(), close.message()));
            }
        });
    }

    /** Downloads and reconciles the chosen day's statement. */
    public void reconcile() {
        LocalDate day = date.get();
        work(services -> {
            Optional<ReconciliationReport> done;
            try {
                done = services.reconciler().reconcile(day);
            } catch (BankUnavailableException | StatementFormatException e) {
                return new Reconciled(false, e.getMessage(), results(services, day));
            }
            return new Reconciled(done.isPresent(), "", results(services, day));
        }, reconciled -> {
            show(reconciled.day());
            if (!reconciled.problem().isEmpty()) {
                notice.set(Notice.error("bank.screen.reconcileFailed", day.toString(), reconciled.problem()));
            } else if (!reconciled.found()) {
                notice.set(Notice.error("bank.screen.notReady", day.toString()));
            } else {
                ReconciliationReport r = reconciled.day().report().orElseThrow();
                notice.set(r.allMatched() ? Notice.info("bank.screen.allMatched", r.matchedCount())
                        : Notice.error("bank.screen.differences", r.differenceCount()));
            }
        });
    }

    /** Records that the selected difference was looked into, with the note typed. */
    public void markInvestigated() {
        Difference difference = selected.get();
        String text = note.get() == null ? "" : note.get().strip();
        if (difference == null) {
            notice.set(Notice.error("bank.screen.chooseDifference"));
            return;
        }
        if (text.isEmpty()) {
            notice.set(Notice.error("bank.screen.noteNeeded"));
            return;
        }
        LocalDate day = date.get();
        work(services -> {
            services.reconciliations().markInvestigated(difference.runId(), difference.diffNo(), text);
            return results(services, day);
        }, results -> {
            show(results);
            note.set("");
            notice.set(Notice.info("bank.screen.investigated", difference.diffNo()));
        });
    }

    /** Writes the latest reconciliation's differences to {@code file} as CSV. */
    public void exportCsv(Path file) {
        ReconciliationReport shown = report.get();
        if (shown == null) {
            notice.set(Notice.error("bank.screen.nothingToExport"));
            return;
        }
        work(services -> {
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                services.reconciliations().exportCsv(shown.runId(), writer);
            }
            return file;
        }, written -> notice.set(Notice.info("bank.screen.exported", written.toString())));
    }

    private record Loaded(SyncStatus status, DayResults day) {
    }

    private record Closed(SyncStatus status, DayClose close, DayResults day) {
    }

    private record Reconciled(boolean found, String problem, DayResults day) {
    }

    /** Work that needs the bank's services. */
    @FunctionalInterface
    private interface BankWork<T> {
        T run(BankServices services) throws Exception;
    }

    private <T> void work(BankWork<T> work, Consumer<T> onSuccess) {
        if (!bank.isConfigured()) {
            notice.set(Notice.error("bank.screen.offline"));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        Callable<T> call = () -> work.run(bank.services().orElseThrow());
        tasks.run(call, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            notice.set(failure instanceof PlainHttpRefusedException refused
                    ? Notice.error("bank.plainHttpRefused", refused.host())
                    : Notice.error("bank.screen.failed", String.valueOf(failure.getMessage())));
        });
    }

    private static DayResults results(BankServices services, LocalDate day) {
        Optional<ReconciliationReport> latest = services.reconciliations().latest(day);
        return new DayResults(services.dayClose().lastClose(day), latest,
                latest.map(r -> services.reconciliations().differences(r.runId())).orElse(List.of()));
    }

    private void show(SyncStatus now) {
        status.set(now);
        quarantined.setAll(now.quarantined());
    }

    private void show(DayResults day) {
        dayClose.set(day.close().orElse(null));
        report.set(day.report().orElse(null));
        Difference before = selected.get();
        differences.setAll(day.differences());
        selected.set(before == null ? null : day.differences().stream()
                .filter(d -> d.runId() == before.runId() && d.diffNo() == before.diffNo()).findFirst().orElse(null));
    }
}
