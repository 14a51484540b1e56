package org.tongpos.app.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankServices;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.journal.ApiTimes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.reconcile.DayClose;
import org.tongpos.sync.reconcile.ReconciliationReport;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/**
 * A timed run (not a test) of the bank sync through the app's own wiring: N entries of one business day in the
 * terminal's journal (written straight into the journal table in 1,000-entry transactions, hash-chained), then
 * {@code syncNow()} to a sandbox bank over loopback, the day close and the reconciliation, each timed. Run:
 * {@code java -cp ... org.tongpos.app.bank.AppSyncBenchmark 20000} (see docs/performance.md).
 */
public final class AppSyncBenchmark {

    private AppSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path work = Files.createTempDirectory("tongpos-app-sync-bench");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = Base64.getEncoder().encodeToString(secret);
        LocalDate day = LocalDate.of(2026, 11, 30);
        try (SandboxBank bank = SandboxBank.start(new SandboxBankConfig(0, work.resolve("bank"),
                Map.of("T0001", key), "M001"))) {
            try (Terminal terminal = Terminal.open(work.resolve("terminal"))) {
                terminal.settings().set(SettingKey.BANK_URL, bank.apiBaseUrl());
                terminal.settings().set(SettingKey.BANK_KEY, key);
                long started = System.nanoTime();
                journal(terminal, entries, day);
                report("journal " + entries + " entries (setup)", started);
            }
            try (Terminal terminal = Terminal.open(work.resolve("terminal"))) {
                BankServices services = terminal.bank().services().orElseThrow();
                long started = System.nanoTime();
                int[] count = new int[1];
                terminal.bank().journal().forEachOfBusinessDate(day.toString(), e -> count[0]++);
                report("read the day's " + count[0] + " entries by business date (index)", started);

                started = System.nanoTime();
                SyncStatus status = services.sync().syncNow();
                report("sync now: upload " + entries + " entries, up to date " + status.upToDate(), started);

                started = System.nanoTime();
                DayClose close = services.dayClose().closeDay(day);
                report("close day: " + close.status().orElse(null), started);

                started = System.nanoTime();
                ReconciliationReport recon = services.reconciler().reconcile(day).orElseThrow();
                report("reconcile: " + recon.statement().rows() + " statement rows, " + recon.matchedCount()
                        + " matched, " + recon.differenceCount() + " differences", started);
            }
        } finally {
            deleteQuietly(work);
        }
    }

    private static void journal(Terminal terminal, int entries, LocalDate day) throws Exception {
        JournalStore journal = terminal.journal();
        RandomGenerator random = RandomGenerator.getDefault();
        OffsetDateTime at = day.atTime(8, 0).atOffset(ZoneOffset.ofHours(8));
        int written = 0;
        while (written < entries) {
            try (Connection c = terminal.database().connection()) {
                c.setAutoCommit(false);
                for (int i = 0; i < 1000 && written < entries; i++, written++) {
                    long amount = 100 + random.nextLong(20_000);
                    TenderMethod method = switch (written % 3) {
                        case 0 -> TenderMethod.CASH;
                        case 1 -> TenderMethod.BANK_CARD;
                        default -> TenderMethod.PAYMENT_CODE;
                    };
                    String reference = method == TenderMethod.CASH ? "" : "R" + written;
                    journal.append(c, new JournalStore.Draft(UUID.randomUUID().toString(), EntryKind.SALE,
                            ApiTimes.format(at.plusSeconds(written)), day.toString(), amount,
                            List.of(new EntryTender(method, amount, reference)), ""));
                }
                c.commit();
            }
        }
    }

    private static void report(String what, long startedNanos) {
        System.out.printf("%-70s %8.2f s%n", what, (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void deleteQuietly(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
