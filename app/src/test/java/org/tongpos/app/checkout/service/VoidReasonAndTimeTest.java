package org.tongpos.app.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Session;

class VoidReasonAndTimeTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private Session cashier;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        cashier = Session.loggedIn(terminal.operators().operators().find("001").orElseThrow(),
                terminal.clock().instant());
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    @Test
    void aLateVoidNeedsASupervisorAndEveryVoidKeepsItsReason() {
        VoidService voids = new VoidService(terminal.operators().audit(), Money.parseYuan("50"), Duration.ofMinutes(10));
        Cart cart = new Cart();
        terminal.checkout().scan(cart, TerminalFixture.COLA);

        assertThat(voids.approvalNeeded(cashier, cart.line(0), Duration.ofMinutes(9))).isEmpty();
        assertThat(voids.approvalNeeded(cashier, cart.line(0), Duration.ofMinutes(10))).isPresent();
        assertThatThrownBy(() -> voids.voidLine(cashier, cart.line(0), Optional.empty(), "扫错", Duration.ofMinutes(11)))
                .isInstanceOf(AccessDeniedException.class);

        voids.voidLine(cashier, cart.line(0), Optional.empty(), "扫错", Duration.ofMinutes(2));
        List<AuditRecord> records = terminal.operators().audit().list(terminal.systemSession(),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31));
        assertThat(records).filteredOn(r -> r.action() == AuditAction.VOID_LINE).singleElement()
                .satisfies(r -> {
                    assertThat(r.detail()).isEqualTo("扫错");
                    assertThat(r.amountFen()).hasValue(300);
                });
    }
}
