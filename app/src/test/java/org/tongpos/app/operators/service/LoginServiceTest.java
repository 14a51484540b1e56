package org.tongpos.app.operators.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.LoginRefusal;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;

class LoginServiceTest {

    @TempDir
    Path directory;
    private OperatorsFixture fixture;
    private LoginService login;

    @BeforeEach
    void open() {
        fixture = new OperatorsFixture(directory);
        login = fixture.services.login();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static char[] pin(String text) {
        return text.toCharArray();
    }

    @Test
    void theRightPinLogsInAndTheLogInIsInTheAuditLog() {
        LoginResult result = login.logIn("002", pin("2222"));

        assertThat(result).isInstanceOfSatisfying(LoginResult.LoggedIn.class, in -> {
            assertThat(in.session().recordedAs()).isEqualTo("002");
            assertThat(in.session().role()).contains(Role.SUPERVISOR);
            assertThat(in.session().source()).isEqualTo(Session.Source.WINDOW);
        });
        AuditRecord last = fixture.audit().get(fixture.audit().size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.LOGIN);
        assertThat(last.actor()).isEqualTo("002");
        assertThat(last.actorRole()).isEqualTo("SUPERVISOR");
    }

    @Test
    void fiveWrongPinsLockTheOperatorOutEvenForTheRightPinAndEvenAfterARestart() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            LoginResult result = login.logIn("001", pin("9999"));
            assertThat(result).isEqualTo(new LoginResult.Refused(LoginRefusal.WRONG_PIN, 5 - attempt,
                    java.util.Optional.empty()));
        }
        LoginResult fifth = login.logIn("001", pin("9999"));
        assertThat(fifth).isInstanceOfSatisfying(LoginResult.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(LoginRefusal.LOCKED_OUT);
            assertThat(refused.lockedUntil()).contains(OperatorsFixture.START.plus(Duration.ofMinutes(15)));
        });

        fixture.restart();
        login = fixture.services.login();
        assertThat(login.logIn("001", pin("1111"))).isInstanceOfSatisfying(LoginResult.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(LoginRefusal.LOCKED_OUT));
        assertThat(fixture.operator("001").isLockedAt(fixture.clock.instant())).isTrue();
        assertThat(fixture.audit()).extracting(AuditRecord::action).containsSubsequence(AuditAction.LOGIN_FAILED,
                AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED,
                AuditAction.LOGIN_FAILED, AuditAction.LOCKED_OUT, AuditAction.LOGIN_FAILED);
        assertThat(fixture.services.audit().verify().ok()).isTrue();

        fixture.clock.advance(Duration.ofMinutes(15));
        assertThat(login.logIn("001", pin("1111"))).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(fixture.operator("001").failedAttempts()).isZero();
    }

    @Test
    void aRightPinResetsTheCountOfWrongOnes() {
        login.logIn("001", pin("0000"));
        login.logIn("001", pin("0000"));
        assertThat(fixture.operator("001").failedAttempts()).isEqualTo(2);

        assertThat(login.logIn("001", pin("1111"))).isInstanceOf(LoginResult.LoggedIn.class);

        assertThat(fixture.operator("001").failedAttempts()).isZero();
        assertThat(login.logIn("001", pin("0000"))).isEqualTo(
                new LoginResult.Refused(LoginRefusal.WRONG_PIN, 4, java.util.Optional.empty()));
    }

    @Test
    void unknownAndDisabledOperatorsAreRefusedAndRecorded() throws OperatorException {
        fixture.services.operators().disable(fixture.system(), "004");

        assertThat(login.logIn("777", pin("1234"))).isInstanceOfSatisfying(LoginResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(LoginRefusal.UNKNOWN_OPERATOR));
        assertThat(login.logIn("004", pin("4444"))).isInstanceOfSatisfying(LoginResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(LoginRefusal.DISABLED));
        assertThat(login.logIn("not a number", pin("1234"))).isInstanceOfSatisfying(LoginResult.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(LoginRefusal.UNKNOWN_OPERATOR));

        List<AuditRecord> records = fixture.audit();
        assertThat(records.subList(records.size() - 2, records.size()))
                .extracting(AuditRecord::action, AuditRecord::subject)
                .containsExactly(tuple(AuditAction.LOGIN_FAILED, "777"), tuple(AuditAction.LOGIN_FAILED, "004"));
    }

    @Test
    void theFirstManagerMustChangeTheKnownPinBeforeWorking() {
        Path empty = directory.resolve("empty");
        org.tongpos.app.Terminal terminal = org.tongpos.app.Terminal.open(empty, fixture.clock);
        try {
            terminal.operators().setup().ensureFirstManager().orElseThrow();
            LoginService first = terminal.operators().login();

            LoginResult result = first.logIn("900", pin("0000"));
            assertThat(result).isInstanceOfSatisfying(LoginResult.MustChangePin.class,
                    must -> assertThat(must.operator().number()).isEqualTo("900"));

            assertThat(first.changePinAndLogIn("900", pin("0000"), pin("0000")))
                    .isEqualTo(new LoginResult.PinRejected("operators.pin.unchanged"));
            assertThat(first.changePinAndLogIn("900", pin("0000"), pin("12")))
                    .isEqualTo(new LoginResult.PinRejected("operators.pin.length"));
            assertThat(first.changePinAndLogIn("900", pin("1234"), pin("5678")))
                    .as("the current PIN is checked again").isInstanceOf(LoginResult.Refused.class);

            LoginResult changed = first.changePinAndLogIn("900", pin("0000"), pin("246810"));
            assertThat(changed).isInstanceOf(LoginResult.LoggedIn.class);
            assertThat(first.logIn("900", pin("246810"))).isInstanceOf(LoginResult.LoggedIn.class);
            assertThat(first.logIn("900", pin("0000"))).isInstanceOf(LoginResult.Refused.class);
        } finally {
            terminal.close();
        }
    }

    @Test
    void warmingUpTheHashWritesNothing() {
        int records = fixture.audit().size();

        login.warmUp();

        assertThat(fixture.audit()).hasSize(records);
        assertThat(login.logIn("001", pin("1111"))).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void loginAutoLogsInOnlyAnEnabledCashier() {
        LoginService.AutoLogin cashier = login.logInAutomatically("001");
        assertThat(cashier.session()).hasValueSatisfying(s -> {
            assertThat(s.isAutomatic()).isTrue();
            assertThat(s.recordedAs()).isEqualTo("001");
        });
        assertThat(fixture.audit().get(fixture.audit().size() - 1).action()).isEqualTo(AuditAction.LOGIN_AUTOMATIC);

        assertThat(login.logInAutomatically("003").problem()).hasValueSatisfying(
                p -> assertThat(p.key()).isEqualTo("login.auto.notCashier"));
        assertThat(login.logInAutomatically("003").session()).isEmpty();
        assertThat(login.logInAutomatically("555").problem()).hasValueSatisfying(
                p -> assertThat(p.key()).isEqualTo("login.auto.unknown"));
    }

    @Test
    void unlockingByTheSameOperatorCarriesOnAndByAnotherEndsTheLockedSession() {
        Session cashier = ((LoginResult.LoggedIn) login.logIn("001", pin("1111"))).session();
        login.lock(cashier, false);

        assertThat(login.unlock(cashier, "001", pin("1111"))).isInstanceOf(LoginResult.LoggedIn.class);
        login.lock(cashier, true);
        LoginResult other = login.unlock(cashier, "002", pin("2222"));

        assertThat(other).isInstanceOfSatisfying(LoginResult.LoggedIn.class,
                in -> assertThat(in.session().recordedAs()).isEqualTo("002"));
        List<AuditRecord> records = fixture.audit();
        assertThat(records.subList(records.size() - 6, records.size()))
                .extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::detail)
                .containsExactly(tuple(AuditAction.LOGIN, "001", ""), tuple(AuditAction.LOCK, "001", "key"),
                        tuple(AuditAction.UNLOCK, "001", ""), tuple(AuditAction.LOCK, "001", "idle"),
                        tuple(AuditAction.LOGOUT, "001", "another operator unlocked the screen"),
                        tuple(AuditAction.LOGIN, "002", ""));
    }
}
