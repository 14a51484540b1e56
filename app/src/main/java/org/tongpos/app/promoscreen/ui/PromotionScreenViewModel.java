package org.tongpos.app.promoscreen.ui;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.promoscreen.ui.PromotionFormReader.Field;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.Reason;
import org.tongpos.app.promotions.domain.TargetType;
import org.tongpos.app.promotions.service.PromotionService;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The promotions screen (its own feature package: it draws over the till, which prices with the promotions, so it
 * may not live in the promotions feature without a cycle): the list (↑/↓), Enter edits the chosen one, Insert adds
 * one, Delete switches it off or on, F3 imports a CSV file (all or nothing, {@code 第 N 行：原因}). The edit form
 * ({@link PromotionForm}) has a field for every value of every kind; goods are added by scanning or typing a barcode
 * or PLU, or by choosing a category ({@link GoodsLookup}); F12 reads it ({@link PromotionFormReader}) and saves it,
 * or says at each field what is wrong and changes nothing.
 *
 * <p>Anyone selling at the till may open the screen and fill in the form; a change (save, switch off or on, import)
 * made by an operator who may not edit promotions asks a manager's number and PIN there and then (the till's
 * {@link ApprovalViewModel}). Every change goes through {@link PromotionService} (audited with the approver), so the
 * till prices the next scan with it.
 */
public final class PromotionScreenViewModel {

    /** What the screen shows. */
    public enum Step { NONE, LIST, EDIT, IMPORT, APPROVAL }

