package org.tongpos.app.promoscreen.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.promoscreen.ui.PromotionFormReader.Field;
import org.tongpos.app.promotions.domain.OfferTender;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.TargetType;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.TillButtons;

/**
 * The promotion form, built in code and bound to the screen's {@link PromotionForm}: on the left what it is and on
 * which goods (scan or type a barcode/PLU and Enter, or choose a category), on the right its terms (only those the
 * kind uses show), the bank's conditions, when it runs (date pickers, weekdays, hours) and how it combines. A field
 * the last save found wrong is outlined and the reasons are listed under the form. F12 saves, Esc goes back.
 */
public final class PromotionFormView {

    static final String FIELD_ERROR = "field-error";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PromotionScreenViewModel vm;
    private final PromotionForm form;
    private final Messages m;
    private final Subscriptions s;
    private final Map<Field, Node> fields = new EnumMap<>(Field.class);
    private final java.util.List<javafx.scene.control.ComboBoxBase<?>> popups = new java.util.ArrayList<>();
    private final VBox root;
    private final Node focus;

    public PromotionFormView(PromotionScreenViewModel vm, Messages messages, Subscriptions subscriptions) {
        this.vm = vm;
        this.form = vm.form().get();
        this.m = messages;
        this.s = subscriptions;

        TextField id = text(form.id(), "promo-form-id", "promo.form.idPrompt");
        id.setDisable(form.existing().get());
        fields.put(Field.ID, id);
        TextField name = text(form.name(), "promo-form-name", "promo.form.namePrompt");
        fields.put(Field.NAME, name);
        ComboBox<PromotionKind> kind = combo("promo-form-kind", FXCollections.observableArrayList(
                PromotionKind.values()), form.kind(), k -> m.get(kindKey(k)));
        fields.put(Field.KIND, kind);
        CheckBox active = check(form.active(), "promo-form-active", "promo.form.active");
        Label about = new Label();
        about.setId("promo-form-about");
        about.getStyleClass().add("hint");
        about.setWrapText(true);
        about.setMaxWidth(540);
        Runnable describe = () -> about.setText(m.get(aboutKey(form.kind().get())));
        describe.run();
        s.onChange(form.kind(), (obs, old, now) -> describe.run());

        GridPane basics = grid();
        row(basics, 0, "promo.form.id", id);
        row(basics, 1, "promo.form.name", name);
        row(basics, 2, "promo.form.kind", new HBox(12, kind, active));
        basics.add(about, 1, 3);

        VBox left = new VBox(8, section("promo.form.section.what"), basics, section("promo.form.section.goods"),
                goodsBox(), getGoodsBox());
        left.setPrefWidth(560);

        VBox right = new VBox(8, section("promo.form.section.terms"), terms(), section("promo.form.section.when"),
                when(), combination());
        right.setPrefWidth(580);
        HBox.setHgrow(right, Priority.ALWAYS);

        NoticeLabel notice = new NoticeLabel(vm.notice(), m, s).collapsing();
        notice.setId("promo-notice");
        TextArea problems = new TextArea();
        problems.setId("promo-problems");
        problems.setEditable(false);
        problems.setFocusTraversable(false);
        problems.setPrefRowCount(3);
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problems());
        s.add(() -> problems.textProperty().unbind());
        problems.visibleProperty().bind(vm.problems().isNotEmpty());
        problems.managedProperty().bind(vm.problems().isNotEmpty());
        Button save = TillButtons.keyed(m, "F12", m.get("promo.screen.save"), vm::save);
        save.setId("promo-form-save");
        save.getStyleClass().add("primary");
        Button back = TillButtons.keyed(m, "Esc", m.get("till.back"), vm::cancel);

