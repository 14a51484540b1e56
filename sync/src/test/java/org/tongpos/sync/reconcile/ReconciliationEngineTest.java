package org.tongpos.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.client.TestDatabase;

/** The engine on generated journals and statements, with growth of the local index well past its start size. */
class ReconciliationEngineTest {

    @Test
    void fiftyThousandRowsWithPlantedReversalsAreClassifiedExactly() throws IOException {
        GeneratedJournal journal = new GeneratedJournal(50_000, 11);
        ByteArrayOutputStream statement = new ByteArrayOutputStream();
        long rows = journal.writeStatement(statement, 1_000);
        var db = TestDatabase.inMemory();
        SyncSchema.migrate(db);
        Jdbc jdbc = new Jdbc(db);
        ReconciliationStore store = new ReconciliationStore(jdbc, Clock.systemUTC());

        ReconciliationReport report = new ReconciliationEngine(jdbc, journal, store).reconcile(
                LocalDate.parse(GeneratedJournal.DATE), "hash", "/v1/x",
                () -> new ByteArrayInputStream(statement.toByteArray()));

        assertThat(rows).isEqualTo(50_000);
        assertThat(report.localTenders()).isEqualTo(50_000);
        assertThat(report.counts()).containsOnly(Map.entry(DifferenceCategory.REVERSED_BY_BANK, 50L));
        assertThat(report.matchedCount()).isEqualTo(49_950);
        assertThat(report.statement().rows()).isEqualTo(50_000);
    }

    @Test
    void statementFromAnotherDayLeavesEveryLocalTenderMissingAtTheBank() throws IOException {
        GeneratedJournal local = new GeneratedJournal(300, 1);
        ByteArrayOutputStream statement = new ByteArrayOutputStream();
        new GeneratedJournal(200, 2).writeStatement(statement, 0);
        var db = TestDatabase.inMemory();
        SyncSchema.migrate(db);
        Jdbc jdbc = new Jdbc(db);
        ReconciliationReport report = new ReconciliationEngine(jdbc, local,
                new ReconciliationStore(jdbc, Clock.systemUTC())).reconcile(LocalDate.parse(GeneratedJournal.DATE),
                "h", "/v1/x", () -> new ByteArrayInputStream(statement.toByteArray()));
        assertThat(report.counts()).containsOnly(Map.entry(DifferenceCategory.MISSING_AT_BANK, 300L),
                Map.entry(DifferenceCategory.MISSING_LOCALLY, 200L));
        assertThat(report.matchedCount()).isZero();
    }
}
