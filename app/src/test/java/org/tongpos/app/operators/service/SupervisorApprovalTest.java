package org.tongpos.app.operators.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.LoginRefusal;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;

class SupervisorApprovalTest {

    private static final ApprovalRequest REFUND = ApprovalRequest.of(Permission.REFUND, AuditAction.REFUND,
            "T0001-00000012", Money.ofFen(8800), "reason: damaged");

    @TempDir
    Path directory;
    private OperatorsFixture fixture;
    private SupervisorApproval approvals;
    private Session cashier;

    @BeforeEach
    void open() {
        fixture = new OperatorsFixture(directory);
        approvals = fixture.services.approvals();
        cashier = fixture.loggedIn("001");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private AuditRecord lastRecord() {
        List<AuditRecord> records = fixture.audit();
        return records.get(records.size() - 1);
    }

    @Test
    void aCashierNeedsApprovalWhereASupervisorDoesNot() {
        assertThat(approvals.needed(cashier, REFUND)).isTrue();
        assertThat(approvals.needed(fixture.loggedIn("002"), REFUND)).isFalse();
        assertThat(approvals.needed(fixture.system(), REFUND)).isFalse();
    }

    @Test
    void aSupervisorsRightPinApprovesAndTheLogSaysWhoApprovedWhatForWhom() throws ApprovalRefusedException {
        Approval approval = approvals.approve(cashier, REFUND, "002", "2222".toCharArray());

        assertThat(approval.approver().number()).isEqualTo("002");
        assertThat(approval.approves(REFUND)).isTrue();
        AuditRecord record = lastRecord();
        assertThat(record.seq()).isEqualTo(approval.auditSeq());
        assertThat(record.action()).isEqualTo(AuditAction.APPROVAL_GRANTED);
        assertThat(record.actor()).isEqualTo("001");
        assertThat(record.approver()).isEqualTo("002");
        assertThat(record.subject()).isEqualTo("T0001-00000012");
        assertThat(record.amountFen()).hasValue(8800);
        assertThat(record.detail()).contains("REFUND", "reason: damaged");
    }

    @Test
    void aWrongPinIsRefusedCountsTowardsTheApproversLockoutAndIsRecorded() {
        assertThatThrownBy(() -> approvals.approve(cashier, REFUND, "002", "9999".toCharArray()))
                .isInstanceOfSatisfying(ApprovalRefusedException.class, refused -> {
                    assertThat(refused.refusal()).contains(LoginRefusal.WRONG_PIN);
                    assertThat(refused.attemptsLeft()).isEqualTo(4);
                });
        assertThat(fixture.operator("002").failedAttempts()).isEqualTo(1);
        assertThat(lastRecord().action()).isEqualTo(AuditAction.LOGIN_FAILED);
        assertThat(lastRecord().subject()).isEqualTo("002");
        assertThat(lastRecord().detail()).contains("approval of REFUND for 001");
    }

    @Test
    void anOperatorWithoutThePermissionCannotApproveEvenWithTheirRightPin() {
        for (String number : new String[] {"001", "004"}) {
            String pin = number.equals("001") ? "1111" : "4444";
            assertThatThrownBy(() -> approvals.approve(cashier, REFUND, number, pin.toCharArray()))
                    .isInstanceOfSatisfying(ApprovalRefusedException.class, refused -> {
                        assertThat(refused.notAllowed()).isTrue();
                        assertThat(refused.refusal()).isEmpty();
                    });
            assertThat(lastRecord().action()).isEqualTo(AuditAction.APPROVAL_REFUSED);
            assertThat(lastRecord().approver()).isEqualTo(number);
        }
    }

    @Test
    void aManagerApprovesToo() throws ApprovalRefusedException {
        assertThat(approvals.approve(cashier, REFUND, "003", "3333".toCharArray()).approver().number())
                .isEqualTo("003");
        assertThat(fixture.services.audit().verify().ok()).isTrue();
    }
}
