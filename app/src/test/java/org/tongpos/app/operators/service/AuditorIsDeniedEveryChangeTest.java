package org.tongpos.app.operators.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The discipline-inspection office reads everything and changes nothing, and that is the services' doing: every
 * service that changes data is called here as the auditor, and refuses with nothing written.
 */
class AuditorIsDeniedEveryChangeTest {

    @TempDir
    Path directory;
    private OperatorsFixture fixture;
    private Session auditor;

    @BeforeEach
    void open() {
        fixture = new OperatorsFixture(directory);
        fixture.terminal.catalog().save(fixture.terminal.demoCatalog().products(20));
        auditor = fixture.loggedIn("004");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyChangeIsDeniedWithNothingWritten() {
        int records = fixture.audit().size();
        List<Operator> operators = fixture.services.operators().list(auditor);
        Cart cart = new Cart();
        fixture.terminal.checkout().scan(cart, DemoCatalog.stapleBarcode(0));

        denied(() -> fixture.services.operators().add(auditor, "101", "x", Role.CASHIER, "1234".toCharArray(),
                false), Permission.MANAGE_OPERATORS);
        denied(() -> fixture.services.operators().setPin(auditor, "001", "1234".toCharArray(), false),
                Permission.MANAGE_OPERATORS);
        denied(() -> fixture.services.operators().disable(auditor, "001"), Permission.MANAGE_OPERATORS);
        denied(() -> fixture.services.operators().enable(auditor, "001"), Permission.MANAGE_OPERATORS);
        denied(() -> fixture.services.setup().installDemoOperators(auditor), Permission.MANAGE_OPERATORS);
        denied(() -> fixture.terminal.checkout().pay(cart,
                List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(300), "")), auditor), Permission.SELL);
        denied(() -> fixture.terminal.voids().voidLine(auditor, cart.line(0), Optional.empty()), Permission.VOID);
        denied(() -> fixture.terminal.voids().voidSale(auditor, cart, Optional.empty()), Permission.VOID);

        assertThat(fixture.terminal.journal().lastSeq()).isZero();
        assertThat(fixture.audit()).hasSize(records);
        assertThat(fixture.services.operators().list(auditor)).isEqualTo(operators);
    }

    @Test
    void theAuditorReadsTheAuditLogAndTheOperatorsWhereACashierMayNot() {
        assertThat(fixture.services.audit().list(auditor, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)))
                .isNotEmpty();
        assertThat(fixture.services.operators().list(auditor)).hasSize(4);
        Session cashier = fixture.loggedIn("001");
        assertThatThrownBy(() -> fixture.services.audit().list(cashier, LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 11, 30))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAuditorCannotApproveAnything() {
        Session cashier = fixture.loggedIn("001");
        // the role check is the same for every permission (RolesAndSessionsTest covers them all)
        for (Permission permission : new Permission[] {Permission.VOID_OVER_LIMIT, Permission.REFUND,
                Permission.APPROVE_GUEST_MEALS}) {
            ApprovalRequest request = ApprovalRequest.of(permission, AuditAction.LIMIT_OVERRIDE, "x", Money.ofFen(1),
                    "");
            assertThatThrownBy(() -> fixture.services.approvals().approve(cashier, request, "004",
                    "4444".toCharArray())).as(permission.name())
                    .isInstanceOfSatisfying(ApprovalRefusedException.class,
                            refused -> assertThat(refused.notAllowed()).isTrue());
        }
    }

    private static void denied(ThrowingCall call, Permission permission) {
        assertThatThrownBy(call::run).as(permission.name()).isInstanceOfSatisfying(AccessDeniedException.class,
                e -> {
                    assertThat(e.permission()).isEqualTo(permission);
                    assertThat(e.operator().number()).isEqualTo("004");
                });
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}
