package org.tongpos.app.canteen.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.PriceRule;
import org.tongpos.app.canteen.service.MealTexts;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.ui.Subscriptions;

/**
 * The serving line drawn for a glance from two metres: a bar with the meal period, its prices and the counts; one
 * big panel with the last diner's outcome (green: who, what was charged to subsidy and balance, what is left; red:
 * why not); the last diners at the side; and at the bottom the field for dish numbers or a guest approval and the
 * keys, each with its key on the button. Built in code; every text from the bundles.
 */
public final class ServingLineView {

    /** The keys of the screen's commands as shown on its buttons. */
    public record KeyLabels(String guest, String walkIn, String till, String manual, String refund, String rules) {
    }

    /** The order of diner types in the header: the most common first; other types after them, by name. */
    private static final List<String> TYPE_ORDER = List.of("STAFF", "RETIREE", "STUDENT", "INTERN", "GUEST",
            "WALK_IN");

    private final ServingLineViewModel vm;
    private final Messages messages;
    private final Supplier<Optional<Session>> session;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();
    private final VBox panel = new VBox();
    private final Label verdict = label("serving-verdict");
    private final Label who = label("serving-who");
    private final Label charged = label("serving-charged");
    private final Label after = label("serving-after");
    private final Label detail = label("serving-detail");
    private final Label period = label("serving-period");
    private final Label prices = label("serving-prices");
    private final Label menu = label("serving-menu");
    private final Label picked = label("serving-picked");
    private final Label counts = label("serving-counts");
    private final Label operator = label("serving-operator");
    private final Label readOnlyBanner = label("serving-read-only");
    private final Label inputLabel = label("serving-input-label");
    private final Label manualCount = label("serving-manual-count");
    private final TextField input = new TextField();
    private final VBox recentRows = new VBox();
    private boolean guestMode;
    private Runnable onGuest = () -> { };
    private Runnable onWalkIn = () -> { };
    private Runnable onTill = () -> { };
    private Runnable onManual = () -> { };
    private Runnable onRefund = () -> { };
    private Runnable onRules = () -> { };

