package org.tongpos.sync.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncSchema;
import org.tongpos.sync.client.TestDatabase;
import org.tongpos.sync.client.TestJournal;
import org.tongpos.sync.reconcile.GeneratedJournal;
import org.tongpos.sync.reconcile.ReconciliationEngine;
import org.tongpos.sync.reconcile.ReconciliationReport;
import org.tongpos.sync.reconcile.ReconciliationStore;

/**
 * Timed runner (not a test) for the two sync speed targets. See docs/performance.md ("Sync") for the command.
 * <ul>
 *   <li>{@code upload N}: N offline entries sealed and uploaded to the in-process sandbox bank over
 *       loopback, terminal database an H2 file (target: 100,000 in ≤ 30 s);</li>
 *   <li>{@code reconcile N}: an N-row statement file hashed, streamed and reconciled against N local
 *       entries, result stored in H2 (target: 1,000,000 in ≤ 10 s, memory not growing with the file).</li>
 * </ul>
 * Without arguments runs {@code upload 100000} then {@code reconcile 100000} and {@code reconcile 1000000}.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            run(args[0], Integer.parseInt(args[1]));
        } else {
            run("upload", 100_000);
            run("reconcile", 100_000);
            run("reconcile", 1_000_000);
        }
    }

    private static void run(String what, int n) throws Exception {
        Path dir = Files.createTempDirectory("sync-bench");
        try {
            switch (what) {
                case "upload" -> upload(dir, n);
                case "reconcile" -> reconcile(dir, n);
                default -> throw new IllegalArgumentException("upload N | reconcile N");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void upload(Path dir, int n) {
        TestJournal journal = new TestJournal(SandboxFixture.TERMINAL, 1);
        journal.appendRandom(n);
        try (SandboxFixture sandbox = new SandboxFixture(dir.resolve("bank"));
             BankClient client = sandbox.client()) {
            SyncService sync = new SyncService(client, TestDatabase.file(dir.resolve("terminal")), journal,
                    Clock.systemUTC());
            long start = System.nanoTime();
            SyncStatus status = sync.syncNow();
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean exact = sandbox.cursor().lastSeq() == n
                    && sandbox.cursor().lastEntryHash().equals(journal.all().get(n - 1).entryHash());
            print("upload %,d entries: %,d ms (%,.0f entries/s), %d batches, up to date %s, bank holds exactly the "
                    + "journal %s", n, millis, n * 1000.0 / millis,
                    sync.batches().inState(BatchState.ACCEPTED).size(), status.upToDate(), exact);
        }
    }

    private static void reconcile(Path dir, int n) throws IOException {
        GeneratedJournal journal = new GeneratedJournal(n, 3);
        Path statement = dir.resolve("statement.csv");
        try (OutputStream out = Files.newOutputStream(statement)) {
            journal.writeStatement(out, 10_000);
        }
        var db = TestDatabase.file(dir.resolve("terminal"));
        SyncSchema.migrate(db);
        Jdbc jdbc = new Jdbc(db);
        ReconciliationEngine engine = new ReconciliationEngine(jdbc, journal,
                new ReconciliationStore(jdbc, Clock.systemUTC()));
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        MessageDigest sha = sha256();
        ReconciliationReport report = engine.reconcile(LocalDate.parse(GeneratedJournal.DATE), "bench", "/v1/bench",
                () -> new DigestInputStream(Files.newInputStream(statement), sha));
        String hash = HexFormat.of().formatHex(sha.digest());
        long millis = (System.nanoTime() - start) / 1_000_000;
        print("reconcile %,d rows (%,d MB file, sha256 %s…): %,d ms; matched %,d, differences %,d; peak heap %,d MB "
                        + "(max %,d MB)", n, Files.size(statement) >> 20, hash.substring(0, 12), millis,
                report.matchedCount(), report.differenceCount(), peakHeapMb(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("java:S106")
    private static void print(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

}
