package org.tongpos.app.canteen.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.devices.service.Devices;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.SceneOverlay;
import org.tongpos.app.ui.TillExtension;
import org.tongpos.hardware.card.CardEvent;
import org.tongpos.hardware.face.FaceEvent;

/**
 * The canteen's serving line in the cashier window ({@code terminal.mode canteen}): it takes the till's place as
 * soon as the window is drawn, so that logging in, the device screen and the bank screen all return to it. While it
 * is in front, scans (keyboard wedge or serial scanner) go to it instead of the sale, and so do the meal card reader's
 * cards and the face terminal's recognitions. Keys: the guest key ({@code key.guest}, Ctrl+G) takes a guest approval
 * number, the walk-in key ({@code key.walk-in}, Ctrl+W) serves a cash walk-in, the serving key ({@code key.serving},
 * Ctrl+F11) switches between the serving line and the till, the meal-rules key ({@code key.meal-rules}, Ctrl+E)
 * opens the meal-rules screen ({@link MealRulesDialog}), Esc clears what was typed.
 */
public final class ServingLine implements TillExtension {

    public static final TillCommand GUEST = new TillCommand(SettingKey.KEY_GUEST.key(), "serving.key.guest");
    public static final TillCommand WALK_IN = new TillCommand(SettingKey.KEY_WALK_IN.key(), "serving.key.walkIn");
    public static final TillCommand SWITCH = new TillCommand(SettingKey.KEY_SERVING.key(), "serving.key.switch");
    /** A diner picked by hand after a search, with a reason: the till's search key (F2). */
    public static final TillCommand MANUAL = new TillCommand(SettingKey.KEY_SEARCH.key(), "serving.key.manual");
    /** A meal refund: the till's return key (F1). */
    public static final TillCommand REFUND = new TillCommand(SettingKey.KEY_RETURN.key(), "serving.key.refund");
    /** The meal-rules screen ({@code key.meal-rules}, Ctrl+E): periods, prices, menu, limits, closed days. */
    public static final TillCommand RULES = new TillCommand(SettingKey.KEY_MEAL_RULES.key(), "serving.key.rules");

    private static final Logger LOG = LoggerFactory.getLogger(ServingLine.class);

    private final ServingLineViewModel vm;
    private final Supplier<Optional<Session>> session;
    private final ServingSounds sounds;
    private final Timeline refresher;
    private KeyCodeCombination guestKey;
    private KeyCodeCombination walkInKey;
    private KeyCodeCombination switchKey;
    private KeyCodeCombination manualKey = new KeyCodeCombination(KeyCode.F2);
    private KeyCodeCombination refundKey = new KeyCodeCombination(KeyCode.F1);
    private KeyCodeCombination rulesKey = new KeyCodeCombination(KeyCode.E, KeyCodeCombination.SHORTCUT_DOWN);
    private final SceneOverlay overlay = new SceneOverlay();
    private Messages messages;
    /** The dialog in front (manual identification or refund); null when none. */
    private Dialog dialog;
    /** The meal-rules screen set aside while the approval prompt shows; it comes back when the prompt closes. */
    private Dialog setAside;
    private Scene scene;
    private Parent tillRoot;
    private ServingLineView view;
    private boolean inFront = true;
    private Runnable onClosed = () -> { };

    /**
     * @param session who is at the line, if anyone (for the header)
     * @param keys    the keys of {@link #GUEST}, {@link #WALK_IN} and {@link #SWITCH} by setting name
     */
    public ServingLine(ServingLineViewModel vm, Supplier<Optional<Session>> session, ServingSounds sounds,
                       Map<String, KeyCodeCombination> keys) {
        this.vm = vm;
        this.session = session;
        this.sounds = sounds;
        useKeys(keys);
        Objects.requireNonNull(guestKey, "no key for " + GUEST);
        vm.addResultListener(() -> {
            if (vm.result().get() != null && vm.result().get().isServed()) {
                sounds.served();
            } else {
                sounds.refused();
            }
        });
        refresher = new Timeline(new KeyFrame(javafx.util.Duration.seconds(30), e -> {
            if (isShowing() && scene.getWindow() != null && scene.getWindow().isShowing()) {
                vm.refresh();
            }
        }));
        refresher.setCycleCount(Timeline.INDEFINITE);
    }

    /**
     * Feeds the terminal's meal card reader and face terminal to the line (on the FX thread through {@code uiThread}),
     * only while the line is in front.
     */
    public void listenTo(Devices devices, Executor uiThread) {
        devices.addCardListener(event -> uiThread.execute(() -> cardEvent(event)));
        devices.addFaceListener(event -> uiThread.execute(() -> faceEvent(event)));
    }