    public ServingLineView(ServingLineViewModel vm, Messages messages, KeyLabels keys,
                           Supplier<Optional<Session>> session) {
        this.vm = vm;
        this.messages = messages;
        this.session = session;
        root.setId("serving-line");
        root.getStyleClass().add("serving-root");
        root.getStylesheets().add(ServingLineView.class.getResource("serving.css").toExternalForm());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        menu.managedProperty().bind(menu.visibleProperty());
        picked.managedProperty().bind(picked.visibleProperty());
        VBox periodBox = new VBox(period, prices, menu, picked);
        periodBox.getStyleClass().add("serving-period-box");
        manualCount.managedProperty().bind(manualCount.visibleProperty());
        VBox countBox = new VBox(counts, manualCount, operator);
        countBox.setAlignment(Pos.CENTER_RIGHT);
        counts.setMinWidth(Region.USE_PREF_SIZE); // the period's count stays whole; the price list gives way
        HBox top = new HBox(16, periodBox, spacer, countBox);
        top.getStyleClass().add("serving-top");
        top.setAlignment(Pos.CENTER_LEFT);
        root.setTop(top);

        for (Label line : List.of(verdict, who, charged, after, detail)) {
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            line.setAlignment(Pos.CENTER);
        }
        panel.getChildren().addAll(verdict, who, charged, after, detail);
        panel.setId("serving-result");
        panel.getStyleClass().add("serving-result");
        panel.setAlignment(Pos.CENTER);
        panel.setFillWidth(true);
        root.setCenter(panel);

        Label recentTitle = new Label(messages.get("serving.recent"));
        recentTitle.getStyleClass().add("serving-recent-title");
        VBox recent = new VBox(6, recentTitle, recentRows);
        recent.setId("serving-recent");
        recent.getStyleClass().add("serving-recent");
        root.setRight(recent);

        input.setId("serving-input");
        input.getStyleClass().add("serving-input");
        input.setPrefColumnCount(10);
        input.textProperty().addListener((obs, old, now) -> {
            if (!guestMode) {
                vm.dishes().set(now);
            }
        });
        subscriptions.onChange(vm.dishes(), (obs, old, now) -> {
            if (!guestMode && !now.equals(input.getText())) {
                input.setText(now);
            }
            drawPicked();
        });
        input.setOnAction(e -> {
            if (guestMode) {
                String id = input.getText();
                leaveGuestMode();
                vm.guest(id);
            }
        });
        Button guest = button("serving-guest", keys.guest(), "serving.key.guest", () -> onGuest.run());
        Button walkIn = button("serving-walk-in", keys.walkIn(), "serving.key.walkIn", () -> onWalkIn.run());
        Button till = button("serving-till", keys.till(), "serving.key.till", () -> onTill.run());
        Button manual = button("serving-manual", keys.manual(), "serving.key.manual", () -> onManual.run());
        Button refund = button("serving-refund", keys.refund(), "serving.key.refund", () -> onRefund.run());
        Button rules = button("serving-rules", keys.rules(), "serving.key.rules", () -> onRules.run());
        org.tongpos.app.ui.NoticeLabel notice = new org.tongpos.app.ui.NoticeLabel(vm.notice(), messages,
                subscriptions).collapsing();
        notice.setId("serving-notice");
        // the keys keep their whole labels and wrap onto a second row on a narrow screen rather than lose their names
        FlowPane keyButtons = new FlowPane(12, 8, manual, refund, guest, walkIn, rules, till);
        keyButtons.setAlignment(Pos.CENTER_RIGHT);
        keyButtons.getChildren().forEach(b -> ((Region) b).setMinWidth(Region.USE_PREF_SIZE));
        HBox inputs = new HBox(12, readOnlyBanner, inputLabel, input, notice);
        inputs.setAlignment(Pos.CENTER_LEFT);
        inputs.setMinWidth(Region.USE_PREF_SIZE);
        BorderPane bottom = new BorderPane(keyButtons, null, null, null, inputs);
        BorderPane.setMargin(keyButtons, new javafx.geometry.Insets(0, 0, 0, 12));
        bottom.getStyleClass().add("serving-bottom");
        BorderPane.setAlignment(inputs, Pos.CENTER_LEFT);
        root.setBottom(bottom);
        readOnlyBanner.setText(messages.get("serving.readOnlyBanner"));
        readOnlyBanner.managedProperty().bind(readOnlyBanner.visibleProperty());

        subscriptions.onChange(vm.result(), (obs, old, now) -> drawResult());
        subscriptions.onChange(vm.header(), (obs, old, now) -> drawHeader());
        subscriptions.onChange(vm.readOnly(), (obs, old, now) -> drawHeader());
        ListChangeListener<ServingResult> recentChanged = change -> drawRecent();
        vm.recent().addListener(recentChanged);
        subscriptions.add(() -> vm.recent().removeListener(recentChanged));
        leaveGuestMode();
        drawHeader();
        drawResult();
        drawRecent();
    }

    public BorderPane root() {
        return root;
    }

    /** The field the keyboard types into (dish numbers, or a guest approval after the guest key). */
    public TextField input() {
        return input;
    }

    public void setOnGuest(Runnable action) {
        onGuest = action;
    }

    public void setOnWalkIn(Runnable action) {
        onWalkIn = action;
    }

    public void setOnTill(Runnable action) {
        onTill = action;
    }

    public void setOnManual(Runnable action) {
        onManual = action;
    }

    public void setOnRefund(Runnable action) {
        onRefund = action;
    }

    /** The meal-rules key (Ctrl+E): the meal-rules screen. */
    public void setOnRules(Runnable action) {
        onRules = action;
    }

