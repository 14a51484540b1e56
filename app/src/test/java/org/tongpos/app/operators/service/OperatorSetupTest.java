package org.tongpos.app.operators.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Role;
import java.time.LocalDate;
import java.util.List;

class OperatorSetupTest {

    @TempDir
    Path directory;

    @Test
    void theHashesWrittenInTheCodeAreThoseOfTheDocumentedPins() {
        PinHasher hasher = new PinHasher();
        assertThat(hasher.verify(OperatorSetup.FIRST_MANAGER_PIN.toCharArray(), OperatorSetup.FIRST_MANAGER_HASH))
                .isTrue();
        for (OperatorSetup.DemoOperator demo : OperatorSetup.DEMO) {
            assertThat(hasher.verify(demo.pin().toCharArray(), demo.pinHash())).as(demo.number()).isTrue();
            assertThat(hasher.needsRehash(demo.pinHash())).isFalse();
        }
        assertThat(OperatorSetup.DEMO).extracting(OperatorSetup.DemoOperator::role)
                .containsExactly(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.AUDITOR);
    }

    @Test
    void aTerminalWithoutOperatorsGetsTheFirstManagerOnceWhoMustChangeThePin() {
        try (Terminal terminal = Terminal.open(directory, TerminalFixture.FIXED_CLOCK)) {
            OperatorSetup setup = terminal.operators().setup();
            assertThat(setup.hasNoOperators()).isTrue();

            Operator manager = setup.ensureFirstManager().orElseThrow();

            assertThat(manager.number()).isEqualTo("900");
            assertThat(manager.name()).isEqualTo("店长");
            assertThat(manager.role()).isEqualTo(Role.MANAGER);
            assertThat(manager.mustChangePin()).isTrue();
            assertThat(setup.ensureFirstManager()).as("only once").isEmpty();
            List<AuditRecord> records = terminal.operators().audit().list(terminal.systemSession(),
                    LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
            assertThat(records).extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::subject)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.OPERATOR_ADDED, "system", "900"));
        }
    }

    @Test
    void demoOperatorsTakeFreeNumbersAndLeaveTakenOnesAlone() throws OperatorException {
        try (Terminal terminal = Terminal.open(directory, TerminalFixture.FIXED_CLOCK)) {
            terminal.operators().operators().add(terminal.systemSession(), "002", "孙悟空", Role.CASHIER,
                    "9876".toCharArray(), false);

            List<Operator> created = terminal.operators().setup().installDemoOperators(terminal.systemSession());

            assertThat(created).extracting(Operator::number).containsExactly("001", "003", "004");
            assertThat(terminal.operators().operators().find("002").orElseThrow().name()).isEqualTo("孙悟空");
            assertThat(terminal.operators().setup().ensureFirstManager()).isEmpty();
        }
    }
}
