package org.tongpos.app.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.operators.domain.LoginPolicy;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.TerminalFixture;

class LoginViewModelTest {

    @TempDir
    Path directory;
    private Terminal terminal;
    private LoginViewModel vm;
    private final List<Session> loggedIn = new ArrayList<>();

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
        vm = new LoginViewModel(terminal.operators().login(), new DirectTaskRunner(), terminal.clock().getZone(),
                loggedIn::add);
        vm.startLogin(null);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private void type(String number, String pin) {
        vm.operatorNumber().set(number);
        vm.pin().set(pin);
    }

    @Test
    void numberAndRightPinLogIn() {
        type("002", "2222");

        assertThat(vm.confirm()).isTrue();

        assertThat(loggedIn).singleElement().satisfies(s -> assertThat(s.role()).contains(Role.SUPERVISOR));
        assertThat(vm.operatorNumber().get()).isEmpty();
        assertThat(vm.pin().get()).isEmpty();
    }

    @Test
    void aWrongPinSaysHowManyTriesAreLeftAndKeepsTheNumber() {
        type("001", "9999");

        vm.confirm();

        assertThat(loggedIn).isEmpty();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("login.refused.wrongPin", 4));
        assertThat(vm.operatorNumber().get()).isEqualTo("001");
        assertThat(vm.pin().get()).as("a refused PIN is cleared").isEmpty();
    }

    @Test
    void fiveWrongPinsSayTheOperatorIsLockedUntilWhen() {
        for (int i = 0; i < 5; i++) {
            type("001", "9999");
            vm.confirm();
        }
        assertThat(vm.notice().get()).isEqualTo(Notice.error("login.refused.lockedOut", "001",
                lockoutEnd(terminal)));
        type("001", "1111");
        vm.confirm();
        assertThat(loggedIn).isEmpty();
    }

    /** The end of a lockout that starts now, as the screen shows it: in the terminal's business zone. */
    static String lockoutEnd(Terminal terminal) {
        return DateTimeFormatter.ofPattern("HH:mm").format(
                terminal.clock().instant().plus(LoginPolicy.DEFAULT.lockout()).atZone(terminal.clock().getZone()));
    }

    @Test
    void nothingIsCheckedWithoutANumberOrAPin() {
        type("", "1111");
        assertThat(vm.confirm()).isFalse();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("login.numberNeeded"));
        type("001", "");
        assertThat(vm.confirm()).isFalse();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("login.pinNeeded"));
    }

    @Test
    void aPinThatMustBeChangedAsksForANewOneTwiceThenLogsIn() throws Exception {
        terminal.operators().operators().setPin(terminal.systemSession(), "003", "1357".toCharArray(), true);
        type("003", "1357");

        vm.confirm();

        assertThat(vm.stage().get()).isEqualTo(LoginViewModel.Stage.CHANGE_PIN);
        assertThat(vm.changing().get().number()).isEqualTo("003");
        assertThat(loggedIn).isEmpty();

        vm.newPin().set("2468");
        vm.repeatPin().set("2469");
        assertThat(vm.confirm()).isFalse();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("login.changePin.mismatch"));

        vm.newPin().set("1357");
        vm.repeatPin().set("1357");
        vm.confirm();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("operators.pin.unchanged", 4, 8));

        vm.newPin().set("2468");
        vm.repeatPin().set("2468");
        vm.confirm();
        assertThat(loggedIn).singleElement().satisfies(s -> assertThat(s.recordedAs()).isEqualTo("003"));
        assertThat(vm.stage().get()).isEqualTo(LoginViewModel.Stage.LOGIN);
    }

    @Test
    void escFromThePinChangeGoesBackToTheLogIn() throws Exception {
        terminal.operators().operators().setPin(terminal.systemSession(), "003", "1357".toCharArray(), true);
        type("003", "1357");
        vm.confirm();

        vm.back();

        assertThat(vm.stage().get()).isEqualTo(LoginViewModel.Stage.LOGIN);
        assertThat(vm.changing().get()).isNull();
        assertThat(loggedIn).isEmpty();
    }

    @Test
    void theLockScreenKnowsWhoLockedItAndAnotherOperatorMayComeIn() {
        type("001", "1111");
        vm.confirm();
        Session cashier = loggedIn.get(0);

        vm.startLocked(cashier);
        assertThat(vm.locked().get()).isSameAs(cashier);
        assertThat(vm.operatorNumber().get()).isEqualTo("001");
        vm.operatorNumber().set("002");
        vm.pin().set("2222");
        vm.confirm();

        assertThat(loggedIn).hasSize(2);
        assertThat(loggedIn.get(1).recordedAs()).isEqualTo("002");
        assertThat(vm.locked().get()).isNull();
    }
}
