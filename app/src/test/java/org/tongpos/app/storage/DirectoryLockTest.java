package org.tongpos.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondOwnerInTheSameProcessIsRefusedUntilTheFirstLetsGo() {
        Optional<DirectoryLock> first = DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.WINDOW);
        assertThat(first).isPresent();
        assertThat(DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.COMMAND)).isEmpty();
        first.get().close();
        try (DirectoryLock again = DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.COMMAND).orElseThrow()) {
            assertThat(DirectoryLock.owner(dir)).hasValueSatisfying(o ->
                    assertThat(o.holder()).isEqualTo(DirectoryLock.Holder.COMMAND));
        }
    }

    @Test
    void theOwnerSaysWhoItIsAndWhereItAnswers() {
        try (DirectoryLock lock = DirectoryLock.tryAcquire(dir.resolve("new/data"), DirectoryLock.Holder.WINDOW)
                .orElseThrow()) {
            lock.describe("en", 43210, "abc");
            DirectoryLock.Owner owner = DirectoryLock.owner(dir.resolve("new/data")).orElseThrow();
            assertThat(owner).isEqualTo(new DirectoryLock.Owner(DirectoryLock.Holder.WINDOW, "en", 43210, "abc",
                    ProcessHandle.current().pid()));
        }
    }

    @Test
    void anotherProcessOwnsTheDirectoryUntilItIsKilled() throws Exception {
        Process holder = DirectoryLockHolder.start(dir, "WINDOW", "en");
        try {
            assertThat(DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.WINDOW)).isEmpty();
            DirectoryLock.Owner owner = DirectoryLock.owner(dir).orElseThrow();
            assertThat(owner.holder()).isEqualTo(DirectoryLock.Holder.WINDOW);
            assertThat(owner.locale()).isEqualTo("en");
            assertThat(owner.pid()).isEqualTo(holder.pid());
        } finally {
            holder.destroyForcibly(); // kill -9: no chance to let go politely
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (DirectoryLock mine = DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.WINDOW).orElseThrow()) {
            assertThat(DirectoryLock.owner(dir).orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }
}