        String title = form.existing().get() ? m.get("promo.form.editTitle", form.id().get())
                : m.get("promo.form.newTitle");
        root = new VBox(8, TillButtons.title(title), new HBox(24, left, right), notice, problems,
                TillButtons.row(save, back));
        root.setId("promo-edit-dialog");
        root.setPrefWidth(1180);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F12) {
                vm.save();
                e.consume();
            }
        });
        markProblems(vm.problemFields().get());
        s.onChange(vm.problemFields(), (obs, old, now) -> markProblems(now));
        focus = form.existing().get() ? name : id;
    }

    public Region root() {
        return root;
    }

    /**
     * Esc while a calendar or a drop-down list is open closes it and nothing else (the till's keyboard gives Esc to the
     * screen first, which would otherwise leave the form). True when one was open.
     */
    public boolean closePopup() {
        for (javafx.scene.control.ComboBoxBase<?> box : popups) {
            if (box.isShowing()) {
                box.hide();
                return true;
            }
        }
        return false;
    }

    /** The field that takes the keyboard when the form opens. */
    public Node focus() {
        return focus;
    }

    private void markProblems(Set<Field> wrong) {
        fields.forEach((field, node) -> {
            node.getStyleClass().remove(FIELD_ERROR);
            if (wrong.contains(field)) {
                node.getStyleClass().add(FIELD_ERROR);
            }
        });
    }

    private VBox goodsBox() {
        ComboBox<TargetType> type = combo("promo-form-target", FXCollections.observableArrayList(TargetType.values()),
                form.targetType(), t -> m.get(switch (t) {
                    case PRODUCT -> "promo.form.target.product";
                    case CATEGORY -> "promo.form.target.category";
                    case ALL -> "promo.form.target.all";
                }));
        TextField entry = text(vm.goodsEntry(), "promo-form-goods-entry", "promo.form.goodsPrompt");
        entry.setOnAction(e -> vm.addGoods());
        HBox.setHgrow(entry, Priority.ALWAYS);
        ComboBox<String> categories = new ComboBox<>(vm.categories());
        popups.add(categories);
        categories.setId("promo-form-category");
        categories.setPromptText(m.get("promo.form.categoryPrompt"));
        categories.getStyleClass().add("key-field");
        categories.setOnAction(e -> {
            String chosen = categories.getValue();
            if (chosen != null) {
                vm.addCategory(chosen);
                javafx.application.Platform.runLater(() -> categories.getSelectionModel().clearSelection());
            }
        });
        ListView<PromotionForm.Goods> list = goodsList(form.goods(), "promo-form-goods");
        fields.put(Field.GOODS, list);
        Button remove = small("promo.form.remove", () -> vm.removeGoods(form.goods(),
                list.getSelectionModel().getSelectedItem()));
        BooleanBinding some = form.targetType().isNotEqualTo(TargetType.ALL);
        HBox pick = new HBox(8, entry, categories);
        VBox chosen = new VBox(6, pick, new HBox(8, list, remove));
        HBox.setHgrow(list, Priority.ALWAYS);
        shownWhen(chosen, some);
        GridPane grid = grid();
        row(grid, 0, "promo.form.target", type);
        VBox box = new VBox(6, grid, chosen);
        return box;
    }

    private VBox getGoodsBox() {
        TextField entry = text(vm.getGoodsEntry(), "promo-form-get-entry", "promo.form.getGoodsPrompt");
        entry.setOnAction(e -> vm.addGetGoods());
        ListView<PromotionForm.Goods> list = goodsList(form.getGoods(), "promo-form-get-goods");
        list.setPrefHeight(64);
        fields.put(Field.GET_GOODS, list);
        Button remove = small("promo.form.remove", () -> vm.removeGoods(form.getGoods(),
                list.getSelectionModel().getSelectedItem()));
        HBox.setHgrow(list, Priority.ALWAYS);
        Label label = new Label(m.get("promo.form.getGoods"));
        VBox box = new VBox(6, label, entry, new HBox(8, list, remove));
        shownWhen(box, uses(Field.GET_GOODS));
        return box;
    }

    private ListView<PromotionForm.Goods> goodsList(ObservableList<PromotionForm.Goods> items, String id) {
        ListView<PromotionForm.Goods> list = new ListView<>(items);
        list.setId(id);
        items.addListener((javafx.collections.ListChangeListener<PromotionForm.Goods>) c -> list.getStyleClass()
                .remove(FIELD_ERROR));
        list.setPrefHeight(110);
        list.setFocusTraversable(true);
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.removeGoods(items, list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        return list;
    }

    private GridPane terms() {
        Map<Field, Node> terms = new java.util.LinkedHashMap<>();
        terms.put(Field.BUY_QTY, text(form.buyQty(), "promo-form-buy", "promo.form.buyQtyPrompt"));
        terms.put(Field.GET_QTY, text(form.getQty(), "promo-form-get", "promo.form.getQtyPrompt"));
        terms.put(Field.PRICE, text(form.price(), "promo-form-price", "promo.form.pricePrompt"));
        terms.put(Field.MIN_SPEND, text(form.minSpend(), "promo-form-min-spend", "promo.form.minSpendPrompt"));
        terms.put(Field.AMOUNT_OFF, text(form.amountOff(), "promo-form-amount-off", "promo.form.amountOffPrompt"));
        terms.put(Field.PERCENT, text(form.percent(), "promo-form-percent", "promo.form.percentPrompt"));
        terms.put(Field.MAX_OFF, text(form.maxOff(), "promo-form-max-off", "promo.form.maxOffPrompt"));
        terms.put(Field.TENDER, combo("promo-form-tender", FXCollections.observableArrayList(
                OfferTender.BANK_CARD, OfferTender.PAYMENT_CODE, OfferTender.ANY), form.tender(), t -> m.get(
                        switch (t) {
                            case BANK_CARD -> "promo.form.tender.card";
                            case PAYMENT_CODE -> "promo.form.tender.code";
                            default -> "promo.form.tender.any";
                        })));
        terms.put(Field.CARD_PREFIXES, text(form.cardPrefixes(), "promo-form-prefixes",
                "promo.form.cardPrefixesPrompt"));
        terms.put(Field.DAILY_CAP, text(form.dailyCap(), "promo-form-daily-cap", "promo.form.dailyCapPrompt"));
        fields.putAll(terms);
        CheckBox stepped = check(form.stepped(), "promo-form-stepped", "promo.form.stepped");
        shownWhen(stepped, uses(Field.MIN_SPEND));
        CheckBox mix = check(form.mix(), "promo-form-mix", "promo.form.mix");
        shownWhen(mix, uses(Field.BUY_QTY));
        CheckBox members = check(form.membersOnly(), "promo-form-members", "promo.form.membersOnly");
        shownWhen(members, form.kind().isNotEqualTo(PromotionKind.MEMBER_PRICE));
        HBox checks = new HBox(16, stepped, mix, members);
        GridPane grid = grid();
        // only the kind's fields are in the grid (in the order the manager reads them), so no empty rows show
        Runnable layout = () -> {
            grid.getChildren().clear();
            java.util.Set<Field> used = PromotionFormReader.fieldsOf(form.kind().get());
            int r = 0;
            for (Map.Entry<Field, Node> term : terms.entrySet()) {
                if (used.contains(term.getKey())) {
                    row(grid, r++, term.getKey().labelKey(), term.getValue());
                }
            }
            grid.add(checks, 1, r);
        };
        layout.run();
        s.onChange(form.kind(), (obs, old, now) -> {
            if (now != null) {
                layout.run();
            }
        });
        return grid;
    }

    private GridPane when() {
        GridPane grid = grid();
        HBox dates = new HBox(8, datePicker(form.dateFrom(), "promo-form-date-from", Field.DATE_FROM),
                dash(), datePicker(form.dateTo(), "promo-form-date-to", Field.DATE_TO));
        dates.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row(grid, 0, "promo.form.dates", dates);
        HBox days = new HBox(8);
        for (DayOfWeek day : DayOfWeek.values()) {
            CheckBox box = check(form.weekday(day), "promo-form-day-" + day.getValue(), weekdayKey(day));
            days.getChildren().add(box);
        }
        row(grid, 1, "promo.form.weekdays", days);
        TextField from = text(form.timeFrom(), "promo-form-time-from", "promo.form.timePrompt");
        TextField to = text(form.timeTo(), "promo-form-time-to", "promo.form.timePrompt");
        from.setPrefColumnCount(5);
        to.setPrefColumnCount(5);
        from.setMinWidth(Region.USE_PREF_SIZE);
        to.setMinWidth(Region.USE_PREF_SIZE);
        fields.put(Field.TIME_FROM, from);
        fields.put(Field.TIME_TO, to);
        Label hoursHint = hint("promo.form.hoursHint");
        hoursHint.setWrapText(true);
        HBox.setHgrow(hoursHint, Priority.ALWAYS);
        HBox hours = new HBox(8, from, dash(), to, hoursHint);
        hours.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row(grid, 2, "promo.form.hours", hours);
        return grid;
    }

    private VBox combination() {
        TextField group = text(form.group(), "promo-form-group", "promo.form.groupPrompt");
        fields.put(Field.GROUP, group);
        TextField priority = text(form.priority(), "promo-form-priority", "promo.form.priorityPrompt");
        priority.setPrefColumnCount(5);
        fields.put(Field.PRIORITY, priority);
        CheckBox exclusive = check(form.exclusive(), "promo-form-exclusive", "promo.form.exclusive");
        GridPane grid = grid();
        row(grid, 0, "promo.form.group", group);
        row(grid, 1, "promo.form.priority", new HBox(16, priority, exclusive));
        VBox box = new VBox(8, section("promo.form.section.combine"), grid);
        shownWhen(box, uses(Field.GROUP));
        return box;
    }

    private DatePicker datePicker(StringProperty value, String id, Field field) {
        DatePicker picker = new DatePicker();
        popups.add(picker);
        picker.setId(id);
        picker.setEditable(true);
        picker.setPrefWidth(170);
        picker.getStyleClass().add("key-field");
        picker.setPromptText(m.get("promo.form.datePrompt"));
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : ISO.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip(), ISO);
                } catch (DateTimeParseException e) {
                    return null; // the form keeps the text; the reader says it is not a date
                }
            }
        });
        picker.setValue(picker.getConverter().fromString(value.get()));
        // the form holds the text as typed (or as the calendar wrote it), so a bad date is said, not lost
        picker.getEditor().textProperty().bindBidirectional(value);
        picker.getEditor().textProperty().addListener(o -> picker.getStyleClass().remove(FIELD_ERROR));
        s.add(() -> picker.getEditor().textProperty().unbindBidirectional(value));
        // a whole date typed becomes the picker's value at once, so the calendar opens on it and Esc keeps it
        picker.getEditor().textProperty().addListener((obs, old, now) -> {
            LocalDate typed = picker.getConverter().fromString(now);
            if (typed != null && !typed.equals(picker.getValue()) || now != null && now.isBlank()
                    && picker.getValue() != null) {
                picker.setValue(typed);
            }
        });
        picker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !ISO.format(now).equals(value.get())) {
                value.set(ISO.format(now));
            }
        });
        fields.put(field, picker);
        return picker;
    }

    private BooleanBinding uses(Field field) {
        return Bindings.createBooleanBinding(() -> form.kind().get() != null
                && PromotionFormReader.fieldsOf(form.kind().get()).contains(field), form.kind());
    }

    private static void shownWhen(Node node, BooleanBinding shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    private TextField text(StringProperty value, String id, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(m.get(promptKey));
        field.getStyleClass().add("key-field");
        field.textProperty().bindBidirectional(value);
        s.add(() -> field.textProperty().unbindBidirectional(value));
        // a field corrected loses its red outline at once (the list under the form stays until the next F12)
        field.textProperty().addListener(o -> field.getStyleClass().remove(FIELD_ERROR));
        return field;
    }

    private CheckBox check(BooleanProperty value, String id, String labelKey) {
        CheckBox box = new CheckBox(m.get(labelKey));
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        s.add(() -> box.selectedProperty().unbindBidirectional(value));
        return box;
    }

    private <T> ComboBox<T> combo(String id, ObservableList<T> items, javafx.beans.property.ObjectProperty<T> value,
                                  java.util.function.Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>(items);
        popups.add(box);
        box.setId(id);
        box.getStyleClass().add("key-field");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        s.add(() -> box.valueProperty().unbindBidirectional(value));
        return box;
    }

    private Button small(String key, Runnable action) {
        Button button = new Button(m.get(key));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private Label section(String key) {
        Label label = new Label(m.get(key));
        label.getStyleClass().add("section-title");
        return label;
    }

    private static Label dash() {
        Label dash = new Label("—");
        dash.setMinWidth(Region.USE_PREF_SIZE);
        return dash;
    }

    private Label hint(String key) {
        Label label = new Label(m.get(key));
        label.getStyleClass().add("hint");
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        return grid;
    }

    private void row(GridPane grid, int row, String labelKey, Node node) {
        Label label = new Label(m.get(labelKey));
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(label, 0, row);
        grid.add(node, 1, row);
        GridPane.setHgrow(node, Priority.ALWAYS);
    }

    /** The kind's name in the bundles ({@code promo.kind.nthPercent}). */
    static String kindKey(PromotionKind kind) {
        return switch (kind) {
            case PERCENT_OFF -> "promo.kind.percentOff";
            case FIXED_PRICE -> "promo.kind.fixedPrice";
            case MEMBER_PRICE -> "promo.kind.memberPrice";
            case N_FOR_PRICE -> "promo.kind.nForPrice";
            case NTH_PERCENT -> "promo.kind.nthPercent";
            case BUY_X_GET_Y -> "promo.kind.buyXGetY";
            case THRESHOLD -> "promo.kind.threshold";
            case BANK_OFFER -> "promo.kind.bankOffer";
        };
    }

    /** What the kind does and how to fill it in, for the manager. */
    static String aboutKey(PromotionKind kind) {
        return switch (kind) {
            case PERCENT_OFF -> "promo.form.about.percentOff";
            case FIXED_PRICE -> "promo.form.about.fixedPrice";
            case MEMBER_PRICE -> "promo.form.about.memberPrice";
            case N_FOR_PRICE -> "promo.form.about.nForPrice";
            case NTH_PERCENT -> "promo.form.about.nthPercent";
            case BUY_X_GET_Y -> "promo.form.about.buyXGetY";
            case THRESHOLD -> "promo.form.about.threshold";
            case BANK_OFFER -> "promo.form.about.bankOffer";
        };
    }

    static String weekdayKey(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "promo.form.day.1";
            case TUESDAY -> "promo.form.day.2";
            case WEDNESDAY -> "promo.form.day.3";
            case THURSDAY -> "promo.form.day.4";
            case FRIDAY -> "promo.form.day.5";
            case SATURDAY -> "promo.form.day.6";
            case SUNDAY -> "promo.form.day.7";
        };
    }
}
