package org.tongpos.app.operators.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.LoginService;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillExtension;

/**
 * Who is at the till. Nobody works the window without a session: the log-in screen shows in place of the till until
 * someone logs in (or {@code login.auto} did), and again when the screen locks, by its key ({@code key.lock},
 * Ctrl+L by default) or after {@code lock.idle-minutes} without a key press or touch (never while logged in
 * automatically: an unattended lane must not lock itself). The status bar shows the operator, and says so when they
 * were logged in automatically. The window puts this extension first, so that nothing else answers keys while the
 * log-in screen shows.
 */
public final class OperatorGate implements TillExtension {

    /** Locks the screen. */
    public static final TillCommand LOCK = new TillCommand("key.lock", "login.lock");

    private static final Logger LOG = LoggerFactory.getLogger(OperatorGate.class);

    private final LoginService login;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Duration idleLock;
    private final Function<KeyCodeCombination, String> keyLabel;
    private final String storeName;
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final LoginViewModel loginViewModel;
    private final Notice firstNotice;
    private final Timeline idleTicker;
    private Subscriptions statusSubscriptions = new Subscriptions();
    private KeyCodeCombination lockKey;
    private Messages messages;
    private Scene scene;
    private Parent behind;
    private LoginView loginView;
    private Instant lastActivity;
    private Runnable onClosed = () -> { };

    /**
     * @param automatic  the session {@code login.auto} started, if any
     * @param firstNotice what the log-in screen says first (why {@code login.auto} did not log in), or null
     * @param idleLock   no input for this long locks the screen; zero for never
     * @param keyLabel   how keys are shown on screen (the till's short form)
     */
    public OperatorGate(LoginService login, TaskRunner tasks, Clock clock, Duration idleLock,
                        KeyCodeCombination lockKey, Function<KeyCodeCombination, String> keyLabel, String storeName,
                        Optional<Session> automatic, Notice firstNotice) {
        this.login = login;
        this.tasks = tasks;
        this.clock = clock;
        this.idleLock = idleLock;
        this.lockKey = lockKey;
        this.keyLabel = keyLabel;
        this.storeName = storeName;
        this.firstNotice = firstNotice;
        this.loginViewModel = new LoginViewModel(login, tasks, clock.getZone(), this::loggedIn);
        automatic.ifPresent(session::set);
        this.lastActivity = clock.instant();
        this.idleTicker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> checkIdle()));
        idleTicker.setCycleCount(Timeline.INDEFINITE);
    }

    /** The operator at the till; null while the log-in or lock screen shows. */
    public ReadOnlyObjectProperty<Session> session() {
        return session;
    }

    /** The session the till's services are called with. */
    public Session current() {
        Session current = session.get();
        if (current == null) {
            throw new IllegalStateException("nobody is logged in");
        }
        return current;
    }

    public LoginViewModel loginViewModel() {
        return loginViewModel;
    }

    /**
     * Takes charge of the window's scene (call once the till is its root): shows the log-in screen when nobody is
     * logged in, and starts watching for idleness.
     */
    public void attach(Scene target, Messages language) {
        this.scene = target;
        this.messages = language;
        EventHandler<Event> activity = e -> lastActivity = clock.instant();
        target.addEventFilter(KeyEvent.KEY_PRESSED, activity);
        target.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        target.addEventFilter(TouchEvent.TOUCH_PRESSED, activity);
        if (session.get() == null) {
            loginViewModel.startLogin(firstNotice);
            showLoginScreen();
        }
        if (!idleLock.isZero()) {
            idleTicker.play();
        }
    }

    /** Locks the screen now: the session ends its turn until someone logs in again. */
    public void lock(boolean idle) {
        Session current = session.get();
        if (current == null || scene == null) {
            return;
        }
        session.set(null);
        tasks.run(() -> {
            login.lock(current, idle);
            return null;
        }, done -> { }, failure -> LOG.error("could not record the lock of the screen", failure));
        loginViewModel.startLocked(current);
        showLoginScreen();
    }

    /**
     * Records the end of the session when the window has closed (database work: call it off the FX thread; the
     * screen is gone, so nothing on it changes).
     */
    public void logOut() {
        Session current = session.get();
        if (current != null) {
            login.logOut(current);
        }
    }

    @Override
    public List<TillCommand> commands() {
        return List.of(LOCK);
    }

    @Override
    public void useKeys(Map<String, KeyCodeCombination> keys) {
        lockKey = keys.getOrDefault(LOCK.settingName(), lockKey);
    }

    @Override
    public List<Node> statusItems(Messages language) {
        this.messages = language;
        statusSubscriptions.cancelAll();
        statusSubscriptions = new Subscriptions();
        Label badge = new Label();
        badge.setId("operator-badge");
        badge.getStyleClass().add("operator-badge");
        Runnable show = () -> {
            Session current = session.get();
            badge.setText(current == null ? "" : OperatorNotices.badge(current).text(language));
            badge.getStyleClass().remove("automatic");
            if (current != null && current.isAutomatic()) {
                badge.getStyleClass().add("automatic");
            }
        };
        show.run();
        statusSubscriptions.onChange(session, (obs, old, now) -> show.run());
        Button lockButton = new Button(language.get("checkout.action.keyed", keyLabel.apply(lockKey),
                language.get("login.lock")));
        lockButton.setId("status-lock");
        lockButton.setFocusTraversable(false);
        lockButton.setOnAction(e -> lock(false));
        List<Node> items = new ArrayList<>();
        items.add(badge);
        items.add(lockButton);
        return items;
    }

    @Override
    public Optional<Boolean> handleKey(KeyEvent event, Scene target, Messages language) {
        if (isShowing()) {
            if (event.getCode() == KeyCode.ESCAPE && loginView != null) {
                loginView.back();
                return Optional.of(true);
            }
            // the till's and the other screens' keys do nothing while nobody is logged in
            return Optional.of(false);
        }
        if (lockKey.match(event)) {
            lock(false);
            return Optional.of(true);
        }
        return Optional.empty();
    }

    @Override
    public boolean isShowing() {
        return behind != null;
    }

    @Override
    public void setOnClosed(Runnable closed) {
        this.onClosed = closed;
    }

    private void showLoginScreen() {
        if (behind == null) {
            behind = scene.getRoot();
        }
        if (loginView != null) {
            loginView.dispose();
        }
        loginView = new LoginView(loginViewModel, messages, storeName);
        loginView.root().getStylesheets().setAll(behind.getStylesheets());
        loginView.root().setStyle(behind.getStyle());
        scene.setRoot(loginView.root());
        loginView.focus();
    }

    private void loggedIn(Session in) {
        session.set(in);
        lastActivity = clock.instant();
        if (behind != null) {
            scene.setRoot(behind);
            behind = null;
            loginView.dispose();
            loginView = null;
            Platform.runLater(onClosed);
        }
    }

    private void checkIdle() {
        Session current = session.get();
        if (current == null || current.isAutomatic() || idleLock.isZero()) {
            return;
        }
        if (!clock.instant().isBefore(lastActivity.plus(idleLock))) {
            LOG.info("no input for {} min: locking the screen", idleLock.toMinutes());
            lock(true);
        }
    }
}
