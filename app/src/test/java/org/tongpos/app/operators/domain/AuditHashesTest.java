package org.tongpos.app.operators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AuditHashesTest {

    private static AuditRecord record(String subject, String detail, OptionalLong amount) {
        return new AuditRecord(7, "2026-11-30T12:05:09+08:00", "WINDOW", "001", "CASHIER", "002",
                AuditAction.VOID_LINE, subject, detail, amount, AuditHashes.GENESIS, "");
    }

    @Test
    void everyFieldTakesPartInTheHash() {
        AuditRecord base = record("可口可乐 ×20", "", OptionalLong.of(6000));
        String hash = base.computeHash();

        assertThat(hash).hasSize(64).isEqualTo(AuditHashes.hash(base));
        assertThat(record("可口可乐 ×21", "", OptionalLong.of(6000)).computeHash()).isNotEqualTo(hash);
        assertThat(record("可口可乐 ×20", "", OptionalLong.of(6001)).computeHash()).isNotEqualTo(hash);
        assertThat(record("可口可乐 ×20", "", OptionalLong.empty()).computeHash()).isNotEqualTo(hash);
        assertThat(new AuditRecord(7, base.occurredAt(), "WINDOW", "001", "CASHIER", "", AuditAction.VOID_LINE,
                base.subject(), "", base.amountFen(), AuditHashes.GENESIS, "").computeHash())
                .as("without the approver").isNotEqualTo(hash);
        assertThat(new AuditRecord(7, base.occurredAt(), "WINDOW", "001", "CASHIER", "002", AuditAction.VOID_LINE,
                base.subject(), "", base.amountFen(), "0".repeat(64), "").computeHash())
                .as("after another record").isNotEqualTo(hash);
    }

    @Test
    void movingTextFromOneFieldToTheNextChangesTheHash() {
        assertThat(record("ab", "c", OptionalLong.empty()).computeHash())
                .isNotEqualTo(record("a", "bc", OptionalLong.empty()).computeHash());
    }

    @Test
    void aRecordVerifiesOnlyAfterItsPreviousHash() {
        AuditRecord unhashed = record("x", "", OptionalLong.empty());
        AuditRecord hashed = new AuditRecord(7, unhashed.occurredAt(), "WINDOW", "001", "CASHIER", "002",
                AuditAction.VOID_LINE, "x", "", OptionalLong.empty(), AuditHashes.GENESIS, unhashed.computeHash());

        assertThat(hashed.verifies(AuditHashes.GENESIS)).isTrue();
        assertThat(hashed.verifies("0".repeat(64))).isFalse();
    }
}
