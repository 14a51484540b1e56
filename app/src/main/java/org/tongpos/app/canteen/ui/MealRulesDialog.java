package org.tongpos.app.canteen.ui;

import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.tongpos.app.canteen.domain.CalendarDay;
import org.tongpos.app.canteen.domain.CanteenSetting;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;

/**
 * The meal-rules screen over the serving line ({@link MealRulesViewModel}): five tabs (meal periods, prices, today's
 * menu, limits, closed days), each a grid of rows edited in place with a box to remove a row and a button to add one;
 * Ctrl+S saves (a manager approves in place when the operator may not), Esc closes. Read-only for an auditor: every
 * field disabled and a banner saying so. Built in code; every text from the bundles.
 */
final class MealRulesDialog {

    /** Saves the rules (also the save button). */
    static final KeyCodeCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final MealRulesViewModel vm;
    private final Messages messages;
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox root;
    private final TabPane tabs = new TabPane();
    private final GridPane periodGrid = grid("rules-periods");
    private final GridPane priceGrid = grid("rules-prices");
    private final GridPane dishGrid = grid("rules-dishes");
    private final GridPane dayGrid = grid("rules-days");
    private final GridPane limitGrid = grid("rules-limits");

    MealRulesDialog(MealRulesViewModel vm, Messages messages, Runnable close) {
        this.vm = vm;
        this.messages = messages;
        Label title = new Label(messages.get("rules.title"));
        title.getStyleClass().add("dialog-title");
        Label readOnly = new Label(messages.get("rules.readOnlyBanner"));
        readOnly.setId("rules-read-only");
        readOnly.getStyleClass().add("serving-read-only");
        readOnly.visibleProperty().bind(vm.readOnly());
        readOnly.managedProperty().bind(vm.readOnly());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(16, title, gap, readOnly);
        head.setAlignment(Pos.CENTER_LEFT);

        tabs.setId("rules-tabs");
        tabs.getStyleClass().add("rules-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setFocusTraversable(false);
        tabs.getTabs().addAll(
                tab("rules-tab-periods", "rules.tab.periods", periodGrid, vm::addPeriod),
                tab("rules-tab-prices", "rules.tab.prices", priceGrid, vm::addPrice),
                tab("rules-tab-menu", "rules.tab.menu", dishGrid, vm::addDish),
                tab("rules-tab-limits", "rules.tab.limits", limitGrid, null),
                tab("rules-tab-days", "rules.tab.days", dayGrid, vm::addDay));
        VBox.setVgrow(tabs, Priority.ALWAYS);

        NoticeLabel notice = new NoticeLabel(vm.notice(), messages, subscriptions).collapsing();
        notice.setId("rules-notice");
        notice.setWrapText(true);
        Label hint = new Label(messages.get("rules.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        Button save = keyed("rules-save", "Ctrl+S", "rules.save", vm::save);
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.readOnly().or(vm.working()));
        Button closeButton = keyed("rules-close", "Esc", "rules.close", close);
        HBox bottom = new HBox(12, hint, save, closeButton);
        bottom.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(12, head, tabs, notice, bottom);
        root.setId("rules-dialog");
        root.getStyleClass().add("rules-dialog");
        root.setPrefSize(1180, 680);

        watch(vm.periods(), this::drawPeriods);
        watch(vm.prices(), this::drawPrices);
        watch(vm.dishes(), this::drawDishes);
        watch(vm.days(), this::drawDays);
        drawLimits();
        drawPeriods();
        drawPrices();
        drawDishes();
        drawDays();
    }

    Region root() {
        return root;
    }

    /** The first field of the open tab, or the tabs when it has none. */
    Node focusTarget() {
        return periodGrid.getChildren().stream().filter(TextField.class::isInstance).filter(n -> !n.isDisabled())
                .findFirst().orElse(tabs);
    }

    TabPane tabs() {
        return tabs;
    }

    /** The dialog's own keys while it shows: Ctrl+S saves. True when the key was used. */
    boolean handleKey(KeyEvent event) {
        if (SAVE.match(event)) {
            vm.save();
            return true;
        }
        return false;
    }

    /** Takes the dialog's listeners off the ViewModel. */
    void dispose() {
        subscriptions.cancelAll();
    }

    private <T> void watch(ObservableList<T> list, Runnable draw) {
        ListChangeListener<T> listener = change -> draw.run();
        list.addListener(listener);
        subscriptions.add(() -> list.removeListener(listener));
    }

    private Tab tab(String id, String titleKey, GridPane grid, Runnable add) {
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("rules-scroll");
        VBox content = new VBox(10, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        if (add != null) {
            Button addButton = new Button(messages.get("rules.add"));
            addButton.setId(id + "-add");
            addButton.getStyleClass().add("rules-add");
            addButton.setFocusTraversable(false);
            addButton.disableProperty().bind(vm.readOnly());
            addButton.setOnAction(e -> add.run());
            content.getChildren().add(addButton);
        }
        content.getStyleClass().add("rules-tab-content");
        Tab tab = new Tab(messages.get(titleKey), content);
        tab.setId(id);
        return tab;
    }

    private void drawPeriods() {
        header(periodGrid, "rules.period.name", "rules.period.window", "rules.period.days", "rules.period.meals",
                "rules.remove");
        int r = 1;
        for (MealRulesViewModel.PeriodRow row : vm.periods()) {
            TextField name = fixedUnlessNew(field("rules-period-name-" + (r - 1), row.name(), 8), row);
            periodGrid.addRow(r, name, field("rules-period-window-" + (r - 1), row.window(), 10),
                    field("rules-period-days-" + (r - 1), row.days(), 8),
                    field("rules-period-meals-" + (r - 1), row.meals(), 4), remove(row, "rules-period-remove-" + (r - 1)));
            r++;
        }
    }

    private void drawPrices() {
        header(priceGrid, "rules.price.period", "rules.price.dinerType", "rules.price.yuan", "rules.price.byDish",
                "rules.remove");
        int r = 1;
        for (MealRulesViewModel.PriceRow row : vm.prices()) {
            TextField period = field("rules-price-period-" + (r - 1), row.period(), 8);
            TextField type = field("rules-price-type-" + (r - 1), row.dinerType(), 10);
            fixedUnlessNew(period, row);
            fixedUnlessNew(type, row);
            TextField yuan = field("rules-price-yuan-" + (r - 1), row.price(), 8);
            yuan.disableProperty().bind(vm.readOnly().or(row.byDish()));
            CheckBox byDish = new CheckBox();
            byDish.setId("rules-price-bydish-" + (r - 1));
            byDish.selectedProperty().bindBidirectional(row.byDish());
            byDish.disableProperty().bind(vm.readOnly());
            priceGrid.addRow(r, period, type, yuan, byDish, remove(row, "rules-price-remove-" + (r - 1)));
            r++;
        }
    }

    private void drawDishes() {
        header(dishGrid, "rules.dish.period", "rules.dish.number", "rules.dish.name", "rules.dish.yuan",
                "rules.remove");
        int r = 1;
        for (MealRulesViewModel.DishRow row : vm.dishes()) {
            TextField period = field("rules-dish-period-" + (r - 1), row.period(), 8);
            TextField number = field("rules-dish-number-" + (r - 1), row.number(), 4);
            fixedUnlessNew(period, row);
            fixedUnlessNew(number, row);
            dishGrid.addRow(r, period, number, field("rules-dish-name-" + (r - 1), row.name(), 14),
                    field("rules-dish-yuan-" + (r - 1), row.price(), 8), remove(row, "rules-dish-remove-" + (r - 1)));
            r++;
        }
    }

    private void drawDays() {
        header(dayGrid, "rules.day.date", "rules.day.kind", "rules.day.note", "rules.remove");
        int r = 1;
        for (MealRulesViewModel.DayRow row : vm.days()) {
            TextField date = field("rules-day-date-" + (r - 1), row.date(), 10);
            fixedUnlessNew(date, row);
            date.setPromptText("2026-10-01");
            ChoiceBox<CalendarDay.Kind> kind = new ChoiceBox<>();
            kind.getItems().setAll(CalendarDay.Kind.values());
            kind.setConverter(new StringConverter<>() {
                @Override
                public String toString(CalendarDay.Kind k) {
                    return k == null ? "" : messages.get("rules.day.kind." + k.name());
                }

                @Override
                public CalendarDay.Kind fromString(String text) {
                    return null;
                }
            });
            kind.valueProperty().bindBidirectional(row.kind());
            kind.setId("rules-day-kind-" + (r - 1));
            kind.getStyleClass().add("rules-choice");
            kind.disableProperty().bind(vm.readOnly());
            dayGrid.addRow(r, date, kind, field("rules-day-note-" + (r - 1), row.note(), 18),
                    remove(row, "rules-day-remove-" + (r - 1)));
            r++;
        }
    }

    private void drawLimits() {
        header(limitGrid, "rules.limit.name", "rules.limit.value", "rules.limit.key");
        int r = 1;
        for (Map.Entry<CanteenSetting, StringProperty> limit : vm.limits().entrySet()) {
            String key = limit.getKey().key();
            Label name = new Label(messages.get("rules.limit." + key));
            name.getStyleClass().add("rules-label");
            Label code = new Label(key);
            code.getStyleClass().add("rules-code");
            limitGrid.addRow(r, name, field("rules-limit-" + key.replace('.', '-'), limit.getValue(), 12), code);
            r++;
        }
    }

    private void header(GridPane grid, String... keys) {
        grid.getChildren().clear();
        for (int i = 0; i < keys.length; i++) {
            Label label = new Label(messages.get(keys[i]));
            label.getStyleClass().add("rules-head");
            grid.add(label, i, 0);
        }
    }

    private TextField field(String id, StringProperty value, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("rules-field");
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        subscriptions.add(() -> field.textProperty().unbindBidirectional(value));
        field.disableProperty().bind(vm.readOnly());
        field.setOnAction(e -> vm.save());
        return field;
    }

    /** A key of a stored row (its period, type, number, date) is shown, not edited: remove the row and add another. */
    private static TextField fixedUnlessNew(TextField field, MealRulesViewModel.Row row) {
        field.setEditable(row.isNew());
        if (!row.isNew()) {
            field.getStyleClass().add("rules-fixed");
            field.setFocusTraversable(false);
        }
        return field;
    }

    private CheckBox remove(MealRulesViewModel.Row row, String id) {
        CheckBox box = new CheckBox();
        box.setId(id);
        box.getStyleClass().add("rules-remove");
        box.selectedProperty().bindBidirectional(row.removed());
        box.disableProperty().bind(vm.readOnly());
        return box;
    }

    private Button keyed(String id, String key, String nameKey, Runnable action) {
        Button button = new Button(messages.get("checkout.action.keyed", key, messages.get(nameKey)));
        button.setId(id);
        button.getStyleClass().add("serving-key");
        button.setFocusTraversable(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static GridPane grid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("rules-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        return grid;
    }
}
