package org.tongpos.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.backup.domain.BackupManifest;
import org.tongpos.app.backup.service.BackupException;
import org.tongpos.app.backup.service.BackupRestore;
import org.tongpos.app.backup.service.Backups;
import org.tongpos.app.backup.store.BackupStore;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.journal.service.JournalVerifier;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.sync.journal.TenderMethod;

class BackupRestoreTest {

    @TempDir
    Path dir;

    private static void sell(Terminal terminal, String code) throws Exception {
        Cart cart = new Cart();
        terminal.checkout().scan(cart, code);
        terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(1000), "")),
                TestSessions.cashier("1"));
    }

    /** The current terminal as the CLI reads it before a restore. */
    private static Optional<BackupRestore.Current> current(Path directory, long seq) {
        if (!BackupRestore.hasDatabase(directory)) {
            return Optional.of(new Current(Optional.empty(), Optional.empty()));
        }
        try (Terminal terminal = Terminal.open(directory, TerminalFixture.FIXED_CLOCK)) {
            return Optional.of(new Current(Optional.of(terminal.backups().state()),
                    terminal.backups().entryHashAt(seq)));
        }
    }

    private record Current(Optional<BackupStore.State> state, Optional<String> hash) implements BackupRestore.Current {
        @Override
        public Optional<String> entryHashAt(long seq) {
            return hash;
        }
    }

    private static List<String> hashes(Terminal terminal) {
        List<String> hashes = new ArrayList<>();
        terminal.journal().forEach(1, Long.MAX_VALUE, entry -> hashes.add(entry.entryHash()));
        return hashes;
    }

    private static long count(Terminal terminal, String sql) throws Exception {
        try (Connection c = terminal.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void backupsTakenWhileAnotherThreadSellsRestoreToJournalsThatVerifyWithEverySaleWhole() throws Exception {
        Path data = dir.resolve("till");
        List<Path> files = new ArrayList<>();
        List<String> original;
        AtomicInteger sold = new AtomicInteger();
        int soldBeforeBackups;
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(data)) {
            AtomicBoolean selling = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch warmedUp = new CountDownLatch(20);
            Thread seller = new Thread(() -> {
                try {
                    while (selling.get()) {
                        sell(terminal, sold.get() % 2 == 0 ? TerminalFixture.COLA : TerminalFixture.PEPSI);
                        sold.incrementAndGet();
                        warmedUp.countDown();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                    warmedUp.countDown();
                }
            }, "seller");
            seller.start();
            assertThat(warmedUp.await(60, TimeUnit.SECONDS)).isTrue();
            soldBeforeBackups = sold.get();
            for (int i = 0; i < 4; i++) {
                Path file = dir.resolve("backups").resolve("b" + i + ".zip");
                terminal.backups().create(file);
                files.add(file);
            }
            selling.set(false);
            seller.join(60_000);
            assertThat(failure.get()).isNull();
            original = hashes(terminal);
        }
        assertThat(sold.get()).isGreaterThan(soldBeforeBackups);

        long previousHead = 0;
        for (Path file : files) {
            BackupManifest manifest = Backups.verify(file).manifest();
            assertThat(manifest.headSeq()).isGreaterThanOrEqualTo(Math.max(previousHead, 20));
            previousHead = manifest.headSeq();
            Path restored = dir.resolve("restored-" + file.getFileName());
            BackupRestore.restore(file, restored, current(restored, manifest.headSeq()), false,
                    TerminalFixture.FIXED_CLOCK);
            try (Terminal terminal = Terminal.open(restored, TerminalFixture.FIXED_CLOCK)) {
                JournalVerifier.Result verified = terminal.journalVerifier().verify();
                assertThat(verified.ok()).as(file + ": " + verified).isTrue();
                List<String> hashes = hashes(terminal);
                // exactly the journal as it was at the snapshot: no entry missing, none half there, none later
                assertThat(hashes).hasSize((int) manifest.headSeq())
                        .isEqualTo(original.subList(0, (int) manifest.headSeq()));
                assertThat(hashes.get(hashes.size() - 1)).isEqualTo(manifest.headHash());
                assertThat(count(terminal, "SELECT COUNT(*) FROM sale")).isEqualTo(manifest.headSeq());
                assertThat(count(terminal, "SELECT COUNT(*) FROM sale s WHERE NOT EXISTS (SELECT 1 FROM sale_line l "
                        + "WHERE l.txn_id = s.txn_id) OR NOT EXISTS (SELECT 1 FROM sale_tender t WHERE t.txn_id = s.txn_id)"))
                        .isZero();
                sell(terminal, TerminalFixture.COLA); // and the restored till sells on from its head
                assertThat(terminal.journal().lastSeq()).isEqualTo(manifest.headSeq() + 1);
            }
        }
    }

    @Test
    void aCorruptBackupIsRefusedAndChangesNothing() throws Exception {
        Path data = dir.resolve("till");
        Path file = dir.resolve("b.zip");
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(data)) {
            sell(terminal, TerminalFixture.COLA);
            terminal.backups().create(file);
            sell(terminal, TerminalFixture.PEPSI);
        }
        byte[] bytes = Files.readAllBytes(file);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 3] ^= 0x10;
        Path corrupt = dir.resolve("corrupt.zip");
        Files.write(corrupt, flipped);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        Path notABackup = dir.resolve("other.zip");
        Files.writeString(notABackup, "PK not a zip at all");

        List<String> before;
        try (Terminal terminal = Terminal.open(data, TerminalFixture.FIXED_CLOCK)) {
            before = hashes(terminal);
        }
        for (Path bad : List.of(corrupt, truncated, notABackup)) {
            assertThatThrownBy(() -> Backups.verify(bad)).isInstanceOfSatisfying(BackupException.class,
                    e -> assertThat(e.kind()).isEqualTo(BackupException.Kind.CORRUPT));
            assertThatThrownBy(() -> BackupRestore.restore(bad, data, current(data, 1), true,
                    TerminalFixture.FIXED_CLOCK)).isInstanceOfSatisfying(BackupException.class,
                    e -> assertThat(e.refusal()).isTrue());
        }
        assertThat(data.resolve("restore.tmp")).doesNotExist();
        assertThat(data.resolve("backups")).doesNotExist();
        try (Terminal terminal = Terminal.open(data, TerminalFixture.FIXED_CLOCK)) {
            assertThat(hashes(terminal)).hasSize(2).isEqualTo(before);
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
        }
    }

    @Test
    void anotherTerminalsBackupOrAnotherChainUnderTheSameIdIsRefused() throws Exception {
        Path file = dir.resolve("t1.zip");
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir.resolve("t1"))) {
            sell(terminal, TerminalFixture.COLA);
            terminal.backups().create(file);
        }
        Path other = dir.resolve("t2");
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(other)) {
            terminal.settings().set(SettingKey.TERMINAL_ID, "T0002");
        }
        try (Terminal terminal = Terminal.open(other, TerminalFixture.FIXED_CLOCK)) {
            sell(terminal, TerminalFixture.PEPSI);
        }
        assertThatThrownBy(() -> BackupRestore.restore(file, other, current(other, 1), true,
                TerminalFixture.FIXED_CLOCK)).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.kind()).isEqualTo(BackupException.Kind.FOREIGN));

        Path sameId = dir.resolve("t1-elsewhere");
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(sameId)) {
            sell(terminal, TerminalFixture.PEPSI); // T0001 as well, but another sale at seq 1
        }
        assertThatThrownBy(() -> BackupRestore.restore(file, sameId, current(sameId, 1), true,
                TerminalFixture.FIXED_CLOCK)).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.key()).isEqualTo("backup.refused.otherChain"));
        try (Terminal terminal = Terminal.open(other, TerminalFixture.FIXED_CLOCK)) {
            assertThat(terminal.journal().terminalId()).isEqualTo("T0002");
            assertThat(terminal.journal().lastSeq()).isEqualTo(1);
        }
    }

    @Test
    void aBackupOlderThanWhatTheBankWasGivenIsRefusedUnlessForcedAndTheJournalVerifiesAfter() throws Exception {
        Path data = dir.resolve("till");
        Path file = dir.resolve("old.zip");
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(data)) {
            sell(terminal, TerminalFixture.COLA);
            sell(terminal, TerminalFixture.COLA);
            terminal.backups().create(file);
            for (int i = 0; i < 3; i++) {
                sell(terminal, TerminalFixture.PEPSI);
            }
            try (Connection c = terminal.database().connection(); Statement s = c.createStatement()) {
                // as the sync module records a batch sealed for the bank (BatchStore)
                s.execute("CREATE TABLE IF NOT EXISTS sync_state (name VARCHAR(64) PRIMARY KEY, text_value VARCHAR(2000), "
                        + "long_value BIGINT)");
                s.execute("MERGE INTO sync_state (name, long_value) KEY (name) VALUES ('batch.sealed_through', 4)");
            }
        }
        List<String> before;
        try (Terminal terminal = Terminal.open(data, TerminalFixture.FIXED_CLOCK)) {
            before = hashes(terminal);
        }
        assertThatThrownBy(() -> BackupRestore.restore(file, data, current(data, 2), false,
                TerminalFixture.FIXED_CLOCK)).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackupException.Kind.OLDER_THAN_SENT);
                    assertThat(e.args()).containsExactly(2L, 4L);
                });
        assertThat(data.resolve("backups")).doesNotExist();
        try (Terminal terminal = Terminal.open(data, TerminalFixture.FIXED_CLOCK)) {
            assertThat(hashes(terminal)).hasSize(5).isEqualTo(before);
        }

        BackupRestore.Restored restored = BackupRestore.restore(file, data, current(data, 2), true,
                TerminalFixture.FIXED_CLOCK);
        assertThat(restored.entriesDropped()).isEqualTo(3);
        assertThat(restored.setAside()).isPresent();
        assertThat(restored.setAside().get().resolve("tongpos.mv.db")).exists();
        try (Terminal terminal = Terminal.open(data, TerminalFixture.FIXED_CLOCK)) {
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
            assertThat(terminal.journal().lastSeq()).isEqualTo(2);
        }
    }
}
