package org.tongpos.app.operators.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;

class OperatorServiceTest {

    @TempDir
    Path directory;
    private OperatorsFixture fixture;
    private OperatorService operators;
    private Session manager;

    @BeforeEach
    void open() {
        fixture = new OperatorsFixture(directory);
        operators = fixture.services.operators();
        manager = fixture.loggedIn("003");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aManagerAddsAnOperatorWhoCanThenLogInAndTheAdditionIsAudited() throws OperatorException {
        Operator added = operators.add(manager, "101", " 刘洋 ", Role.CASHIER, "5678".toCharArray(), false);

        assertThat(added.name()).isEqualTo("刘洋");
        assertThat(operators.list(manager)).extracting(Operator::number).contains("101");
        assertThat(fixture.services.login().logIn("101", "5678".toCharArray()))
                .isInstanceOf(LoginResult.LoggedIn.class);
        AuditRecord addition = fixture.audit().stream().filter(r -> r.action() == AuditAction.OPERATOR_ADDED
                && r.subject().equals("101")).findFirst().orElseThrow();
        assertThat(addition.actor()).isEqualTo("003");
        assertThat(addition.detail()).contains("刘洋", "CASHIER").doesNotContain("5678");
    }

    @Test
    void badInputIsRefusedWithItsReasonAndChangesNothing() {
        int records = fixture.audit().size();
        List<Operator> before = operators.list(manager);

        assertRefused(() -> operators.add(manager, "12a", "x", Role.CASHIER, "1234".toCharArray(), false),
                "operators.number.invalid");
        assertRefused(() -> operators.add(manager, "101", " ", Role.CASHIER, "1234".toCharArray(), false),
                "operators.name.invalid");
        assertRefused(() -> operators.add(manager, "101", "x", Role.CASHIER, "12".toCharArray(), false),
                "operators.pin.length");
        assertRefused(() -> operators.add(manager, "101", "x", Role.CASHIER, "12ab".toCharArray(), false),
                "operators.pin.digits");
        assertRefused(() -> operators.add(manager, "002", "x", Role.CASHIER, "1234".toCharArray(), false),
                "operators.number.taken");
        assertRefused(() -> operators.setPin(manager, "555", "1234".toCharArray(), false), "operators.unknown");
        assertRefused(() -> operators.disable(manager, "003"), "operators.lastManager");

        assertThat(operators.list(manager)).isEqualTo(before);
        assertThat(fixture.audit()).hasSize(records);
    }

    @Test
    void settingAPinEndsALockoutAndCanForceAChangeAtTheNextLogIn() throws OperatorException {
        for (int i = 0; i < 5; i++) {
            fixture.services.login().logIn("001", "0000".toCharArray());
        }
        assertThat(fixture.operator("001").isLockedAt(fixture.clock.instant())).isTrue();

        operators.setPin(manager, "001", "8642".toCharArray(), true);

        assertThat(fixture.operator("001").isLockedAt(fixture.clock.instant())).isFalse();
        assertThat(fixture.services.login().logIn("001", "8642".toCharArray()))
                .isInstanceOf(LoginResult.MustChangePin.class);
    }

    @Test
    void aDisabledOperatorCanNeitherLogInNorApproveUntilEnabledAgain() throws OperatorException {
        operators.disable(manager, "002");

        assertThat(fixture.operator("002").enabled()).isFalse();
        assertThat(fixture.services.login().logIn("002", "2222".toCharArray())).isInstanceOf(LoginResult.Refused.class);
        assertThatThrownBy(() -> operators.commandLineSession(java.util.Optional.of("002"), Session.SYSTEM))
                .isInstanceOf(OperatorException.class);

        operators.enable(manager, "002");
        assertThat(fixture.services.login().logIn("002", "2222".toCharArray())).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(fixture.audit()).extracting(AuditRecord::action)
                .containsSubsequence(AuditAction.OPERATOR_DISABLED, AuditAction.OPERATOR_ENABLED);
    }

    @Test
    void aCashierOrSupervisorMayNotManageOperators() {
        for (String number : new String[] {"001", "002"}) {
            Session session = fixture.loggedIn(number);
            assertThatThrownBy(() -> operators.add(session, "101", "x", Role.MANAGER, "1234".toCharArray(), false))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> operators.list(session)).isInstanceOf(AccessDeniedException.class);
        }
    }

    private static void assertRefused(ThrowingCall call, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OperatorException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}
