package org.tongpos.sync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.Sleeper;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.client.TestJournal;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.reconcile.DayClose;
import org.tongpos.sync.reconcile.DayCloseService;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.sandbox.SandboxFaults;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.SettlementStatus;
import org.tongpos.testkit.MutableClock;

/** The batch state machine against the real sandbox bank, with faults injected. */
class BatchSyncContractTest {

    private static final String BATCHES = "/v1/terminals/T0001/batches";
    private static final String ONE_BATCH = "/v1/terminals/T0001/batches/[^/]+";

    @TempDir
    Path dir;
    private SandboxFixture sandbox;
    private TestJournal journal;
    private DataSource db;
    private BankClient client;

    @BeforeEach
    void start() {
        sandbox = new SandboxFixture(dir.resolve("bank"));
        journal = new TestJournal(SandboxFixture.TERMINAL, 42);
        db = TestDatabase.inMemory();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        sandbox.close();
    }

    private SyncService service() {
        if (client != null) {
            client.close();
        }
        client = sandbox.client();
        return new SyncService(client, db, journal, Clock.systemUTC());
    }

    /** After everything settles, the bank holds exactly the local journal: same last seq and chain hash, same totals. */
    private void assertBankHoldsExactlyTheJournal() {
        Cursor cursor = sandbox.cursor();
        List<JournalEntry> all = journal.all();
        assertThat(cursor.lastSeq()).isEqualTo(all.size());
        assertThat(cursor.lastEntryHash()).isEqualTo(all.get(all.size() - 1).entryHash());
        DayClose close = new DayCloseService(client, new Jdbc(db), journal, Clock.systemUTC())
                .closeDay(LocalDate.parse(TestJournal.DATE));
        assertThat(close.outcome()).isEqualTo(DayClose.Outcome.SETTLED);
        assertThat(close.status()).contains(SettlementStatus.IN_BALANCE);
        assertThat(close.bank()).contains(close.local());
    }

    @Test
    void theSentBytesOfBatchesTheBankHasHeldForThirtyDaysAreDroppedTheRestKept() throws Exception {
        journal.appendRandom(1500);
        MutableClock clock = new MutableClock(java.time.Instant.now(), java.time.ZoneOffset.ofHours(8));
        client = sandbox.client();
        SyncService sync = new SyncService(client, db, journal, clock);
        sync.syncNow();
        assertThat(bodyBytesByFirstSeq()).containsOnlyKeys(1L, 1001L).allSatisfy((seq, bytes) ->
                assertThat(bytes).isPositive());

        clock.advance(java.time.Duration.ofDays(31));
        journal.appendRandom(10);
        assertThat(sync.syncNow().upToDate()).isTrue();

        assertThat(bodyBytesByFirstSeq()).containsEntry(1L, 0L).containsEntry(1001L, 0L);
        assertThat(bodyBytesByFirstSeq().get(1501L)).as("accepted just now: kept").isPositive();
        assertBankHoldsExactlyTheJournal();
    }

