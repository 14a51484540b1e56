package org.tongpos.app.operators.ui;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.OperatorRules;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.LoginResult;
import org.tongpos.app.operators.service.LoginService;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The PIN pad screen: log-in at the start of a shift, the lock screen, and the forced change of a PIN that must be
 * changed (the first manager's). Number and PIN are checked off the FX thread; once someone is in,
 * {@code onLoggedIn} gets the session.
 */
public final class LoginViewModel {

    /** What the screen asks for. */
    public enum Stage {
        /** Number and PIN. */
        LOGIN,
        /** A new PIN, twice, after a PIN that must be changed. */
        CHANGE_PIN
    }

    private final LoginService login;
    private final TaskRunner tasks;
    private final ZoneId zone;
    private final Consumer<Session> onLoggedIn;
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.LOGIN);
    private final ObjectProperty<Session> locked = new SimpleObjectProperty<>();
    private final ObjectProperty<Operator> changing = new SimpleObjectProperty<>();
    private final StringProperty operatorNumber = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty newPin = new SimpleStringProperty("");
    private final StringProperty repeatPin = new SimpleStringProperty("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    /** The PIN that must be changed, held between the two steps of a forced change only. */
    private char[] currentPin;

    public LoginViewModel(LoginService login, TaskRunner tasks, ZoneId zone, Consumer<Session> onLoggedIn) {
        this.login = login;
        this.tasks = tasks;
        this.zone = zone;
        this.onLoggedIn = onLoggedIn;
    }

    /** A fresh log-in (nobody is in), with something to say first (why login.auto did not work, say) or null. */
    public void startLogin(Notice first) {
        reset();
        locked.set(null);
        notice.set(first);
    }

    /** The screen was locked by {@code session}'s operator: their number is filled in, any operator may come in. */
    public void startLocked(Session session) {
        reset();
        locked.set(session);
        operatorNumber.set(session.operator().map(Operator::number).orElse(""));
    }

    public ReadOnlyObjectProperty<Stage> stage() {
        return stage;
    }

    /** The session whose screen is locked; null for a fresh log-in. */
    public ReadOnlyObjectProperty<Session> locked() {
        return locked;
    }

    /** The operator whose PIN must be changed, during {@link Stage#CHANGE_PIN}. */
    public ReadOnlyObjectProperty<Operator> changing() {
        return changing;
    }

    public StringProperty operatorNumber() {
        return operatorNumber;
    }

    public StringProperty pin() {
        return pin;
    }

    public StringProperty newPin() {
        return newPin;
    }

    public StringProperty repeatPin() {
        return repeatPin;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyBooleanProperty working() {
        return working;
    }

    /** Enter on the PIN (or the repeated new PIN): checks it. Returns false (saying why) when nothing started. */
    public boolean confirm() {
        if (working.get()) {
            return false;
        }
        return stage.get() == Stage.LOGIN ? logIn() : changePin();
    }

    /** Esc: from the PIN change back to the log-in; on the log-in, clears what was typed. */
    public void back() {
        if (working.get()) {
            return;
        }
        if (stage.get() == Stage.CHANGE_PIN) {
            Session wasLocked = locked.get();
            reset();
            locked.set(wasLocked);
            return;
        }
        pin.set("");
        if (locked.get() == null) {
            operatorNumber.set("");
        }
        notice.set(null);
    }

    private boolean logIn() {
        String number = operatorNumber.get().strip();
        if (!OperatorRules.isNumber(number)) {
            notice.set(Notice.error("login.numberNeeded"));
            return false;
        }
        if (pin.get().isEmpty()) {
            notice.set(Notice.error("login.pinNeeded"));
            return false;
        }
        char[] typed = pin.get().toCharArray();
        pin.set("");
        Session wasLocked = locked.get();
        start();
        tasks.run(() -> wasLocked == null ? login.logIn(number, typed) : login.unlock(wasLocked, number, typed),
                result -> {
                    working.set(false);
                    if (result instanceof LoginResult.MustChangePin must) {
                        currentPin = typed;
                        changing.set(must.operator());
                        stage.set(Stage.CHANGE_PIN);
                        notice.set(Notice.info("login.changePin.why", must.operator().number()));
                        return;
                    }
                    Arrays.fill(typed, '\0');
                    outcome(number, result);
                }, failure -> failed(typed, failure));
        return true;
    }

    private boolean changePin() {
        if (!newPin.get().equals(repeatPin.get())) {
            notice.set(Notice.error("login.changePin.mismatch"));
            repeatPin.set("");
            return false;
        }
        char[] chosen = newPin.get().toCharArray();
        char[] current = currentPin;
        String number = changing.get().number();
        newPin.set("");
        repeatPin.set("");
        start();
        tasks.run(() -> login.changePinAndLogIn(number, current, chosen), result -> {
            working.set(false);
            Arrays.fill(chosen, '\0');
            if (result instanceof LoginResult.PinRejected rejected) {
                notice.set(Notice.error(rejected.problemKey(), OperatorRules.PIN_MIN, OperatorRules.PIN_MAX));
                return;
            }
            outcome(number, result);
        }, failure -> failed(chosen, failure));
        return true;
    }

    private void outcome(String number, LoginResult result) {
        if (result instanceof LoginResult.LoggedIn in) {
            Session wasLocked = locked.get();
            reset();
            onLoggedIn.accept(in.session());
            if (wasLocked != null) {
                locked.set(null);
            }
        } else if (result instanceof LoginResult.Refused refused) {
            if (stage.get() == Stage.CHANGE_PIN) {
                Session wasLocked = locked.get();
                reset();
                locked.set(wasLocked);
                operatorNumber.set(number);
            }
            notice.set(OperatorNotices.refused(refused.reason(), number, refused.attemptsLeft(),
                    refused.lockedUntil(), zone));
        }
    }

    private void start() {
        working.set(true);
        notice.set(Notice.info("login.checking"));
    }

    private void failed(char[] typed, Exception failure) {
        Arrays.fill(typed, '\0');
        working.set(false);
        notice.set(Notice.error("login.failed", String.valueOf(failure.getMessage())));
    }

    private void reset() {
        if (currentPin != null) {
            Arrays.fill(currentPin, '\0');
            currentPin = null;
        }
        stage.set(Stage.LOGIN);
        changing.set(null);
        operatorNumber.set("");
        pin.set("");
        newPin.set("");
        repeatPin.set("");
        notice.set(null);
    }
}
