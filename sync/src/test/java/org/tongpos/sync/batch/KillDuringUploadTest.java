package org.tongpos.sync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.client.TestJournal;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.reconcile.DayClose;
import org.tongpos.sync.reconcile.DayCloseService;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.SettlementStatus;

/**
 * kill -9 of a terminal JVM before, during and after its upload; a new process on the same database then
 * finishes, and the bank holds exactly the journal.
 */
class KillDuringUploadTest {

    private static final int ENTRIES = 6_000;
    private static final long SEED = 77;

    @TempDir
    Path dir;

    /** @param killAfterBankHolds kill once the bank holds at least this many entries (0: right after start) */
    @ParameterizedTest(name = "kill -9 once the bank holds {0} entries")
    @ValueSource(ints = {0, 2_000, ENTRIES})
    void terminalKilledMidUploadLosesNothingAndDoublesNothing(int killAfterBankHolds) throws Exception {
        try (SandboxFixture sandbox = new SandboxFixture(dir.resolve("bank"))) {
            Path dbDir = dir.resolve("terminal");
            Path quietLogging = Files.writeString(dir.resolve("logback-child.xml"), "<configuration>"
                    + "<appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'><encoder><pattern>%msg%n"
                    + "</pattern></encoder></appender><root level='WARN'><appender-ref ref='OUT'/></root>"
                    + "</configuration>");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlogback.configurationFile=" + quietLogging, "-cp", System.getProperty("java.class.path"), UploadChild.class.getName(),
                    sandbox.bank().apiBaseUrl(), dbDir.toString(), Integer.toString(ENTRIES), Long.toString(SEED))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            try {
                waitForReady(child);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (sandbox.cursor().lastSeq() < killAfterBankHolds && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(child.isAlive()).as("child still uploading when killed").isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            long heldAtKill = sandbox.cursor().lastSeq();
            if (killAfterBankHolds < ENTRIES) {
                assertThat(heldAtKill).as("the kill came before the upload finished").isLessThan(ENTRIES);
            }

            TestJournal journal = new TestJournal(SandboxFixture.TERMINAL, SEED);
            journal.appendRandom(ENTRIES);
            var db = TestDatabase.file(dbDir);
            try (BankClient client = sandbox.client()) {
                SyncStatus status = new SyncService(client, db, journal, Clock.systemUTC()).syncNow();
                assertThat(status.upToDate()).as("after kill at %d held", heldAtKill).isTrue();

                List<JournalEntry> all = journal.all();
                Cursor cursor = sandbox.cursor();
                assertThat(cursor.lastSeq()).isEqualTo(ENTRIES);
                assertThat(cursor.lastEntryHash()).isEqualTo(all.get(all.size() - 1).entryHash());
                DayClose close = new DayCloseService(client, new Jdbc(db), journal, Clock.systemUTC())
                        .closeDay(LocalDate.parse(TestJournal.DATE));
                assertThat(close.status()).contains(SettlementStatus.IN_BALANCE);
                assertThat(close.bank()).contains(close.local());
            }
        }
    }

    private static void waitForReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("ready")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe flowing so the child never blocks on logging
                        }
                    } catch (IOException ignored) {
                        // the child was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("child JVM ended before it was ready");
    }
}
