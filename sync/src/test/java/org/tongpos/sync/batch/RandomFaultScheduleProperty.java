package org.tongpos.sync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.client.TestJournal;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.reconcile.DayClose;
import org.tongpos.sync.reconcile.DayCloseService;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.sandbox.FaultKind;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.SettlementStatus;

/**
 * Whatever faults the bank throws at the client, in whatever order, once they stop the bank holds exactly
 * the local journal: the same last seq and chain hash (so each txn_id once, in order) and the same totals.
 */
class RandomFaultScheduleProperty {

    record ScheduledFault(String method, String path, FaultKind kind, int times) {
    }

    @Property(tries = 12, seed = "20261130")
    void nothingLostNothingDoubledUnderRandomFaults(
            @ForAll @IntRange(min = 1, max = 2600) int entries,
            @ForAll("schedules") @Size(max = 8) List<ScheduledFault> faults,
            @ForAll @IntRange(min = 1, max = 4) int roundsWithFaults,
            @ForAll boolean restartBankMidway) throws IOException {
        Path dir = Files.createTempDirectory("fault-property");
        try (SandboxFixture sandbox = new SandboxFixture(dir)) {
            TestJournal journal = new TestJournal(SandboxFixture.TERMINAL, entries);
            journal.appendRandom(entries);
            for (ScheduledFault fault : faults) {
                Fault injected = switch (fault.kind()) {
                    case DELAY -> Fault.delay(Duration.ofMillis(30));
                    case RATE_LIMIT -> Fault.rateLimit(0);
                    default -> new Fault(fault.kind(), null, 0);
                };
                sandbox.bank().faults().inject(fault.method(), fault.path(), injected, fault.times());
            }
            var db = TestDatabase.inMemory();
            for (int round = 0; round < roundsWithFaults; round++) {
                try (BankClient client = sandbox.client()) {
                    new SyncService(client, db, journal, Clock.systemUTC()).syncNow();
                }
                journal.appendRandom(7);
                if (restartBankMidway && round == 0) {
                    sandbox.restart();
                }
            }
            sandbox.bank().faults().clear();
            try (BankClient client = sandbox.client()) {
                SyncStatus settled = new SyncService(client, db, journal, Clock.systemUTC()).syncNow();
                assertThat(settled.upToDate()).as("final round: %s", settled).isTrue();

                List<JournalEntry> all = journal.all();
                Cursor cursor = sandbox.cursor();
                assertThat(cursor.lastSeq()).isEqualTo(all.size());
                assertThat(cursor.lastEntryHash()).isEqualTo(all.get(all.size() - 1).entryHash());
                DayClose close = new DayCloseService(client, new Jdbc(db), journal, Clock.systemUTC())
                        .closeDay(LocalDate.parse(TestJournal.DATE));
                assertThat(close.status()).contains(SettlementStatus.IN_BALANCE);
                assertThat(close.bank()).contains(close.local());
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<List<ScheduledFault>> schedules() {
        Arbitrary<String[]> targets = Arbitraries.of(
                new String[] {"POST", "/v1/terminals/T0001/batches"},
                new String[] {"GET", "/v1/terminals/T0001/batches/[^/]+"},
                new String[] {"GET", "/v1/terminals/T0001/cursor"},
                new String[] {null, "/v1/terminals/T0001/.*"});
        Arbitrary<ScheduledFault> fault = Combinators.combine(targets, Arbitraries.of(FaultKind.class),
                        Arbitraries.integers().between(1, 3))
                .as((target, kind, times) -> new ScheduledFault(target[0], target[1], kind, times));
        return fault.list().ofMaxSize(8);
    }
}