    private java.util.Map<Long, Long> bodyBytesByFirstSeq() throws java.sql.SQLException {
        java.util.Map<Long, Long> sizes = new java.util.TreeMap<>();
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT first_seq, OCTET_LENGTH(body) FROM sync_batch")) {
            while (rs.next()) {
                sizes.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return sizes;
    }

    @Test
    void uploadsTheWholeJournalInBatchesOfAtMostAThousand() {
        journal.appendRandom(2500);
        SyncService sync = service();

        SyncStatus status = sync.syncNow();

        assertThat(status.lastOutcome()).contains(RoundOutcome.UP_TO_DATE);
        assertThat(status.pendingEntries()).isZero();
        assertThat(status.upToDate()).isTrue();
        assertThat(status.lastContact()).isPresent();
        List<SealedBatch> accepted = sync.batches().inState(BatchState.ACCEPTED);
        assertThat(accepted).extracting(SealedBatch::count).containsExactly(1000, 1000, 500);
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void newEntriesAfterASyncGoInTheirOwnBatch() {
        journal.appendRandom(10);
        SyncService sync = service();
        sync.syncNow();
        journal.appendRandom(3);
        SyncStatus status = sync.syncNow();
        assertThat(status.bankHeldSeq()).isEqualTo(13);
        assertThat(sync.batches().inState(BatchState.ACCEPTED)).extracting(SealedBatch::firstSeq)
                .containsExactly(1L, 11L);
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void error500AfterCommitIsResolvedByAskingForTheBatchNotCountedTwice() {
        journal.appendRandom(30);
        sandbox.bank().faults().inject("POST", BATCHES, Fault.error500AfterCommit(), 1);
        SyncService sync = service();

        SyncStatus status = sync.syncNow();

        assertThat(status.upToDate()).isTrue();
        SealedBatch batch = sync.batches().inState(BatchState.ACCEPTED).get(0);
        assertThat(batch.attempts()).isEqualTo(1);
        assertThat(batch.reason()).contains("confirmed by the bank");
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void connectionDroppedAfterCommitIsResolvedByAskingForTheBatch() {
        journal.appendRandom(30);
        sandbox.bank().faults().inject("POST", BATCHES, Fault.dropAfterCommit(), 1);
        SyncService sync = service();
        assertThat(sync.syncNow().upToDate()).isTrue();
        assertThat(sync.batches().inState(BatchState.ACCEPTED).get(0).attempts()).isEqualTo(1);
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void connectionDroppedBeforeExecutingIsResentWithTheSameBytesAfterA404() {
        journal.appendRandom(30);
        sandbox.bank().faults().inject("POST", BATCHES, Fault.dropBeforeExecuting(), 1);
        SyncService sync = service();
        byte[] sealed = null;
        assertThat(sync.syncNow().upToDate()).isTrue();
        SealedBatch batch = sync.batches().inState(BatchState.ACCEPTED).get(0);
        assertThat(batch.attempts()).isEqualTo(2);
        sealed = sync.batches().body(batch.batchId());
        assertThat(sealed).isNotEmpty();
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void uploadThatTimesOutWhileTheBankIsStillWorkingIsNeitherLostNorDoubled() {
        journal.appendRandom(50);
        sandbox.bank().faults().inject("POST", BATCHES, Fault.delay(java.time.Duration.ofMillis(1500)), 1);
        client = new BankClient(org.tongpos.sync.client.BankConfig.of(sandbox.bank().apiBaseUrl(),
                        SandboxFixture.KEY, SandboxFixture.MERCHANT)
                .withTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(400),
                        java.time.Duration.ofSeconds(5))
                .withRetryPolicy(SandboxFixture.FAST), Clock.systemUTC());
        SyncService sync = new SyncService(client, db, journal, Clock.systemUTC());

        SyncStatus status = sync.syncNow();
        for (int round = 0; round < 10 && !status.upToDate(); round++) {
            status = sync.syncNow();
        }

        assertThat(status.upToDate()).isTrue();
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void forgedAndUnsignedAnswersAreTreatedAsNoAnswerAndResolved() {
        journal.appendRandom(1500);
        sandbox.bank().faults().inject("POST", BATCHES, Fault.forgeSignature(), 1);
        sandbox.bank().faults().inject("POST", BATCHES, Fault.omitSignature(), 1);
        SyncService sync = service();
        assertThat(sync.syncNow().upToDate()).isTrue();
        assertThat(sync.batches().inState(BatchState.ACCEPTED)).hasSize(2)
                .allSatisfy(b -> assertThat(b.reason()).contains("confirmed by the bank"));
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void rateLimitIsObeyedAndTheSameBatchSentAgain() {
        journal.appendRandom(20);
        sandbox.bank().faults().inject("POST", BATCHES, Fault.rateLimit(1), 1);
        SyncService sync = service();
        long started = System.nanoTime();
        assertThat(sync.syncNow().upToDate()).isTrue();
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(900);
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void bankRestartedBetweenARequestAndItsRetryLosesNothing() {
        journal.appendRandom(1200);
        sandbox.bank().faults().inject("POST", BATCHES, Fault.dropAfterCommit(), 1);
        sandbox.bank().faults().inject("GET", ONE_BATCH, Fault.dropBeforeExecuting(), SandboxFaults.FOREVER);
        SyncService sync = service();

        SyncStatus first = sync.syncNow();
        assertThat(first.lastOutcome()).contains(RoundOutcome.BANK_UNREACHABLE);
        assertThat(sync.batches().inState(BatchState.UNKNOWN)).hasSize(1);

        sandbox.restart();
        SyncStatus second = service().syncNow();

        assertThat(second.upToDate()).isTrue();
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void terminalRestartedWithBatchInFlightResumesByAskingTheBank() {
        journal.appendRandom(40);
        SyncService sync = service();
        BatchStore store = sync.batches();
        // seal and record SENDING, as a crash right after the bytes went out would leave it
        new BatchSealer(journal, store, client, UUID::randomUUID, 1000).sealPending();
        SealedBatch batch = store.firstOpen().orElseThrow();
        store.markSending(batch.batchId());

        SyncStatus status = service().syncNow();

        assertThat(status.upToDate()).isTrue();
        assertThat(store.find(batch.batchId()).orElseThrow().state()).isEqualTo(BatchState.ACCEPTED);
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void seqGapWhenTheBankAlreadyHoldsOurEntriesIsResolvedThroughTheCursor() {
        journal.appendRandom(1500);
        service().syncNow();
        // a terminal whose sync tables were lost (fresh database), same journal
        db = TestDatabase.inMemory();
        journal.appendRandom(10);
        SyncService fresh = service();

        SyncStatus status = fresh.syncNow();

        assertThat(status.upToDate()).isTrue();
        assertThat(status.bankHeldSeq()).isEqualTo(1510);
        assertThat(fresh.batches().inState(BatchState.SUPERSEDED)).isNotEmpty();
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void aJournalThatDivergesFromWhatTheBankHoldsIsQuarantinedNotDropped() {
        journal.appendRandom(10);
        service().syncNow();
        journal = new TestJournal(SandboxFixture.TERMINAL, 99);
        journal.appendRandom(20);
        db = TestDatabase.inMemory();
        SyncService other = service();

        SyncStatus status = other.syncNow();

        assertThat(status.lastOutcome()).contains(RoundOutcome.BLOCKED_BY_QUARANTINE);
        assertThat(status.quarantined()).singleElement()
                .satisfies(b -> assertThat(b.reason()).contains("local journal has"));
        assertThat(other.syncNow().quarantined()).hasSize(1);
        assertThat(status.pendingEntries()).isEqualTo(20);
    }

    @Test
    void brokenChainIsQuarantinedWithTheBanksReasonAndBlocksLaterEntries() {
        journal.appendRandom(5);
        journal.saleWithBrokenLink(300);
        journal.appendRandom(5);
        SyncService sync = service();

        SyncStatus status = sync.syncNow();

        assertThat(status.lastOutcome()).contains(RoundOutcome.BLOCKED_BY_QUARANTINE);
        assertThat(status.quarantined()).singleElement()
                .satisfies(b -> assertThat(b.reason()).contains("CHAIN_BROKEN"));
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).contains("quarantined"));
    }

    @Test
    void releasedQuarantinedBatchIsSentAgainUnchangedAndKeptWhenTheBankStillRefuses() {
        journal.appendRandom(3);
        journal.saleWithBrokenLink(300);
        SyncService sync = service();
        SealedBatch quarantined = sync.syncNow().quarantined().get(0);
        byte[] frozen = sync.batches().body(quarantined.batchId());

        assertThat(sync.releaseQuarantined(quarantined.batchId())).isTrue();
        assertThat(sync.batches().find(quarantined.batchId()).orElseThrow().state()).isEqualTo(BatchState.SEALED);
        SyncStatus again = sync.syncNow();

        assertThat(again.quarantined()).singleElement().satisfies(b -> {
            assertThat(b.batchId()).isEqualTo(quarantined.batchId());
            assertThat(b.attempts()).isEqualTo(2);
        });
        assertThat(sync.batches().body(quarantined.batchId())).isEqualTo(frozen);
    }

    @Test
    void statusSurvivesARestartOfTheTerminal() {
        journal.appendRandom(5);
        SyncStatus before = service().syncNow();
        SyncStatus after = service().status();
        assertThat(after.lastContact()).isEqualTo(before.lastContact()).isPresent();
        assertThat(after.lastOutcome()).contains(RoundOutcome.UP_TO_DATE);
        assertThat(after.bankHeldSeq()).isEqualTo(5);
    }

    @Test
    void txnIdTheBankAlreadyHoldsIsQuarantinedAsParamError() {
        JournalEntry first = journal.sale(100, 0, 0);
        journal.saleReusingTxnId(first.txnId(), 200);
        SyncService sync = service();
        SyncStatus status = sync.syncNow();
        assertThat(status.quarantined()).singleElement()
                .satisfies(b -> assertThat(b.reason()).contains("PARAM_ERROR"));
    }

    @Test
    void wrongTerminalKeyIsReportedAsAnAuthProblemNotRetriedForever() {
        journal.appendRandom(5);
        client = sandbox.client(Credentials.ofKey(SandboxFixture.TERMINAL, SandboxFixture.key(8)), Clock.systemUTC(),
                Sleeper.real());
        SyncService sync = new SyncService(client, db, journal, Clock.systemUTC());

        SyncStatus status = sync.syncNow();

        assertThat(status.lastOutcome()).contains(RoundOutcome.AUTH_PROBLEM);
        assertThat(status.authProblem()).isTrue();
        assertThat(status.pendingEntries()).isEqualTo(5);
        assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).contains("bank.key"));
    }

    @Test
    void backgroundScheduleUploadsWhatIsSoldWhileItRuns() throws InterruptedException {
        SyncService sync = service();
        java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            sync.runEvery(scheduler, java.time.Duration.ofMillis(50));
            for (int i = 0; i < 5; i++) {
                journal.appendRandom(40);
                Thread.sleep(30);
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!sync.status().upToDate() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(sync.status().upToDate()).isTrue();
        assertBankHoldsExactlyTheJournal();
    }

    @Test
    void bankOfflineLeavesEverythingPendingAndTheNextRoundCatchesUp() {
        journal.appendRandom(25);
        SyncService sync = service();
        sandbox.bank().stop();

        SyncStatus offline = sync.syncNow();
        assertThat(offline.lastOutcome()).contains(RoundOutcome.BANK_UNREACHABLE);
        assertThat(offline.pendingEntries()).isEqualTo(25);

        sandbox.start();
        assertThat(service().syncNow().upToDate()).isTrue();
        assertBankHoldsExactlyTheJournal();
    }
}
