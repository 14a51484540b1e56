package org.tongpos.app.promoscreen.ui;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.service.PromotionCsv;
import org.tongpos.app.promotions.service.PromotionService;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The manager's promotions screen (its own feature package: it draws over the till, which prices with the
 * promotions, so it may not live in the promotions feature without a cycle): the list (↑/↓), Enter edits the chosen one, Insert adds one, Delete switches it
 * off or on, F3 imports a CSV file (all or nothing, {@code 第 N 行：原因}). The edit form is the import file's columns,
 * one {@code column=value} per line, read exactly as an import row is; F12 saves. Every change goes through
 * {@link PromotionService} as the operator at the till (a manager; the service refuses anyone else and audits each
 * change), so the till prices the next scan with it.
 */
public final class PromotionScreenViewModel {

    /** What the screen shows. */
    public enum Step { NONE, LIST, EDIT, IMPORT }

    private final PromotionService promotions;
    private final TaskRunner tasks;
    private final Supplier<Session> session;
    private final Messages messages;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.NONE);
    private final ObservableList<Promotion> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final StringProperty form = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final StringProperty problems = new SimpleStringProperty("");
    private Consumer<Notice> tillNotice = n -> { };
    private boolean working;

    public PromotionScreenViewModel(PromotionService promotions, TaskRunner tasks, Supplier<Session> session,
                                    Messages messages) {
        this.promotions = promotions;
        this.tasks = tasks;
        this.session = session;
        this.messages = messages;
    }

    /** Where the till's notice line is told that the screen is not for this operator. */
    public void onTillNotice(Consumer<Notice> notices) {
        this.tillNotice = notices;
    }

    public ReadOnlyObjectProperty<Step> step() {
        return step;
    }

    public ObservableList<Promotion> rows() {
        return rows;
    }

    public IntegerProperty selected() {
        return selected;
    }

    /** The edit form: {@code column=value}, one per line. */
    public StringProperty form() {
        return form;
    }

    /** The CSV file to import, as typed. */
    public StringProperty file() {
        return file;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    /** Why the last save or import was refused, one problem a line ({@code 第 N 行：…}). */
    public ReadOnlyStringProperty problems() {
        return problems;
    }

    /** The screen's key: only for an operator who may edit promotions (a manager). */
    public void open() {
        if (step.get() != Step.NONE) {
            return;
        }
        Session who = session.get();
        if (who == null) {
            return;
        }
        if (!who.may(Permission.EDIT_PROMOTIONS)) {
            tillNotice.accept(OperatorNotices.denied(new AccessDeniedException(who.operator().orElseThrow(),
                    Permission.EDIT_PROMOTIONS)));
            return;
        }
        notice.set(Notice.info("promo.screen.hint"));
        problems.set("");
        step.set(Step.LIST);
        reload(null);
    }

    public boolean close() {
        step.set(Step.NONE);
        notice.set(null);
        return true;
    }

    /** Esc: the form or the import back to the list, the list back to the till. */
    public boolean cancel() {
        if (working) {
            return false;
        }
        if (step.get() == Step.EDIT || step.get() == Step.IMPORT) {
            problems.set("");
            notice.set(Notice.info("promo.screen.hint"));
            step.set(Step.LIST);
            return true;
        }
        return close();
    }

    public void move(int delta) {
        if (rows.isEmpty()) {
            return;
        }
        selected.set(Math.max(0, Math.min(rows.size() - 1, Math.max(0, selected.get()) + delta)));
    }

    /** Enter on the list: edit the chosen promotion. */
    public boolean edit() {
        int index = selected.get();
        if (step.get() != Step.LIST || index < 0 || index >= rows.size()) {
            return false;
        }
        form.set(formOf(PromotionCsv.row(rows.get(index))));
        problems.set("");
        notice.set(Notice.info("promo.screen.editHint"));
        step.set(Step.EDIT);
        return true;
    }

    /** Insert on the list: a new promotion, every column empty but the kind. */
    public boolean add() {
        if (step.get() != Step.LIST) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (String column : columns()) {
            text.append(column).append('=').append(column.equals("kind") ? "percent_off" : "").append('\n');
        }
        form.set(text.toString());
        problems.set("");
        notice.set(Notice.info("promo.screen.editHint"));
        step.set(Step.EDIT);
        return true;
    }

    /** F12 on the form: saves it; refused with the reasons, nothing saved. */
    public boolean save() {
        if (step.get() != Step.EDIT || working) {
            return false;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : form.get().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                notice.set(Notice.error("promo.screen.badLine", line.strip()));
                return false;
            }
            fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        Session who = session.get();
        working = true;
        tasks.run(() -> promotions.save(who, fields), outcome -> {
            working = false;
            if (!outcome.isSaved()) {
                problems.set(text(outcome));
                notice.set(Notice.error("promo.screen.refused"));
                return;
            }
            String id = fields.getOrDefault("id", "");
            problems.set("");
            notice.set(Notice.info("promo.screen.saved", id));
            step.set(Step.LIST);
            reload(id);
        }, this::failed);
        return true;
    }

    /** Delete on the list: switches the chosen promotion off, or on again. */
    public boolean toggle() {
        int index = selected.get();
        if (step.get() != Step.LIST || working || index < 0 || index >= rows.size()) {
            return false;
        }
        Promotion p = rows.get(index);
        Session who = session.get();
        working = true;
        tasks.run(() -> promotions.setActive(who, p.id(), !p.active()), changed -> {
            working = false;
            notice.set(Notice.info(p.active() ? "promo.screen.disabled" : "promo.screen.enabled", p.id()));
            reload(p.id());
        }, this::failed);
        return true;
    }

    /** F3 on the list: asks for the file to import. */
    public boolean startImport() {
        if (step.get() != Step.LIST) {
            return false;
        }
        problems.set("");
        notice.set(Notice.info("promo.screen.importHint"));
        step.set(Step.IMPORT);
        return true;
    }

    /** Enter on the import step: imports the file all or nothing. */
    public boolean importFile() {
        if (step.get() != Step.IMPORT || working) {
            return false;
        }
        String name = file.get() == null ? "" : file.get().strip();
        if (name.isEmpty()) {
            notice.set(Notice.error("promo.screen.fileNeeded"));
            return false;
        }
        Session who = session.get();
        working = true;
        tasks.run(() -> {
            try (InputStream in = Files.newInputStream(Path.of(name))) {
                return promotions.importCsv(who, in);
            }
        }, outcome -> {
            working = false;
            if (!outcome.isSaved()) {
                problems.set(text(outcome));
                notice.set(Notice.error("cli.promo.rejected", outcome.problems().size()));
                return;
            }
            problems.set("");
            notice.set(Notice.info("cli.promo.imported", outcome.added(), outcome.updated(), outcome.unchanged()));
            step.set(Step.LIST);
            reload(null);
        }, failure -> {
            working = false;
            if (failure instanceof NoSuchFileException) {
                notice.set(Notice.error("cli.import.noFile", name));
            } else {
                failed(failure);
            }
        });
        return true;
    }

    private String text(PromotionService.SaveOutcome outcome) {
        List<String> lines = new ArrayList<>();
        outcome.problems().forEach(p -> lines.add(p.text(messages)));
        return String.join("\n", lines);
    }

    private void reload(String keep) {
        tasks.run(promotions::all, all -> {
            rows.setAll(all);
            int index = 0;
            for (int i = 0; keep != null && i < all.size(); i++) {
                if (all.get(i).id().equals(keep)) {
                    index = i;
                }
            }
            selected.set(-1);
            selected.set(all.isEmpty() ? -1 : index);
        }, this::failed);
    }

    private void failed(Exception failure) {
        working = false;
        if (failure instanceof AccessDeniedException denied) {
            notice.set(OperatorNotices.denied(denied));
        } else {
            notice.set(Notice.error("promo.screen.failed", String.valueOf(failure.getMessage())));
        }
    }

    private static List<String> columns() {
        List<String> all = new ArrayList<>(PromotionCsv.REQUIRED);
        all.addAll(PromotionCsv.OPTIONAL);
        return all;
    }

    /** A promotion's import row as the form shows it: each column on its own line. */
    static String formOf(String row) {
        List<String> columns = columns();
        try (CSVParser parser = CSVParser.parse(row, CSVFormat.RFC4180)) {
            CSVRecord record = parser.getRecords().get(0);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                text.append(columns.get(i)).append('=').append(i < record.size() ? record.get(i) : "").append('\n');
            }
            return text.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
