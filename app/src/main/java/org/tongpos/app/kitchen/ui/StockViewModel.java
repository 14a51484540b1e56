package org.tongpos.app.kitchen.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
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
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.kitchen.domain.Quantities;
import org.tongpos.app.kitchen.domain.StockException;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.ReportTable;
import org.tongpos.app.reports.service.CsvExport;
import org.tongpos.app.reports.service.ReportTables;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The owner's stock screen: stock on hand read from {@link KitchenStock} (the same service as the {@code stock}
 * commands, so every movement is checked and audited the same way), filtered by text and "low only", sorted by the
 * table; and the movements it records through a {@link StockForm}: a purchase received, a count, waste, a low level.
 * Input is checked here first so that a bad field says what is wrong in the screen's language and nothing is sent.
 * A purchase from a supplier not known yet adds the supplier (in the same transaction as the purchase).
 */
public final class StockViewModel {

    private final KitchenStock stock;
    private final Supplier<Session> session;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Path exportDirectory;
    private final Messages messages;
    private final ObservableList<StockLevel> levels = FXCollections.observableArrayList();
    private final FilteredList<StockLevel> filtered = new FilteredList<>(levels);
    private final SortedList<StockLevel> shown = new SortedList<>(filtered);
    private final ObservableList<String> suppliers = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty lowOnly = new SimpleBooleanProperty();
    private final ObjectProperty<StockLevel> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StockForm form = new StockForm(levels, suppliers);

    /** @param messages the language of the exported CSV's titles and headers (the screen's) */
    public StockViewModel(KitchenStock stock, Supplier<Session> session, TaskRunner tasks, Clock clock,
                          Path exportDirectory, Messages messages) {
        this.stock = Objects.requireNonNull(stock);
        this.session = Objects.requireNonNull(session);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        this.exportDirectory = Objects.requireNonNull(exportDirectory);
        this.messages = Objects.requireNonNull(messages);
        filter.addListener((o, was, now) -> applyFilter());
        lowOnly.addListener((o, was, now) -> applyFilter());
    }

    /** The rows the table shows, filtered; the View binds its comparator to the table's. */
    public SortedList<StockLevel> shown() {
        return shown;
    }

    /** Every item read, before the filter. */
    public List<StockLevel> levels() {
        return List.copyOf(levels);
    }

    public ObservableList<String> suppliers() {
        return suppliers;
    }

    public StringProperty filter() {
        return filter;
    }

    public BooleanProperty lowOnly() {
        return lowOnly;
    }

