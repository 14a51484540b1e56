package org.tongpos.app.operators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RolesAndSessionsTest {

    private static Session as(Role role) {
        return Session.loggedIn(Operator.create("101", "测试", role, false), Instant.EPOCH);
    }

    @Test
    void anAuditorReadsEverythingAndHoldsNoPermissionThatChangesData() {
        assertThat(Role.AUDITOR.permissions()).containsExactlyInAnyOrder(Permission.READ_REPORTS,
                Permission.READ_AUDIT);
        assertThat(Arrays.stream(Permission.values()).filter(Permission::changesData))
                .allSatisfy(p -> assertThat(as(Role.AUDITOR).may(p)).as(p.name()).isFalse());
        assertThat(Arrays.stream(Permission.values()).filter(p -> !p.changesData()))
                .allSatisfy(p -> assertThat(as(Role.AUDITOR).may(p)).as(p.name()).isTrue());
    }

    @Test
    void eachOfCashierSupervisorManagerHoldsEverythingTheOneBeforeHolds() {
        assertThat(Role.SUPERVISOR.permissions()).containsAll(Role.CASHIER.permissions());
        assertThat(Role.MANAGER.permissions()).containsAll(Role.SUPERVISOR.permissions());
        assertThat(Role.MANAGER.permissions()).containsAll(Role.AUDITOR.permissions());
        assertThat(Role.CASHIER.has(Permission.VOID_OVER_LIMIT)).isFalse();
        assertThat(Role.CASHIER.has(Permission.REFUND)).isFalse();
        assertThat(Role.SUPERVISOR.has(Permission.VOID_OVER_LIMIT)).isTrue();
        assertThat(Role.SUPERVISOR.has(Permission.MANAGE_OPERATORS)).isFalse();
        assertThat(Role.MANAGER.has(Permission.MANAGE_OPERATORS)).isTrue();
        assertThat(Role.MANAGER.has(Permission.APPROVE_GUEST_MEALS)).isTrue();
    }

    @Test
    void aDenialIsTypedAndNamesWhoAndWhat() {
        Session cashier = as(Role.CASHIER);

        assertThatThrownBy(() -> cashier.require(Permission.REFUND)).isInstanceOfSatisfying(
                AccessDeniedException.class, denied -> {
                    assertThat(denied.permission()).isEqualTo(Permission.REFUND);
                    assertThat(denied.operator().number()).isEqualTo("101");
                    assertThat(AccessDeniedException.KEY).isEqualTo("operators.denied");
                });
        cashier.require(Permission.SELL);
    }

    @Test
    void theCommandLineMayDoEverythingAndIsRecordedAsItsOperatorOrSystem() {
        Session system = Session.commandLine(Session.SYSTEM, Instant.EPOCH);
        Session named = Session.commandLine(Operator.create("004", "陈静", Role.AUDITOR, false), Instant.EPOCH);

        assertThat(Arrays.stream(Permission.values())).allSatisfy(p -> {
            assertThat(system.may(p)).isTrue();
            assertThat(named.may(p)).isTrue();
        });
        assertThat(system.recordedAs()).isEqualTo("system");
        assertThat(named.recordedAs()).isEqualTo("004");
        assertThat(named.role()).isEmpty();
    }

    @Test
    void onlyACashierLogsInAutomatically() {
        Operator cashier = Operator.create("001", "王芳", Role.CASHIER, false);
        assertThat(Session.automatic(cashier, Instant.EPOCH).isAutomatic()).isTrue();
        for (Role higher : new Role[] {Role.SUPERVISOR, Role.MANAGER, Role.AUDITOR}) {
            assertThatThrownBy(() -> Session.automatic(Operator.create("9", "x", higher, false), Instant.EPOCH))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rolesAreTypedInEnglishOrChinese() {
        assertThat(Role.parse("cashier")).contains(Role.CASHIER);
        assertThat(Role.parse("SUPERVISOR")).contains(Role.SUPERVISOR);
        assertThat(Role.parse("店长")).contains(Role.MANAGER);
        assertThat(Role.parse("审计员")).contains(Role.AUDITOR);
        assertThat(Role.parse("boss")).isEmpty();
    }

    @Test
    void numbersAndPinsAreDigits() {
        assertThat(OperatorRules.isNumber("001")).isTrue();
        assertThat(OperatorRules.isNumber("12345678")).isTrue();
        assertThat(OperatorRules.isNumber("123456789")).isFalse();
        assertThat(OperatorRules.isNumber("1a")).isFalse();
        assertThat(OperatorRules.isNumber("")).isFalse();
        assertThat(OperatorRules.pinProblem("1234".toCharArray())).isEmpty();
        assertThat(OperatorRules.pinProblem("123".toCharArray())).contains("operators.pin.length");
        assertThat(OperatorRules.pinProblem("123456789".toCharArray())).contains("operators.pin.length");
        assertThat(OperatorRules.pinProblem("12a4".toCharArray())).contains("operators.pin.digits");
    }
}
