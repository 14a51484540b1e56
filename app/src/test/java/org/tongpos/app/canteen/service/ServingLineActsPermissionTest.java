package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;

/**
 * The serving line's acts with a supervisor's approval in place, called on the services as the screen calls them: a
 * diner picked by hand and a meal refund need the supervisor's permission, and an auditor is refused whoever approves.
 * Local demo diners at the fixture's lunch.
 */
class ServingLineActsPermissionTest {

    private static final Session CASHIER = TestSessions.as(Role.CASHIER, "101");
    private static final Session SUPERVISOR = TestSessions.as(Role.SUPERVISOR, "102");
    private static final Session AUDITOR = TestSessions.as(Role.AUDITOR, "104");

    @TempDir
    Path dir;
    private Terminal terminal;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir, TerminalFixture.FIXED_CLOCK);
        terminal.canteen().demo().load();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private static MealRequest byHand(String dinerId) {
        return new MealRequest(new DinerSource.Manual(dinerId, "card left at home"), MealOrder.FIXED);
    }

    @Test
    void aDinerPickedByHandNeedsASupervisorAndAnAuditorIsRefusedEvenWithOne() {
        MealCommit serving = terminal.canteen().serving();
        assertThatThrownBy(() -> serving.serve(byHand("L001"), CASHIER, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> serving.serve(byHand("L001"), AUDITOR, Optional.of(SUPERVISOR)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(terminal.journal().lastSeq()).as("nothing recorded").isZero();

        ServedMeal served = serving.serve(byHand("L001"), CASHIER, Optional.of(SUPERVISOR));
        assertThat(served.served()).isTrue();
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
    }

    @Test
    void aMealRefundNeedsASupervisorAndAnAuditorIsRefusedEvenWithOne() {
        ServedMeal meal = terminal.canteen().serving().serve(new MealRequest(new DinerSource.Card(
                "04D1E2F3A4B501"), MealOrder.FIXED), CASHIER);
        String txn = meal.entry().orElseThrow().txnId();
        MealRefunds refunds = terminal.canteen().refunds();
        assertThatThrownBy(() -> refunds.refund(txn, "wrong diner", CASHIER, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> refunds.refund(txn, "wrong diner", AUDITOR, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> refunds.refund(txn, "wrong diner", AUDITOR, Optional.of(SUPERVISOR)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(terminal.journal().lastSeq()).as("nothing refunded").isEqualTo(1);

        assertThat(refunds.refund(txn, "wrong diner", CASHIER, Optional.of(SUPERVISOR)).entry().seq()).isEqualTo(2);
    }
}
