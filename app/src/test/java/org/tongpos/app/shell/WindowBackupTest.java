package org.tongpos.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.backup.domain.BackupManifest;
import org.tongpos.app.backup.service.BackupRestore;
import org.tongpos.app.backup.service.Backups;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.cli.TongPosCommand;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.storage.DirectoryLock;
import org.tongpos.sync.journal.TenderMethod;

/** {@code backup create} while the window owns the data directory: the window makes it, while it sells. */
class WindowBackupTest {

    @TempDir
    Path dir;

    @Test
    void aCommandAsksTheSellingWindowForTheBackupAndItRestoresToAJournalThatVerifies() throws Exception {
        Path data = dir.resolve("till");
        Path file = dir.resolve("usb").resolve("online.zip");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(data);
             DirectoryLock window = DirectoryLock.tryAcquire(data, DirectoryLock.Holder.WINDOW).orElseThrow();
             SingleWindow single = SingleWindow.listen()) {
            window.describe("zh_CN", single.port(), single.token());
            single.onBackup(target -> GuiLauncher.backupAsked(terminal, target));
            AtomicBoolean selling = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch warmedUp = new CountDownLatch(10);
            Thread seller = new Thread(() -> {
                try {
                    while (selling.get()) {
                        Cart cart = new Cart();
                        terminal.checkout().scan(cart, TerminalFixture.COLA);
                        terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(500),
                                "")), TestSessions.cashier("1"));
                        warmedUp.countDown();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                    warmedUp.countDown();
                }
            }, "seller");
            seller.start();
            assertThat(warmedUp.await(60, TimeUnit.SECONDS)).isTrue();
            status = TongPosCommand.run(d -> {
                throw new AssertionError("a command must not start the GUI");
            }, new PrintWriter(out, true), new PrintWriter(err, true), "--data-dir", data.toString(), "backup",
                    "create", file.toString());
            selling.set(false);
            seller.join(60_000);
            assertThat(failure.get()).isNull();
        }
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("备份已完成：" + file.toAbsolutePath());

        BackupManifest manifest = Backups.verify(file).manifest();
        assertThat(manifest.headSeq()).isGreaterThanOrEqualTo(10);
        Path restored = dir.resolve("restored");
        BackupRestore.restore(file, restored, Optional.of(new BackupRestore.Current() {
            @Override
            public Optional<org.tongpos.app.backup.store.BackupStore.State> state() {
                return Optional.empty();
            }

            @Override
            public Optional<String> entryHashAt(long seq) {
                return Optional.empty();
            }
        }), false, TerminalFixture.FIXED_CLOCK);
        try (Terminal terminal = Terminal.open(restored, TerminalFixture.FIXED_CLOCK)) {
            assertThat(terminal.journalVerifier().verify().ok()).isTrue();
            assertThat(terminal.journal().lastSeq()).isEqualTo(manifest.headSeq());
        }
    }
}
