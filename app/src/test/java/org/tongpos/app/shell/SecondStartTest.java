package org.tongpos.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.storage.DirectoryLock;

class SecondStartTest {

    @TempDir
    Path dir;

    private final List<String> dialogs = new ArrayList<>();

    @Test
    void aSecondStartBringsTheRunningWindowToTheFrontAndEndsQuietly() throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        try (DirectoryLock lock = DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.WINDOW).orElseThrow();
             SingleWindow window = SingleWindow.listen()) {
            lock.describe("zh_CN", window.port(), window.token());
            window.onShow(shown::countDown);

            assertThat(new GuiLauncher().start(dir)).isZero();
            assertThat(shown.await(5, TimeUnit.SECONDS)).as("the running window was asked to show").isTrue();
        }
    }

    @Test
    void aWindowThatDoesNotAnswerGetsADialogInTheTerminalsLanguage() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (DirectoryLock lock = DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.WINDOW).orElseThrow()) {
            lock.describe("en", closedPort, "token");
            assertThat(SecondStart.handle(dir, (title, text) -> dialogs.add(title + ": " + text))).isEqualTo(1);
        }
        assertThat(dialogs).containsExactly("TongPOS is already running: TongPOS is already running on this computer "
                + "with the data directory " + dir + ". Switch to the open till window.");
    }

    @Test
    void aCommandHoldingTheDirectoryIsNamedInChinese() {
        try (DirectoryLock lock = DirectoryLock.tryAcquire(dir, DirectoryLock.Holder.COMMAND).orElseThrow()) {
            lock.describe("zh_CN", 0, "");
            assertThat(SecondStart.handle(dir, (title, text) -> dialogs.add(title + ": " + text))).isEqualTo(1);
        }
        assertThat(dialogs).singleElement().asString().startsWith("通POS 已在运行: 一个通POS 命令正在使用数据目录");
    }

    @Test
    void aRequestWithTheWrongTokenShowsNothing() throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        try (SingleWindow window = SingleWindow.listen()) {
            window.onShow(shown::countDown);
            DirectoryLock.Owner impostor = new DirectoryLock.Owner(DirectoryLock.Holder.WINDOW, "zh_CN", window.port(),
                    "not-the-token", 1);
            assertThat(SingleWindow.summon(impostor, SecondStart.ANSWER_WITHIN)).isFalse();
            DirectoryLock.Owner real = new DirectoryLock.Owner(DirectoryLock.Holder.WINDOW, "zh_CN", window.port(),
                    window.token(), 1);
            assertThat(SingleWindow.summon(real, SecondStart.ANSWER_WITHIN)).isTrue();
            assertThat(shown.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