    /** The row the table has selected: the item the forms start with. */
    public ObjectProperty<StockLevel> selected() {
        return selected;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public StockForm form() {
        return form;
    }

    /** Total value at cost of the rows shown. */
    public long shownValueFen() {
        return shown.stream().mapToLong(StockLevel::valueFen).sum();
    }

    public void toggleLowOnly() {
        lowOnly.set(!lowOnly.get());
    }

    private void applyFilter() {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        boolean low = lowOnly.get();
        filtered.setPredicate(l -> (!low || l.low()) && (text.isEmpty()
                || l.code().toLowerCase(Locale.ROOT).contains(text) || l.name().toLowerCase(Locale.ROOT).contains(text)
                || l.supplier().toLowerCase(Locale.ROOT).contains(text)));
    }

    /** A code scanned while the screen shows: the item of the open form, else the filter. */
    public void scanned(String code) {
        if (form.kind().get() != StockForm.Kind.NONE) {
            form.item().set(code);
        } else {
            filter.set(code);
        }
    }

    /** Reads stock on hand and the suppliers in the background. */
    public void refresh() {
        refresh(null);
    }

    private void refresh(Notice after) {
        Session who = session.get();
        busy.set(true);
        tasks.run(() -> new Read(stock.levels(who), stock.suppliers(who)), read -> {
            busy.set(false);
            String keep = selected.get() == null ? null : selected.get().code();
            levels.setAll(read.levels());
            suppliers.setAll(read.suppliers());
            form.itemsChanged();
            selected.set(levels.stream().filter(l -> l.code().equals(keep)).findFirst().orElse(null));
            notice.set(after != null ? after : Notice.info("stock.screen.shown", read.levels().size(),
                    ReportTables.yuan(read.levels().stream().mapToLong(StockLevel::valueFen).sum())));
        }, this::failed);
    }

    private record Read(List<StockLevel> levels, List<String> suppliers) {
    }

    public void startReceive() {
        start(StockForm.Kind.RECEIVE);
    }

    public void startCount() {
        start(StockForm.Kind.COUNT);
    }

    public void startWaste() {
        start(StockForm.Kind.WASTE);
    }

    public void startLow() {
        start(StockForm.Kind.LOW);
    }

    private void start(StockForm.Kind kind) {
        if (busy.get()) {
            return;
        }
        notice.set(null);
        form.start(kind, selected.get(), LocalDate.now(clock));
    }

    public void cancelForm() {
        form.close();
    }

    /**
     * Records what the open form says, through the service; the form closes and the table is read again when it is
     * recorded. Refused input (here or by the service) keeps the form open with the reason and records nothing.
     */
    public void confirm() {
        if (busy.get() || form.kind().get() == StockForm.Kind.NONE) {
            return;
        }
        StockForm.Movement movement;
        try {
            movement = form.read();
        } catch (StockException e) {
            notice.set(Notice.error(e.key(), e.args()));
            return;
        }
        Session who = session.get();
        busy.set(true);
        tasks.run(() -> movement.record(stock, who), done -> {
            busy.set(false);
            form.close();
            refresh(done);
        }, this::failed);
    }

    /** Writes the rows shown, in the table's order, to {@code exports/stock-DATE.csv} (UTF-8 with BOM). */
    public void exportCsv() {
        List<List<String>> rows = new ArrayList<>();
        for (StockLevel l : shown) {
            rows.add(List.of(l.code(), l.name(), l.unit(), Quantities.format(l.onHandMilli()),
                    ReportTables.yuan(l.valueFen()), Quantities.format(l.lowMilli()),
                    l.low() ? messages.get("stock.low.yes") : "", l.supplier()));
        }
        rows.add(List.of(messages.get("report.col.total"), "", "", "", ReportTables.yuan(shownValueFen()), "", "",
                ""));
        ReportTable table = new ReportTable(messages.get(lowOnly.get() ? "stock.levels.lowTitle"
                : "stock.levels.title"), List.of(messages.get("stock.col.code"), messages.get("stock.col.name"),
                messages.get("stock.col.unit"), messages.get("stock.col.onHand"), messages.get("stock.col.value"),
                messages.get("stock.col.lowLevel"), messages.get("stock.col.low"), messages.get("stock.col.supplier")),
                rows);
        Path file = exportDirectory.resolve("stock-" + LocalDate.now(clock) + ".csv");
        busy.set(true);
        tasks.run(() -> {
            Files.createDirectories(exportDirectory);
            CsvExport.write(List.of(table), file);
            return file;
        }, written -> {
            busy.set(false);
            notice.set(Notice.info("stock.screen.written", written.toAbsolutePath().toString()));
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        if (e instanceof StockException refused) {
            notice.set(Notice.error(refused.key(), refused.args()));
        } else if (e instanceof AccessDeniedException) {
            notice.set(Notice.error(form.kind().get() == StockForm.Kind.NONE ? "stock.screen.denied"
                    : "stock.screen.deniedMove"));
        } else if (e instanceof IOException) {
            notice.set(Notice.error("stock.screen.cannotWrite", String.valueOf(e.getMessage())));
        } else {
            notice.set(Notice.error("stock.screen.failed", String.valueOf(e.getMessage())));
        }
    }
}
