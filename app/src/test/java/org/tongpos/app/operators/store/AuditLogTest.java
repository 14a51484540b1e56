package org.tongpos.app.operators.store;

import org.tongpos.app.storage.DurableTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.AuditHashes;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.AuditLog;
import org.tongpos.app.operators.service.AuditVerifier;

/** The audit log on a real H2 file: the chain, its verification, and what tampering looks like. */
class AuditLogTest {

    @TempDir
    Path directory;
    private Terminal terminal;
    private AuditLog audit;
    private Session system;

    @BeforeEach
    void open() {
        terminal = Terminal.open(directory, TerminalFixture.FIXED_CLOCK);
        audit = terminal.operators().audit();
        system = terminal.systemSession();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private AuditRecord record(int i) {
        return audit.record(AuditEntry.by(system, AuditAction.SETTING_CHANGED).subject("key.cash")
                .detail("F" + i).amount(Money.ofFen(i)));
    }

    private List<AuditRecord> all() {
        return audit.list(system, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
    }

    private void sql(String statement) throws Exception {
        try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void recordsFormAChainFromTheGenesisThatTheMigrationStartsWith() {
        AuditRecord first = record(1);
        AuditRecord second = record(2);

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditHashes.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.entryHash());
        assertThat(first.occurredAt()).isEqualTo("2026-11-30T12:05:09+08:00");
        assertThat(all()).containsExactly(first, second);
        assertThat(audit.verify()).isEqualTo(new AuditVerifier.Result(2, java.util.OptionalLong.empty(),
                java.util.Optional.empty()));
    }

    @Test
    void anEmptyLogVerifies() {
        assertThat(audit.verify().ok()).isTrue();
        assertThat(audit.verify().verifiedRecords()).isZero();
    }

    @Test
    void aChangedRecordIsFoundAtItsSeq() throws Exception {
        for (int i = 1; i <= 5; i++) {
            record(i);
        }
        sql("UPDATE audit_log SET detail = 'F9' WHERE seq = 3");

        AuditVerifier.Result result = audit.verify();

        assertThat(result.firstBadSeq()).hasValue(3);
        assertThat(result.verifiedRecords()).isEqualTo(2);
        assertThat(result.problem().orElseThrow().key()).isEqualTo("audit.problem.entryHash");
    }

    @Test
    void aRecordRemovedFromTheMiddleOrTheEndIsFound() throws Exception {
        for (int i = 1; i <= 5; i++) {
            record(i);
        }
        sql("DELETE FROM audit_log WHERE seq = 5");
        assertThat(audit.verify().problem().orElseThrow().key()).isEqualTo("audit.problem.head");

        sql("DELETE FROM audit_log WHERE seq = 2");
        AuditVerifier.Result result = audit.verify();
        assertThat(result.firstBadSeq()).hasValue(2);
        assertThat(result.problem().orElseThrow().key()).isEqualTo("audit.problem.gap");
    }

    @Test
    void aRecordRehashedAfterAChangeStillBreaksTheNextOne() throws Exception {
        record(1);
        record(2);
        record(3);
        AuditRecord original = all().get(1);
        AuditRecord forged = new AuditRecord(2, original.occurredAt(), original.source(), original.actor(),
                original.actorRole(), original.approver(), original.action(), original.subject(), "F7",
                original.amountFen(), original.prevHash(), "");
        sql("UPDATE audit_log SET detail = 'F7', entry_hash = '" + forged.computeHash() + "' WHERE seq = 2");

        AuditVerifier.Result result = audit.verify();

        assertThat(result.firstBadSeq()).hasValue(3);
        assertThat(result.problem().orElseThrow().key()).isEqualTo("audit.problem.prevHash");
    }

    @Test
    void concurrentAppendsAndAppendsInsideOtherTransactionsTakeTurns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        DurableTransaction durable = new DurableTransaction(terminal.database());
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    if (thread % 2 == 0) {
                        record(i);
                    } else {
                        durable.run(c -> audit.append(c, AuditEntry.by(system, AuditAction.VOID_LINE)
                                .subject("thread " + thread)));
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(all()).extracting(AuditRecord::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void anAppendInsideATransactionThatRollsBackLeavesNothing() {
        DurableTransaction durable = new DurableTransaction(terminal.database());
        record(1);

        assertThatThrownBy(() -> durable.run(c -> {
            audit.append(c, AuditEntry.by(system, AuditAction.REFUND).subject("T0001-00000001"));
            throw new IllegalStateException("the refund failed");
        })).hasMessage("the refund failed");

        assertThat(all()).hasSize(1);
        assertThat(record(2).seq()).isEqualTo(2);
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void listingTakesTheDaysAsRecorded() {
        record(1);
        assertThat(audit.list(system, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30))).hasSize(1);
        assertThat(audit.list(system, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(audit.list(system, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 29))).isEmpty();
    }
}
