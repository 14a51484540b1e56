package org.tongpos.app.bank.ui;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.tongpos.app.bank.service.BankConnection;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.Alerts;
import org.tongpos.app.ui.FxTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillExtension;

/**
 * What the cashier window gets from the bank feature: the status bar's bank indicator, and the sync and
 * reconciliation screen on one key (the setting {@code key.bank}, F9 by default), shown in place of the till until
 * Esc. Bank work runs on a task runner of its own, so a long day close never delays a sale being saved.
 */
public final class BankScreens implements TillExtension {

    /** The command that opens (and closes) the sync and reconciliation screen, with the setting of its key. */
    public static final TillCommand COMMAND = new TillCommand(SettingKey.KEY_BANK.key(), "bank.screen.title");
    private static final Duration INDICATOR_REFRESH = Duration.seconds(5);

    private final BankConnection bank;
    private final TaskRunner tasks;
    private final Clock clock;
    private final BankIndicatorViewModel indicator;
    private final Timeline indicatorTicker;
    private Scene scene;
    private Label shownIndicator;
    private Messages shownMessages;
    private Parent till;
    private Runnable onClosed = () -> { };
    private KeyCodeCombination key;

    /** @param key the key that opens the screen (the setting {@code key.bank}; {@link #useKeys} changes it) */
    public BankScreens(BankConnection bank, TaskRunner tasks, Clock clock, KeyCodeCombination key) {
        this.bank = bank;
        this.tasks = tasks;
        this.clock = clock;
        this.key = key;
        this.indicator = new BankIndicatorViewModel(bank, tasks, KeyBindings.label(key));
        indicator.addAlertListener(this::alert);
        this.indicatorTicker = new Timeline(new KeyFrame(INDICATOR_REFRESH, e -> refreshWhileShown()));
        indicatorTicker.setCycleCount(Timeline.INDEFINITE);
    }

    /**
     * The extension for a cashier window: starts the terminal's background sync (resolving open payment intents
     * first; nothing happens when the bank is not configured) and gives bank work a task runner of its own.
     */
    public static BankScreens startFor(BankConnection bank, Clock clock, KeyCodeCombination key) {
        bank.startBackground();
        return new BankScreens(bank, new FxTaskRunner(), clock, key);
    }

    @Override
    public List<TillCommand> commands() {
        return List.of(COMMAND);
    }

    @Override
    public void useKeys(Map<String, KeyCodeCombination> keys) {
        KeyCodeCombination bound = keys.get(COMMAND.settingName());
        if (bound != null) {
            key = bound;
            indicator.useKeyLabel(KeyBindings.label(bound));
        }
    }

    /** The key that opens the screen now. */
    public KeyCodeCombination key() {
        return key;
    }

    /** The status bar's bank indicator in the given language; it refreshes itself every few seconds. */
    @Override
    public List<Node> statusItems(Messages messages) {
        return List.of(indicator(messages));
    }

    /** The indicator label alone. */
    public Label indicator(Messages messages) {
        Label label = new NoticeLabel(indicator.text(), messages);
        label.setId("bank-indicator");
        label.setMaxWidth(Label.USE_PREF_SIZE);
        shownIndicator = label;
        shownMessages = messages;
        indicator.refresh();
        indicatorTicker.play();
        return label;
    }

    public BankIndicatorViewModel indicatorViewModel() {
        return indicator;
    }

    /** Called after the screen closes and the till is back (the window puts the focus back on scanning). */
    @Override
    public void setOnClosed(Runnable onClosed) {
        this.onClosed = onClosed;
    }

    @Override
    public boolean isShowing() {
        return till != null;
    }

    /**
     * Offers a key press to the bank screens: while the screen is open every command key belongs to it (Esc or its
     * key close it); on the till, its key opens it. Empty when the till should handle the key.
     */
    @Override
    public Optional<Boolean> handleKey(KeyEvent event, Scene target, Messages messages) {
        return TillExtension.screenKey(event, key, isShowing(), this::close, () -> open(target, messages));
    }

    /** Shows the sync and reconciliation screen in place of the till. */
    public SyncScreenViewModel open(Scene target, Messages messages) {
        SyncScreenViewModel vm = new SyncScreenViewModel(bank, tasks, clock);
        SyncScreenView view = new SyncScreenView(vm, messages, clock.getZone(), this::close);
        scene = target;
        till = target.getRoot();
        target.setRoot(view.root());
        if (!vm.isOffline()) {
            vm.refresh();
        }
        return vm;
    }

    /** Pops up what the indicator says the cashier should know now, over the window the indicator is in. */
    private void alert(Notice notice) {
        if (shownMessages != null) {
            Alerts.show(shownIndicator, shownMessages.get("bank.alert.title"), notice.text(shownMessages),
                    notice.isError());
        }
    }

    /** The indicator refreshes only while it is on a window that shows; it stops once its window is gone. */
    private void refreshWhileShown() {
        Label label = shownIndicator;
        boolean shown = label != null && label.getScene() != null && label.getScene().getWindow() != null
                && label.getScene().getWindow().isShowing();
        if (shown || isShowing()) {
            indicator.refresh();
        } else if (label != null && label.getScene() == null && !isShowing()) {
            indicatorTicker.stop();
        }
    }

    /** Returns to the till. */
    public void close() {
        if (till == null) {
            return;
        }
        scene.setRoot(till);
        till = null;
        indicator.refresh();
        Platform.runLater(onClosed);
    }
}