    /** A card reader's event (on the FX thread): a meal card's UID is a meal asked for. */
    public void cardEvent(CardEvent event) {
        if (!isShowing()) {
            LOG.debug("card event while the serving line is not in front: {}", event);
            return;
        }
        if (event instanceof CardEvent.Inserted inserted) {
            inserted.card().uid().ifPresentOrElse(vm::card, vm::cardUnreadable);
        } else if (event instanceof CardEvent.Unreadable) {
            vm.cardUnreadable();
        }
    }

    /** A face terminal's event (on the FX thread): a recognised person is a meal asked for. */
    public void faceEvent(FaceEvent event) {
        if (!isShowing()) {
            return;
        }
        if (event instanceof FaceEvent.PersonRecognised person) {
            vm.face(person.employeeNo());
        } else {
            LOG.warn("face terminal event skipped: {}", event);
        }
    }

    public ServingLineViewModel viewModel() {
        return vm;
    }

    public ServingLineView view() {
        return view;
    }

    @Override
    public List<TillCommand> commands() {
        return List.of(GUEST, WALK_IN, SWITCH, RULES);
    }

    @Override
    public void useKeys(Map<String, KeyCodeCombination> keys) {
        guestKey = keys.getOrDefault(GUEST.settingName(), guestKey);
        walkInKey = keys.getOrDefault(WALK_IN.settingName(), walkInKey);
        switchKey = keys.getOrDefault(SWITCH.settingName(), switchKey);
        manualKey = keys.getOrDefault(MANUAL.settingName(), manualKey);
        refundKey = keys.getOrDefault(REFUND.settingName(), refundKey);
        rulesKey = keys.getOrDefault(RULES.settingName(), rulesKey);
    }

    @Override
    public void tillDrawn(Scene target, Messages messages) {
        boolean first = scene == null;
        this.messages = messages;
        scene = target;
        tillRoot = target.getRoot();
        if (view != null) {
            view.dispose();
        }
        view = new ServingLineView(vm, messages, new ServingLineView.KeyLabels(KeyBindings.label(guestKey),
                KeyBindings.label(walkInKey), KeyBindings.label(switchKey), KeyBindings.label(manualKey),
                KeyBindings.label(refundKey), KeyBindings.label(rulesKey)), session);
        view.setOnManual(this::openManual);
        view.setOnRefund(this::openRefund);
        view.setOnRules(this::openRules);
        view.root().getStylesheets().addAll(0, tillRoot.getStylesheets());
        view.root().setStyle(tillRoot.getStyle());
        view.setOnGuest(view::enterGuestMode);
        view.setOnWalkIn(vm::walkIn);
        view.setOnTill(this::toTill);
        if (first) {
            target.rootProperty().addListener((obs, old, now) -> {
                if (view != null && now == view.root()) {
                    shown();
                }
            });
            refresher.play();
            if (vm.approvals() != null) {
                vm.approvals().request().addListener((obs, old, now) -> approvalChanged(now != null));
            }
            target.windowProperty().addListener((obs, old, now) -> {
                if (now == null) {
                    refresher.stop();
                }
            });
        }
        if (inFront) {
            target.setRoot(view.root());
        }
    }

    private void shown() {
        vm.refresh();
        view.drawHeader();
        Platform.runLater(() -> view.input().requestFocus());
    }

    @Override
    public boolean takeScan(String code) {
        if (!isShowing()) {
            return false;
        }
        if (overlay.isShowing()) {
            if (vm.approvals() != null && vm.approvals().isAsking()) {
                vm.approvals().refuseScan();
            }
            return true;
        }
        vm.scanned(code);
        return true;
    }

    /** A dialog over the line: its root, the field that takes the keyboard, and how Up/Down move its list. */
    private record Dialog(javafx.scene.layout.Region root, javafx.scene.Node focus,
                          javafx.scene.control.ListView<?> list, Runnable dispose,
                          java.util.function.Predicate<KeyEvent> keys) {
        Dialog(javafx.scene.layout.Region root, javafx.scene.Node focus, javafx.scene.control.ListView<?> list,
               Runnable dispose) {
            this(root, focus, list, dispose, null);
        }
    }

    /** The manual identification (the search key): search, pick with Up/Down, a reason, Enter. */
    private void openManual() {
        if (!isShowing() || overlay.isShowing()) {
            return;
        }
        vm.matches().clear();
        vm.clearNotice();
        ManualDialog manual = new ManualDialog(vm, messages, this::closeDialog);
        dialog = new Dialog(manual.root(), manual.focusTarget(), manual.list(), manual::dispose);
        overlay.show(scene, dialog.root(), dialog.focus());
    }

    /** The meal refund (the return key): pick a meal served on this line, a reason, Enter. */
    private void openRefund() {
        if (!isShowing() || overlay.isShowing()) {
            return;
        }
        vm.clearNotice();
        RefundDialog refund = new RefundDialog(vm, messages, this::closeDialog);
        dialog = new Dialog(refund.root(), refund.focusTarget(), refund.list(), refund::dispose);
        overlay.show(scene, dialog.root(), dialog.focus());
    }