    /** The guest key: the field now takes an approval number, Enter serves one guest against it. */
    public void enterGuestMode() {
        guestMode = true;
        input.clear();
        inputLabel.setText(messages.get("serving.input.guest"));
        input.setPromptText("G000001");
        input.requestFocus();
    }

    /** Back to dish numbers (Esc, or after a guest was served). */
    public void leaveGuestMode() {
        guestMode = false;
        input.setText(vm.dishes().get());
        inputLabel.setText(messages.get("serving.input.dishes"));
        input.setPromptText(messages.get("serving.input.dishesPrompt"));
    }

    public boolean inGuestMode() {
        return guestMode;
    }

    /** Draws the header again (after log-in: who is at the line). */
    public void drawHeader() {
        ServingLineViewModel.Header h = vm.header().get();
        period.setText(h.period().map(p -> messages.get("serving.period", p.name(), p.window()))
                .orElse(messages.get("serving.noPeriod")));
        StringBuilder list = new StringBuilder();
        List<PriceRule> sorted = h.prices().stream().sorted(java.util.Comparator.comparingInt(
                (PriceRule p) -> TYPE_ORDER.indexOf(p.dinerType()) < 0 ? TYPE_ORDER.size()
                        : TYPE_ORDER.indexOf(p.dinerType())).thenComparing(PriceRule::dinerType)).toList();
        for (PriceRule price : sorted) {
            if (list.length() > 0) {
                list.append("   ");
            }
            String type = dinerType(price.dinerType());
            list.append(price.byDish() ? messages.get("serving.price.byDish", type)
                    : messages.get("serving.price.fixed", type, price.fixed().orElseThrow().toYuanString()));
        }
        prices.setText(list.toString());
        StringBuilder dishes = new StringBuilder();
        for (org.tongpos.app.canteen.domain.Dish dish : h.menu()) {
            dishes.append(dishes.length() == 0 ? "" : "   ").append(messages.get("serving.menu.dish", dish.number(),
                    dish.name(), dish.price().toYuanString()));
        }
        menu.setText(dishes.length() == 0 ? "" : messages.get("serving.menu", dishes.toString()));
        menu.setVisible(!h.menu().isEmpty());
        drawPicked();
        counts.setText(messages.get("serving.counts", h.servedInPeriod(), h.servedToday()));
        manualCount.setText(messages.get("serving.manual.count", h.manualToday()));
        manualCount.setVisible(vm.seesManualCount());
        operator.setText(session.get().map(s -> OperatorNotices.badge(s).text(messages)).orElse(""));
        readOnlyBanner.setVisible(vm.readOnly().get());
    }

