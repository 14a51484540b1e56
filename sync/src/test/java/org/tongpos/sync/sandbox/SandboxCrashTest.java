package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.wire.BatchRequest;
import org.tongpos.sync.wire.Cursor;

/** The bank process is killed with SIGKILL in the middle of uploads: every acknowledged batch survives. */
class SandboxCrashTest {

    private static final String KEY = TestTerminal.newKey((byte) 9);

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedBatchSurvivesAKill9OfTheBank() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SandboxProcessMain.class.getName(),
                dataDir.toString(), "T0001", KEY).redirectErrorStream(true).start();
        int port;
        try {
            port = awaitReady(child);
        } catch (RuntimeException | AssertionError e) {
            child.destroyForcibly();
            throw e;
        }
        TestJournal journal = new TestJournal("T0001");
        TestTerminal terminal = new TestTerminal("http://127.0.0.1:" + port, Credentials.fromBase64("T0001", KEY),
                Clock.systemUTC());
        List<String> acknowledged = new ArrayList<>();
        long acknowledgedLastSeq = 0;
        // killed in the middle of the uploads, once a few batches are in: a fixed delay from start would assume the
        // first uploads finish within it on any machine
        java.util.concurrent.CountDownLatch someAcknowledged = new java.util.concurrent.CountDownLatch(3);
        Thread killer = new Thread(() -> {
            try {
                someAcknowledged.await(60, TimeUnit.SECONDS);
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            child.destroyForcibly();
        });
        killer.start();
        try {
            for (int batch = 1; batch <= 10_000; batch++) {
                List<JournalEntry> entries = journal.cashSales(50, 100);
                String id = "b-" + batch;
                TestTerminal.Reply reply = terminal.post("/v1/terminals/T0001/batches", BatchRequest.of(id, entries), id);
                assertThat(reply.status()).isEqualTo(201);
                assertThat(reply.verified()).isTrue();
                acknowledged.add(id);
                acknowledgedLastSeq = entries.get(entries.size() - 1).seq();
                someAcknowledged.countDown();
            }
        } catch (java.io.IOException expectedOnceKilled) {
            // the bank died under us
        } finally {
            killer.join();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("the bank accepted batches before it was killed").isNotEmpty();
        System.out.printf("killed after %d acknowledged batches (last seq %d)%n", acknowledged.size(),
                acknowledgedLastSeq);

        try (SandboxBank restarted = SandboxBank.start(new SandboxBankConfig(0, dataDir, Map.of("T0001", KEY),
                "M001"))) {
            TestTerminal after = new TestTerminal(restarted.origin(), Credentials.fromBase64("T0001", KEY),
                    Clock.systemUTC());
            Cursor cursor = after.get("/v1/terminals/T0001/cursor").as(Cursor.class);
            assertThat(cursor.lastSeq()).isGreaterThanOrEqualTo(acknowledgedLastSeq);
            assertThat(cursor.lastEntryHash()).isEqualTo(journal.all().get((int) cursor.lastSeq() - 1).entryHash());
            for (String id : acknowledged) {
                assertThat(after.get("/v1/terminals/T0001/batches/" + id).status()).as(id).isEqualTo(200);
            }
        }
    }

    private static int awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new AssertionError("the sandbox process exited before it was ready");
    }
}