    /**
     * The meal-rules screen (the meal-rules key): every operator may look; saving asks a manager's PIN in place when
     * the operator may not change the rules; an auditor sees it read-only.
     */
    private void openRules() {
        if (!isShowing() || overlay.isShowing()) {
            return;
        }
        MealRulesViewModel rules = vm.mealRules();
        MealRulesDialog screen = new MealRulesDialog(rules, messages, this::closeDialog);
        dialog = new Dialog(screen.root(), screen.focusTarget(), null, screen::dispose, screen::handleKey);
        rules.load();
        overlay.show(scene, dialog.root(), screen.focusTarget());
    }

    /** The meal-rules screen in front, if it is (for tests and the screenshot). */
    public Optional<javafx.scene.layout.Region> rulesScreen() {
        return Optional.ofNullable(dialog).filter(d -> d.keys() != null).map(Dialog::root);
    }

    private void closeDialog() {
        disposeDialog();
        vm.clearNotice();
        if (vm.approvals() != null && vm.approvals().isAsking()) {
            return; // the approval prompt took the dialog's place; it closes the overlay when it is done
        }
        overlay.hide();
        if (view != null) {
            Platform.runLater(() -> view.input().requestFocus());
        }
    }

    private void disposeDialog() {
        if (dialog != null) {
            dialog.dispose().run();
            dialog = null;
        }
    }

    /** The approval prompt opened or closed: it takes the dialog's place over the line. */
    private void approvalChanged(boolean asking) {
        if (scene == null || view == null) {
            return;
        }
        if (asking) {
            if (dialog != null && dialog.keys() != null) {
                setAside = dialog;
                dialog = null;
            }
            disposeDialog();
            org.tongpos.app.ui.Subscriptions subscriptions = new org.tongpos.app.ui.Subscriptions();
            org.tongpos.app.operators.ui.ApprovalDialog prompt = new org.tongpos.app.operators.ui.ApprovalDialog(
                    vm.approvals(), messages, "Esc", subscriptions);
            overlay.show(overlay.isShowing() ? overlay.scene() : scene, prompt.root(), prompt.focusTarget());
        } else if (overlay.isShowing() && dialog == null && setAside != null) {
            dialog = setAside;
            setAside = null;
            overlay.show(overlay.scene(), dialog.root(), dialog.focus());
        } else if (overlay.isShowing() && dialog == null) {
            closeDialog();
        }
    }

    @Override
    public Optional<Boolean> handleKey(KeyEvent event, Scene target, Messages messages) {
        if (view == null) {
            return Optional.empty();
        }
        if (overlay.isShowing() && overlay.scene() == target) {
            if (event.getCode() == KeyCode.ESCAPE) {
                if (vm.approvals() != null && vm.approvals().isAsking()) {
                    vm.approvals().cancel();
                } else {
                    closeDialog();
                }
                return Optional.of(true);
            }
            if (dialog != null && dialog.keys() != null && dialog.keys().test(event)) {
                return Optional.of(true);
            }
            if (dialog != null && dialog.list() != null
                    && (event.getCode() == KeyCode.UP || event.getCode() == KeyCode.DOWN)) {
                int at = dialog.list().getSelectionModel().getSelectedIndex()
                        + (event.getCode() == KeyCode.UP ? -1 : 1);
                if (at >= 0 && at < dialog.list().getItems().size()) {
                    dialog.list().getSelectionModel().select(at);
                }
                return Optional.of(true);
            }
            return Optional.of(false);
        }
        if (!isShowing()) {
            if (switchKey.match(event) && target.getRoot() == tillRoot) {
                inFront = true;
                target.setRoot(view.root());
                return Optional.of(true);
            }
            return Optional.empty();
        }
        if (manualKey.match(event)) {
            openManual();
        } else if (refundKey.match(event)) {
            openRefund();
        } else if (rulesKey.match(event)) {
            openRules();
        } else if (guestKey.match(event)) {
            view.enterGuestMode();
        } else if (walkInKey.match(event)) {
            vm.walkIn();
        } else if (switchKey.match(event)) {
            toTill();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            view.leaveGuestMode();
            vm.dishes().set("");
            view.input().clear();
        } else {
            return Optional.of(false);
        }
        return Optional.of(true);
    }

    private void toTill() {
        if (isShowing()) {
            inFront = false;
            scene.setRoot(tillRoot);
            onClosed.run();
        }
    }

    @Override
    public boolean isShowing() {
        return scene != null && view != null
                && (scene.getRoot() == view.root() || overlay.isShowing() && overlay.scene() == scene);
    }

    @Override
    public void setOnClosed(Runnable closed) {
        this.onClosed = closed;
    }
}