    /** The dishes the typed numbers pick, with their sum, or the numbers not on the menu. */
    private void drawPicked() {
        Optional<ServingLineViewModel.Picked> p = vm.picked();
        if (p.isEmpty() || vm.header().get().menu().isEmpty()) {
            picked.setVisible(false);
            return;
        }
        picked.setVisible(true);
        picked.getStyleClass().remove("serving-picked-unknown");
        if (!p.get().unknown().isEmpty()) {
            picked.getStyleClass().add("serving-picked-unknown");
            picked.setText(messages.get("serving.picked.unknown", p.get().unknown().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(" "))));
            return;
        }
        picked.setText(messages.get("serving.picked", p.get().dishes().stream()
                .map(org.tongpos.app.canteen.domain.Dish::name).collect(java.util.stream.Collectors.joining(" + ")),
                p.get().total().toYuanString()));
    }

    private void drawResult() {
        ServingResult r = vm.result().get();
        panel.getStyleClass().removeAll("serving-idle", "serving-served", "serving-refused");
        if (r == null) {
            panel.getStyleClass().add("serving-idle");
            verdict.setText(messages.get("serving.waiting"));
            who.setText(messages.get("serving.waitingHint"));
            charged.setText("");
            after.setText("");
            detail.setText("");
            return;
        }
        String how = messages.get("serving.by." + r.by().name());
        String whoText = r.diner().map(this::whoText).orElse("");
        if (r.served().isPresent()) {
            MealDecision.Served s = r.served().get();
            panel.getStyleClass().add("serving-served");
            verdict.setText(messages.get("serving.served", s.price().toYuanString()));
            who.setText(whoText.isEmpty() ? messages.get("serving.cashDiner") : whoText);
            charged.setText(chargedText(s));
            after.setText(afterText(s));
            detail.setText(messages.get("serving.detail", s.period(), s.nth(), how, r.at().toString(),
                    String.valueOf(r.seq())));
            return;
        }
        panel.getStyleClass().add("serving-refused");
        verdict.setText(r.reason().map(reason -> messages.get("serving.short." + reason.name()))
                .orElseGet(() -> r.problem().map(p -> p.text(messages)).orElse("")));
        who.setText(whoText);
        charged.setText(r.refused().map(refused -> MealTexts.refusal(messages, refused)).orElse(""));
        after.setText(r.diner().map(d -> messages.get("serving.notChargedBalances", d.subsidy().toYuanString(),
                d.balance().toYuanString())).orElse(messages.get("serving.notCharged")));
        detail.setText(messages.get("serving.refusedDetail", how, r.at().toString(),
                r.reason().map(Enum::name).orElse("-")));
    }

    /** A diner type in the screen's language when the bundles name it ({@code serving.type.STAFF}), else its code. */
    private String dinerType(String code) {
        String key = "serving.type." + code;
        return messages.bundle().containsKey(key) ? messages.bundle().getString(key) : code;
    }

    private String whoText(DinerAccount d) {
        return d.department().isEmpty() ? d.name() : messages.get("serving.who", d.name(), d.department());
    }

    private String chargedText(MealDecision.Served s) {
        StringBuilder text = new StringBuilder();
        appendPart(text, "serving.part.subsidy", s.split().subsidy());
        appendPart(text, "serving.part.balance", s.split().balance());
        appendPart(text, "serving.part.cash", s.split().cash());
        return text.toString();
    }

    private void appendPart(StringBuilder text, String key, Money part) {
        if (part.isPositive()) {
            if (text.length() > 0) {
                text.append("  +  ");
            }
            text.append(messages.get(key, part.toYuanString()));
        }
    }

    private String afterText(MealDecision.Served s) {
        if (s.subsidyAfter().isEmpty() || s.balanceAfter().isEmpty()) {
            return "";
        }
        return messages.get("serving.left", s.subsidyAfter().get().toYuanString(),
                s.balanceAfter().get().toYuanString());
    }

    private void drawRecent() {
        recentRows.getChildren().clear();
        for (ServingResult r : vm.recent()) {
            String name = r.diner().map(DinerAccount::name).filter(n -> !n.isEmpty())
                    .orElse(messages.get("serving.by." + r.by().name()));
            String what = r.served().map(s -> "¥" + s.price().toYuanString())
                    .orElseGet(() -> r.reason().map(reason -> messages.get("serving.short." + reason.name()))
                            .orElse(messages.get("serving.short.problem")));
            Label row = new Label(messages.get(r.isServed() ? "serving.recent.served" : "serving.recent.refused",
                    r.at().toString(), name, what));
            row.getStyleClass().addAll("serving-recent-row", r.isServed() ? "served" : "refused");
            row.setMaxWidth(Double.MAX_VALUE);
            recentRows.getChildren().add(row);
        }
    }

    private Button button(String id, String key, String nameKey, Runnable action) {
        Button button = new Button(messages.get("checkout.action.keyed", key, messages.get(nameKey)));
        button.setId(id);
        button.getStyleClass().add("serving-key");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(id);
        return label;
    }

    /** Takes the view's listeners off the ViewModel. */
    public void dispose() {
        subscriptions.cancelAll();
    }
}