    private final PromotionService promotions;
    private final GoodsLookup goods;
    private final TaskRunner tasks;
    private final Supplier<Session> session;
    private final Messages messages;
    private final ApprovalViewModel approvals;
    private final PromotionFormReader reader = new PromotionFormReader();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.NONE);
    private final ObservableList<Promotion> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<PromotionForm> form = new SimpleObjectProperty<>(PromotionForm.blank());
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final StringProperty goodsEntry = new SimpleStringProperty("");
    private final StringProperty getGoodsEntry = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final StringProperty problems = new SimpleStringProperty("");
    private final ObjectProperty<Set<Field>> problemFields = new SimpleObjectProperty<>(Set.of());
    private Consumer<Notice> tillNotice = n -> { };
    private boolean working;

    public PromotionScreenViewModel(PromotionService promotions, GoodsLookup goods, TaskRunner tasks,
                                    Supplier<Session> session, Messages messages, ApprovalViewModel approvals) {
        this.promotions = promotions;
        this.goods = goods;
        this.tasks = tasks;
        this.session = session;
        this.messages = messages;
        this.approvals = approvals;
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

    /** The form being edited (a new one for each promotion). */
    public ReadOnlyObjectProperty<PromotionForm> form() {
        return form;
    }

    /** The catalog's categories, to choose from. */
    public ObservableList<String> categories() {
        return categories;
    }

    /** A barcode, PLU or category typed to add to the goods. */
    public StringProperty goodsEntry() {
        return goodsEntry;
    }

    /** A barcode or PLU typed to add to the goods given (buy X get Y). */
    public StringProperty getGoodsEntry() {
        return getGoodsEntry;
    }

    /** The CSV file to import, as typed. */
    public StringProperty file() {
        return file;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    /** Why the last save or import was refused, one problem a line ({@code 价格：…}, {@code 第 N 行：…}). */
    public ReadOnlyStringProperty problems() {
        return problems;
    }

    /** The form's fields the last save found wrong (the screen marks them). */
    public ReadOnlyObjectProperty<Set<Field>> problemFields() {
        return problemFields;
    }

    /** The manager's approval prompt, shown while the step is {@link Step#APPROVAL}. */
    public ApprovalViewModel approvals() {
        return approvals;
    }

    /** The screen's key: for anyone selling at the till (changes need a manager); an auditor is told no. */
    public void open() {
        if (step.get() != Step.NONE) {
            return;
        }
        Session who = session.get();
        if (who == null) {
            return;
        }
        if (!who.may(Permission.EDIT_PROMOTIONS) && !who.may(Permission.SELL)) {
            tillNotice.accept(OperatorNotices.denied(new AccessDeniedException(who.operator().orElseThrow(),
                    Permission.EDIT_PROMOTIONS)));
            return;
        }
        notice.set(Notice.info(PromotionService.needsApproval(who) ? "promo.screen.hintApproval"
                : "promo.screen.hint"));
        clearProblems();
        step.set(Step.LIST);
        reload(null);
    }

    public boolean close() {
        step.set(Step.NONE);
        notice.set(null);
        return true;
    }

    /** Esc: the approval prompt back to the form, the form or the import back to the list, the list to the till. */
    public boolean cancel() {
        if (step.get() == Step.APPROVAL) {
            return approvals.cancel();
        }
        if (working) {
            return false;
        }
        if (step.get() == Step.EDIT || step.get() == Step.IMPORT) {
            clearProblems();
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

    /** Enter on the list: edit the chosen promotion (its goods named as the catalog names them). */
    public boolean edit() {
        int index = selected.get();
        if (step.get() != Step.LIST || working || index < 0 || index >= rows.size()) {
            return false;
        }
        Promotion p = rows.get(index);
        working = true;
        tasks.run(() -> {
            Map<String, String> names = new HashMap<>();
            for (String code : p.target().type() == TargetType.PRODUCT ? p.target().values() : List.<String>of()) {
                names.put(code, goods.label(code));
            }
            p.terms().getTarget().values().forEach(code -> names.put(code, goods.label(code)));
            return new Loaded(PromotionForm.of(p, code -> names.getOrDefault(code, code)), goods.categories());
        }, loaded -> {
            working = false;
            showForm(loaded);
        }, this::failed);
        return true;
    }

    /** Insert on the list: a new promotion. */
    public boolean add() {
        if (step.get() != Step.LIST || working) {
            return false;
        }
        working = true;
        tasks.run(() -> new Loaded(PromotionForm.blank(), goods.categories()), loaded -> {
            working = false;
            showForm(loaded);
        }, this::failed);
        return true;
    }

    private record Loaded(PromotionForm form, List<String> categories) {
    }

    private void showForm(Loaded loaded) {
        categories.setAll(loaded.categories());
        form.set(loaded.form());
        goodsEntry.set("");
        getGoodsEntry.set("");
        clearProblems();
        notice.set(Notice.info("promo.form.hint"));
        step.set(Step.EDIT);
    }

    /**
     * Enter in the goods field: a product by barcode or PLU (or, when the promotion covers categories, a category)
     * joins the goods; one the catalog does not have is refused and said.
     */
    public boolean addGoods() {
        return addFrom(goodsEntry, form.get().goods(), form.get().targetType().get() == TargetType.CATEGORY);
    }

    /** Enter in the goods-given field (buy X get Y of other goods): a product joins them. */
    public boolean addGetGoods() {
        return addFrom(getGoodsEntry, form.get().getGoods(), false);
    }

    /** A category chosen from the list joins the goods (the promotion then covers categories). */
    public boolean addCategory(String category) {
        if (step.get() != Step.EDIT || category == null || category.isBlank()) {
            return false;
        }
        PromotionForm f = form.get();
        if (f.targetType().get() != TargetType.CATEGORY) {
            f.goods().clear();
            f.targetType().set(TargetType.CATEGORY);
        }
        f.addGoods(f.goods(), new PromotionForm.Goods(category, category));
        notice.set(Notice.info("promo.form.goodsAdded", category));
        return true;
    }

    /** A scan while the form shows: the product joins the goods. */
    public void scanned(String code) {
        if (step.get() == Step.APPROVAL) {
            approvals.refuseScan();
            return;
        }
        if (step.get() != Step.EDIT) {
            return;
        }
        PromotionForm f = form.get();
        if (f.targetType().get() != TargetType.PRODUCT) {
            f.goods().clear();
            f.targetType().set(TargetType.PRODUCT);
        }
        goodsEntry.set(code);
        addGoods();
    }

    private boolean addFrom(StringProperty entry, ObservableList<PromotionForm.Goods> into, boolean category) {
        String code = entry.get() == null ? "" : entry.get().strip();
        if (step.get() != Step.EDIT || code.isEmpty()) {
            return false;
        }
        if (category) {
            if (!categories.contains(code)) {
                notice.set(Notice.error("promo.form.noCategory", code));
                return false;
            }
            form.get().addGoods(into, new PromotionForm.Goods(code, code));
            entry.set("");
            notice.set(Notice.info("promo.form.goodsAdded", code));
            return true;
        }
        PromotionForm editing = form.get();
        tasks.run(() -> goods.goods(code), found -> {
            if (form.get() != editing) {
                return;
            }
            if (found.isEmpty()) {
                notice.set(Notice.error("promo.form.noProduct", code));
                return;
            }
            boolean added = editing.addGoods(into, found.get());
            if (code.equals(entry.get().strip())) {
                entry.set("");
            }
            notice.set(added ? Notice.info("promo.form.goodsAdded", found.get().toString())
                    : Notice.info("promo.form.goodsAlready", found.get().toString()));
        }, this::failed);
        return true;
    }

    /** Takes goods off the list. */
    public void removeGoods(ObservableList<PromotionForm.Goods> from, PromotionForm.Goods item) {
        if (step.get() == Step.EDIT && item != null) {
            from.remove(item);
        }
    }

    /**
     * F12 on the form: reads it; with problems, says each at its field and changes nothing; otherwise saves it, after a
     * manager's approval when the operator may not edit promotions.
     */
    public boolean save() {
        if (step.get() != Step.EDIT || working) {
            return false;
        }
        PromotionForm f = form.get();
        PromotionFormReader.Result read = reader.read(f);
        List<PromotionFormReader.Problem> found = new ArrayList<>(read.problems());
        String id = f.id().get() == null ? "" : f.id().get().strip();
        if (!f.existing().get() && rows.stream().anyMatch(p -> p.id().equals(id))) {
            found.add(0, new PromotionFormReader.Problem(Field.ID, Reason.of("promo.form.idTaken", id)));
        }
        if (!found.isEmpty()) {
            refuse(found);
            return false;
        }
        Promotion promotion = read.promotion().orElseThrow();
        change(promotion.id(), approval -> saveNow(promotion, approval));
        return true;
    }

    private void refuse(List<PromotionFormReader.Problem> found) {
        List<String> lines = new ArrayList<>();
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (PromotionFormReader.Problem p : found) {
            lines.add(p.text(messages));
            fields.add(p.field());
        }
        problems.set(String.join("\n", lines));
        problemFields.set(Set.copyOf(fields));
        notice.set(Notice.error("promo.form.notSaved", found.size()));
    }

    /** Runs a change now (a manager) or once a manager approved it at the till (anyone else). */
    private void change(String subject, Consumer<Optional<Approval>> doIt) {
        Session who = session.get();
        if (who == null) {
            return;
        }
        if (!PromotionService.needsApproval(who)) {
            doIt.accept(Optional.empty());
            return;
        }
        Step back = step.get();
        ApprovalRequest request = PromotionService.approvalFor(subject);
        step.set(Step.APPROVAL);
        approvals.ask(who, request, approval -> {
            step.set(back);
            doIt.accept(Optional.of(approval));
        }, () -> {
            step.set(back);
            notice.set(Notice.info("promo.form.approvalCancelled"));
        });
    }

    private void saveNow(Promotion promotion, Optional<Approval> approval) {
        Session who = session.get();
        working = true;
        tasks.run(() -> promotions.save(who, promotion, approval), outcome -> {
            working = false;
            if (!outcome.isSaved()) {
                List<String> lines = new ArrayList<>();
                outcome.reasons().forEach(r -> lines.add(r.text(messages)));
                problems.set(String.join("\n", lines));
                problemFields.set(Set.of(Field.GOODS));
                notice.set(Notice.error("promo.form.notSaved", lines.size()));
                return;
            }
            clearProblems();
            notice.set(Notice.info(approval.isPresent() ? "promo.screen.savedApproved" : "promo.screen.saved",
                    promotion.id(), approval.map(a -> a.approver().number()).orElse("")));
            step.set(Step.LIST);
            reload(promotion.id());
        }, this::failed);
    }

    /** Delete on the list: switches the chosen promotion off, or on again. */
    public boolean toggle() {
        int index = selected.get();
        if (step.get() != Step.LIST || working || index < 0 || index >= rows.size()) {
            return false;
        }
        Promotion p = rows.get(index);
        change(p.id(), approval -> {
            Session who = session.get();
            working = true;
            tasks.run(() -> promotions.setActive(who, p.id(), !p.active(), approval), changed -> {
                working = false;
                notice.set(Notice.info(p.active() ? "promo.screen.disabled" : "promo.screen.enabled", p.id()));
                reload(p.id());
            }, this::failed);
        });
        return true;
    }

    /** F3 on the list: asks for the file to import. */
    public boolean startImport() {
        if (step.get() != Step.LIST || working) {
            return false;
        }
        clearProblems();
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
        change("import", approval -> {
            Session who = session.get();
            working = true;
            tasks.run(() -> {
                try (InputStream in = Files.newInputStream(Path.of(name))) {
                    return promotions.importCsv(who, in, approval);
                }
            }, outcome -> {
                working = false;
                if (!outcome.isSaved()) {
                    List<String> lines = new ArrayList<>();
                    outcome.problems().forEach(p -> lines.add(p.text(messages)));
                    problems.set(String.join("\n", lines));
                    notice.set(Notice.error("cli.promo.rejected", outcome.problems().size()));
                    return;
                }
                clearProblems();
                notice.set(Notice.info("cli.promo.imported", outcome.added(), outcome.updated(),
                        outcome.unchanged()));
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
        });
        return true;
    }

    private void clearProblems() {
        problems.set("");
        problemFields.set(Set.of());
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
}
