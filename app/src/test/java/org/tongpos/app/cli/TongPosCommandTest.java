package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.tongpos.app.DataDirectory;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class TongPosCommandTest {

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        return TongPosCommand.run(d -> 99, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    }

    @Test
    void onlyTheNamedCommandIsRegistered() {
        assertThat(TongPosCommand.subcommandsFor("--data-dir", "/tmp/x", "catalog", "find", "kkkl"))
                .containsExactly(CatalogCommand.class);
        assertThat(TongPosCommand.subcommandsFor("--data-dir=/tmp/x", "journal", "verify"))
                .containsExactly(JournalCommand.class);
        assertThat(TongPosCommand.subcommandsFor("sync", "--help")).containsExactly(SyncCommand.class);
    }

    @Test
    void theWindowAndVersionRegisterNoneAndHelpOrUnknownWordsAll() {
        assertThat(TongPosCommand.subcommandsFor()).isEmpty();
        assertThat(TongPosCommand.subcommandsFor("--data-dir", "/tmp/x")).isEmpty();
        assertThat(TongPosCommand.subcommandsFor("--version")).isEmpty();
        assertThat(TongPosCommand.subcommandsFor("--help")).isEqualTo(TongPosCommand.SUBCOMMANDS);
        assertThat(TongPosCommand.subcommandsFor("catalgo", "find")).isEqualTo(TongPosCommand.SUBCOMMANDS);
        assertThat(TongPosCommand.subcommandsFor("--bogus")).isEqualTo(TongPosCommand.SUBCOMMANDS);
    }

    @Test
    void onlyArgumentsWithoutCommandVersionOrHelpStartTheWindowEarly() {
        assertThat(TongPosCommand.startsWindow()).isTrue();
        assertThat(TongPosCommand.startsWindow("--data-dir", "/tmp/x")).isTrue();
        assertThat(TongPosCommand.startsWindow("--data-dir=/tmp/x")).isTrue();
        assertThat(TongPosCommand.startsWindow("--version")).isFalse();
        assertThat(TongPosCommand.startsWindow("-V")).isFalse();
        assertThat(TongPosCommand.startsWindow("--help")).isFalse();
        assertThat(TongPosCommand.startsWindow("--data-dir", "/tmp/x", "journal", "verify")).isFalse();
    }

    @Test
    void theWindowsFormsAreKnownWithoutPicocliAndEverythingElseIsLeftToIt() {
        assertThat(TongPosCommand.windowDataDirectory()).contains(Path.of(""));
        assertThat(TongPosCommand.windowDataDirectory("--data-dir", "/tmp/x")).contains(Path.of("/tmp/x"));
        assertThat(TongPosCommand.windowDataDirectory("--data-dir=/tmp/y")).contains(Path.of("/tmp/y"));
        assertThat(TongPosCommand.windowDataDirectory("--data-dir")).isEmpty();
        assertThat(TongPosCommand.windowDataDirectory("--data-dir=")).isEmpty();
        assertThat(TongPosCommand.windowDataDirectory("--data-dir", "--version")).isEmpty();
        assertThat(TongPosCommand.windowDataDirectory("--version")).isEmpty();
        assertThat(TongPosCommand.windowDataDirectory("--data-dir", "/tmp/x", "journal")).isEmpty();
        assertThat(TongPosCommand.windowDataDirectory("journal")).isEmpty();
    }

    @Test
    void theWindowGetsTheDirectoryPicocliWouldHaveGiven() {
        assertThat(windowStartedWith("--data-dir", "rel/dir")).isEqualTo(Path.of("rel/dir").toAbsolutePath());
        assertThat(windowStartedWith("--data-dir=/tmp/z")).isEqualTo(Path.of("/tmp/z"));
        assertThat(windowStartedWith())
                .isEqualTo(DataDirectory.resolve(null, System.getenv(), System.getProperty("user.home")));
    }

    private Path windowStartedWith(String... args) {
        AtomicReference<Path> started = new AtomicReference<>();
        assertThat(TongPosCommand.run(d -> {
            started.set(d);
            return 7;
        }, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args)).isEqualTo(7);
        return started.get();
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        List<String> names = TongPosCommand.SUBCOMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).toList();
        assertThat(names).doesNotHaveDuplicates().contains("catalog", "journal", "sync", "device");
        assertThat(out.toString()).contains(names);
    }

    @Test
    void noCommandStartsTheWindowAndVersionPrintsTheVersion() {
        assertThat(run("--data-dir", "/tmp/nowhere")).isEqualTo(99);
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("TongPOS ");
    }
}
