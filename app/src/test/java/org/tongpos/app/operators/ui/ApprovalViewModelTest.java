package org.tongpos.app.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.TerminalFixture;

class ApprovalViewModelTest {

    private static final ApprovalRequest REQUEST = ApprovalRequest.of(Permission.REFUND, AuditAction.REFUND,
            "T0001-00000007", Money.ofFen(1200), "");

    @TempDir
    Path directory;
    private Terminal terminal;
    private ApprovalViewModel vm;
    private final List<Approval> granted = new ArrayList<>();
    private int cancelled;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
        vm = new ApprovalViewModel(terminal.operators().approvals(), new DirectTaskRunner(),
                terminal.clock().getZone());
        vm.ask(TestSessions.demo(terminal, Role.CASHIER), REQUEST, granted::add, () -> cancelled++);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    @Test
    void aSupervisorsNumberAndPinApproveAndClose() {
        assertThat(vm.isAsking()).isTrue();
        vm.operatorNumber().set("002");
        vm.pin().set("2222");

        vm.confirm();

        assertThat(granted).singleElement().satisfies(a -> assertThat(a.approver().number()).isEqualTo("002"));
        assertThat(vm.request().get()).isNull();
        assertThat(cancelled).isZero();
    }

    @Test
    void aCashierCannotApproveAndThePromptStaysOpenSayingWhy() {
        vm.operatorNumber().set("001");
        vm.pin().set("1111");

        vm.confirm();

        assertThat(granted).isEmpty();
        assertThat(vm.isAsking()).isTrue();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("approval.notAllowed", "001",
                new Notice.Key("role.CASHIER"), new Notice.Key("permission.REFUND")));
        assertThat(vm.pin().get()).isEmpty();
    }

    @Test
    void aWrongPinSaysHowManyTriesAreLeft() {
        vm.operatorNumber().set("002");
        vm.pin().set("0000");

        vm.confirm();

        assertThat(vm.notice().get()).isEqualTo(Notice.error("login.refused.wrongPin", 4));
        assertThat(granted).isEmpty();
    }

    @Test
    void escCancelsOnce() {
        assertThat(vm.cancel()).isTrue();
        assertThat(vm.cancel()).isFalse();
        assertThat(cancelled).isEqualTo(1);
        assertThat(vm.isAsking()).isFalse();
    }
}
