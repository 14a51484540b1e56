package org.tongpos.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.batch.SandboxFixture;
import org.tongpos.sync.batch.SyncService;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.BankUnavailableException;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.testkit.MutableClock;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.client.TestJournal;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.sandbox.SandboxFaults;
import org.tongpos.sync.sandbox.StatementRowStatus;
import org.tongpos.sync.wire.SettlementStatus;

/** Day close and reconciliation against the sandbox bank, with differences planted on either side. */
class ReconciliationContractTest {

    private static final LocalDate DAY = LocalDate.parse(TestJournal.DATE);
    private static final String STATEMENT_FILES = "/v1/terminals/T0001/statements/[^/]+/files/[^/]+";

    @TempDir
    Path dir;
    private SandboxFixture sandbox;
    private TestJournal journal;
    private DataSource db;
    private BankClient client;
    private Jdbc jdbc;

    @BeforeEach
    void start() {
        sandbox = new SandboxFixture(dir.resolve("bank"));
        journal = new TestJournal(SandboxFixture.TERMINAL, 5);
        journal.appendRandom(300);
        db = TestDatabase.inMemory();
        client = sandbox.client();
        jdbc = new Jdbc(db);
        assertThat(new SyncService(client, db, journal, Clock.systemUTC()).syncNow().upToDate()).isTrue();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private Reconciler reconciler(JournalSource localSide) {
        return reconciler(localSide, client);
    }

    private Reconciler reconciler(JournalSource localSide, BankClient bankClient) {
        ReconciliationStore store = new ReconciliationStore(jdbc, Clock.systemUTC());
        return new Reconciler(bankClient, new ReconciliationEngine(jdbc, localSide, store), store);
    }

    private DayClose closeDay() {
        return new DayCloseService(client, jdbc, journal, Clock.systemUTC()).closeDay(DAY);
    }

    private List<JournalEntry> withNonCash() {
        return journal.all().stream()
                .filter(e -> e.tenders().stream().anyMatch(t -> t.method() != TenderMethod.CASH)).toList();
    }

    private static EntryTender nonCash(JournalEntry entry) {
        return entry.tenders().stream().filter(t -> t.method() != TenderMethod.CASH).findFirst().orElseThrow();
    }

    @Test
    void statementIsNotReadyBeforeTheDayIsClosed() {
        assertThat(reconciler(journal).reconcile(DAY)).isEmpty();
    }

    @Test
    void aCleanDayMatchesEveryNonCashTender() {
        DayClose close = closeDay();
        assertThat(close.status()).contains(SettlementStatus.IN_BALANCE);

        ReconciliationReport report = reconciler(journal).reconcile(DAY).orElseThrow();

        long nonCashTenders = journal.all().stream().flatMap(e -> e.tenders().stream())
                .filter(t -> t.method() != TenderMethod.CASH).count();
        assertThat(report.allMatched()).isTrue();
        assertThat(report.matchedCount()).isEqualTo(nonCashTenders).isEqualTo(report.localTenders());
        assertThat(report.statement().rows()).isEqualTo(nonCashTenders);
        assertThat(report.statement().feeFen()).isPositive();
        assertThat(report.statement().netFen())
                .isEqualTo(report.statement().amountFen() - report.statement().feeFen());
        assertThat(reconciler(journal).store().recentDays(7)).extracting(ReconciliationReport::runId)
                .containsExactly(report.runId());
        assertThat(new DayCloseService(client, jdbc, journal, Clock.systemUTC()).lastClose(DAY))
                .hasValueSatisfying(last -> {
                    assertThat(last.settlementId()).isEqualTo(close.settlementId());
                    assertThat(last.status()).contains(SettlementStatus.IN_BALANCE);
                    assertThat(last.bank()).isEqualTo(close.bank());
                });
    }

    @Test
    void differencesPlantedOnEitherSideAreEachFoundInTheirCategory() throws IOException {
        List<JournalEntry> nonCash = withNonCash();
        JournalEntry reversed = nonCash.get(0);
        JournalEntry adjusted = nonCash.get(1);
        JournalEntry omitted = nonCash.get(2);
        JournalEntry hiddenLocally = nonCash.get(3);
        JournalEntry changedLocally = nonCash.get(4);
        sandbox.bank().markStatementRow("T0001", reversed.txnId(), nonCash(reversed).method(),
                StatementRowStatus.REVERSED, 0);
        sandbox.bank().markStatementRow("T0001", adjusted.txnId(), nonCash(adjusted).method(),
                StatementRowStatus.ADJUSTED, nonCash(adjusted).amountFen() + 1);
        sandbox.bank().markStatementRow("T0001", omitted.txnId(), nonCash(omitted).method(),
                StatementRowStatus.OMITTED, 0);
        closeDay();
        long wrongAmount = nonCash(changedLocally).amountFen() + 37;
        JournalSource localSide = new EditedJournal(journal, Set.of(hiddenLocally.txnId()),
                Map.of(changedLocally.txnId(), wrongAmount));

        ReconciliationReport report = reconciler(localSide).reconcile(DAY).orElseThrow();

        assertThat(report.allMatched()).isFalse();
        assertThat(report.counts()).containsOnly(
                Map.entry(DifferenceCategory.REVERSED_BY_BANK, 1L),
                Map.entry(DifferenceCategory.ADJUSTED_BY_BANK, 1L),
                Map.entry(DifferenceCategory.MISSING_AT_BANK, 1L),
                Map.entry(DifferenceCategory.MISSING_LOCALLY,
                        hiddenLocally.tenders().stream().filter(t -> t.method() != TenderMethod.CASH).count()),
                Map.entry(DifferenceCategory.AMOUNT_MISMATCH, 1L));
        ReconciliationStore store = reconciler(journal).store();
        List<Difference> differences = store.differences(report.runId());
        assertThat(differences).filteredOn(d -> d.category() == DifferenceCategory.MISSING_AT_BANK).singleElement()
                .satisfies(d -> {
                    assertThat(d.txnId()).isEqualTo(omitted.txnId());
                    assertThat(d.localAmountFen()).isEqualTo(nonCash(omitted).amountFen());
                    assertThat(d.bankAmountFen()).isNull();
                });
        assertThat(differences).filteredOn(d -> d.category() == DifferenceCategory.AMOUNT_MISMATCH).singleElement()
                .satisfies(d -> {
                    assertThat(d.txnId()).isEqualTo(changedLocally.txnId());
                    assertThat(d.localAmountFen()).isEqualTo(wrongAmount);
                    assertThat(d.bankAmountFen()).isEqualTo(nonCash(changedLocally).amountFen());
                });
        assertThat(differences).filteredOn(d -> d.category() == DifferenceCategory.ADJUSTED_BY_BANK).singleElement()
                .satisfies(d -> assertThat(d.bankAmountFen()).isEqualTo(nonCash(adjusted).amountFen() + 1));
    }

    @Test
    void referencesHoldingLineBreaksAndQuotesComeBackWhole() {
        String cardReference = "C1\nsecond line";
        String accountReference = "A\r\n\"7\"";
        JournalEntry card = journal.append(EntryKind.SALE, TestJournal.DATE,
                List.of(new EntryTender(TenderMethod.BANK_CARD, 1200, cardReference)), "");
        journal.append(EntryKind.MEAL, TestJournal.DATE,
                List.of(new EntryTender(TenderMethod.ACCOUNT, 800, accountReference)), "");
        assertThat(new SyncService(client, db, journal, Clock.systemUTC()).syncNow().upToDate()).isTrue();
        sandbox.bank().markStatementRow("T0001", card.txnId(), TenderMethod.BANK_CARD, StatementRowStatus.REVERSED, 0);
        closeDay();

        Reconciler reconciler = reconciler(journal);
        ReconciliationReport report = reconciler.reconcile(DAY).orElseThrow();

        assertThat(report.counts()).containsOnly(Map.entry(DifferenceCategory.REVERSED_BY_BANK, 1L));
        assertThat(reconciler.store().differences(report.runId())).singleElement()
                .satisfies(d -> assertThat(d.reference()).isEqualTo(cardReference));
        assertThat(report.matchedCount()).isEqualTo(report.statement().rows() - 1);
    }

    @Test
    void aDifferenceMarkedInvestigatedKeepsItsNoteAcrossReRunsAndExportsAsCsv() throws IOException {
        JournalEntry reversed = withNonCash().get(0);
        sandbox.bank().markStatementRow("T0001", reversed.txnId(), nonCash(reversed).method(),
                StatementRowStatus.REVERSED, 0);
        closeDay();
        Reconciler reconciler = reconciler(journal);
        ReconciliationReport first = reconciler.reconcile(DAY).orElseThrow();
        Difference difference = reconciler.store().differences(first.runId()).get(0);
        reconciler.store().markInvestigated(first.runId(), difference.diffNo(), "customer disputed, bank agreed");

        ReconciliationReport second = reconciler.reconcile(DAY).orElseThrow();

        assertThat(second.runId()).isGreaterThan(first.runId());
        assertThat(reconciler.store().latest(DAY)).hasValueSatisfying(r -> assertThat(r.runId())
                .isEqualTo(second.runId()));
        Difference carried = reconciler.store().differences(second.runId()).get(0);
        assertThat(carried.investigated()).isTrue();
        assertThat(carried.note()).isEqualTo("customer disputed, bank agreed");
        StringWriter csv = new StringWriter();
        reconciler.store().exportCsv(second.runId(), csv);
        assertThat(csv.toString().split("\n")).containsExactly(ReconciliationStore.CSV_HEADER,
                "REVERSED_BY_BANK," + reversed.txnId() + "," + reversed.seq() + "," + nonCash(reversed).method() + ","
                        + nonCash(reversed).amountFen() + "," + nonCash(reversed).amountFen() + ","
                        + carried.bankFeeFen() + ",REVERSED," + nonCash(reversed).reference()
                        + ",true,\"customer disputed, bank agreed\"");
    }

    @Test
    void statementWhoseBytesDoNotMatchTheHashIsRefused() throws IOException {
        closeDay();
        try (Stream<Path> files = Files.walk(dir.resolve("bank"))) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String text = Files.readString(csv, StandardCharsets.UTF_8);
                Files.writeString(csv, text.replaceFirst(",SETTLED", ",ADJUSTED"), StandardCharsets.UTF_8);
            }
        }
        assertThatThrownBy(() -> reconciler(journal).reconcile(DAY)).isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("does not match hash_value");
    }

    @Test
    void aRateLimitedStatementDownloadWaitsTheBanksRetryAfter() {
        closeDay();
        sandbox.bank().faults().inject("GET", STATEMENT_FILES, Fault.rateLimit(2), 1);
        MutableClock clock = new MutableClock(Instant.now(), ZoneOffset.ofHours(8));

        ReconciliationReport report;
        try (BankClient timed = sandbox.client(SandboxFixture.KEY, clock, clock::sleep)) {
            report = reconciler(journal, timed).reconcile(DAY).orElseThrow();
        }

        assertThat(report.allMatched()).isTrue();
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aStatementDownloadAskedToWaitLongerThanThePolicyObeysStopsAtOnce() {
        closeDay();
        sandbox.bank().faults().inject("GET", STATEMENT_FILES, Fault.rateLimit(30), SandboxFaults.FOREVER);
        MutableClock clock = new MutableClock(Instant.now(), ZoneOffset.ofHours(8));

        try (BankClient timed = sandbox.client(SandboxFixture.KEY, clock, clock::sleep)) {
            assertThatThrownBy(() -> reconciler(journal, timed).reconcile(DAY))
                    .isInstanceOf(BankUnavailableException.class)
                    .hasMessageContaining("HTTP 429 RATE_LIMITED, Retry-After 30 s");
        }
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void dayClosedWithoutAnAnswerIsRetriedWithTheSameSettlementId() {
        sandbox.bank().faults().inject("POST", "/v1/terminals/T0001/settlements",
                org.tongpos.sync.sandbox.Fault.dropAfterCommit(), org.tongpos.sync.sandbox.SandboxFaults.FOREVER);
        DayClose unknown = closeDay();
        assertThat(unknown.outcome()).isEqualTo(DayClose.Outcome.UNKNOWN);

        sandbox.bank().faults().clear();
        DayClose settled = closeDay();

        assertThat(settled.outcome()).isEqualTo(DayClose.Outcome.SETTLED);
        assertThat(settled.settlementId()).isEqualTo(unknown.settlementId());
        DayClose again = closeDay();
        assertThat(again.settlementId()).isNotEqualTo(settled.settlementId());
        assertThat(again.status()).contains(SettlementStatus.IN_BALANCE);
    }
}
