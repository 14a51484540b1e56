package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.storage.DirectoryLock;
import org.tongpos.app.storage.DirectoryLockHolder;

/** A command on a data directory the till window (or another command) holds says so, instead of H2's "file locked". */
class CommandOnABusyDirectoryTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TongPosCommand.run(d -> 99, new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void aCommandWhileTheWindowRunsSaysSoInTheTerminalsLanguage() throws Exception {
        assertThat(run("config", "set", "ui.locale", "en")).as(err.toString()).isZero();
        Process window = DirectoryLockHolder.start(dir, "WINDOW", "en");
        try {
            assertThat(run("journal", "verify")).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString().strip()).isEqualTo("The till window is running on the data directory " + dir
                    + ": close it first, or do this in the window.");
            assertThat(out.toString()).isEmpty();
        } finally {
            window.getOutputStream().close();
            assertThat(window.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(run("journal", "verify")).as(err.toString()).isZero();
    }

    @Test
    void aCommandWhileAnotherRunsSaysSoInChinese() {
        try (DirectoryLock other = DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.COMMAND).orElseThrow()) {
            other.describe("zh_CN", 0, "");
            assertThat(run("catalog", "find", "kkkl")).isEqualTo(ExitCodes.FAILURE);
        }
        assertThat(err.toString().strip()).isEqualTo("另一个通POS 命令正在使用数据目录 " + dir + "，请等它结束后再试。");
    }

    @Test
    void commandsThatNeedNoDataDirectoryRunWhileTheWindowHoldsIt() throws Exception {
        try (DirectoryLock window = DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.WINDOW).orElseThrow()) {
            assertThat(run("--version")).isZero();
            assertThat(out.toString()).startsWith("TongPOS");
        }
    }
}
