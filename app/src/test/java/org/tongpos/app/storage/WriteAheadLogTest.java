package org.tongpos.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> recoveredTexts(Path file) {
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            return log.recoveredRecords().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        }
    }

    @Test
    void recordsAppendedAreReadBackInOrderAfterReopening() {
        Path file = dir.resolve("t.wal");
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            log.append(text("一"));
            log.append(text("two"));
        }
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            assertThat(log.recoveredRecords()).extracting(b -> new String(b, StandardCharsets.UTF_8))
                    .containsExactly("一", "two");
            assertThat(log.size()).isEqualTo(2);
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndCutOff() throws Exception {
        Path file = dir.resolve("t.wal");
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            log.append(text("kept"));
            log.append(text("torn by a power cut"));
        }
        long full = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(full - 5);
        }
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            assertThat(log.recoveredRecords()).hasSize(1);
            log.append(text("next"));
        }
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            assertThat(log.recoveredRecords()).extracting(b -> new String(b, StandardCharsets.UTF_8))
                    .containsExactly("kept", "next");
        }
    }

    @Test
    void aRecordWithABadChecksumEndsTheLog() throws Exception {
        Path file = dir.resolve("t.wal");
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            log.append(text("good"));
            log.append(text("flipped"));
            log.append(text("after"));
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(8 + 4 + 8 + 2);
            raf.write('X');
        }
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            assertThat(log.recoveredRecords()).extracting(b -> new String(b, StandardCharsets.UTF_8))
                    .containsExactly("good");
        }
        assertThat(Files.size(file)).isEqualTo(8 + 4);
    }

    @Test
    void resetEmptiesTheLog() throws Exception {
        Path file = dir.resolve("t.wal");
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            log.append(text("x"));
            log.reset();
            assertThat(log.size()).isZero();
        }
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void anAppendCutShortByAFailedWriteLeavesNoTornRecordInFrontOfLaterOnes() {
        Path file = dir.resolve("t.wal");
        FaultyChannel channel = new FaultyChannel();
        try (WriteAheadLog log = channel.openLog(file)) {
            log.append(text("before"));
            channel.failWritingAfter(11);
            assertThatThrownBy(() -> log.append(text("the sale the cashier saw fail")))
                    .isInstanceOf(StorageException.class);
            log.append(text("after"));
            assertThat(log.size()).isEqualTo(2);
        }
        assertThat(recoveredTexts(file)).containsExactly("before", "after");
    }

    @Test
    void anAppendWhoseFsyncFailedIsNotReadBack() {
        Path file = dir.resolve("t.wal");
        FaultyChannel channel = new FaultyChannel();
        try (WriteAheadLog log = channel.openLog(file)) {
            log.append(text("before"));
            channel.failNextForce();
            assertThatThrownBy(() -> log.append(text("ghost"))).isInstanceOf(StorageException.class)
                    .hasRootCauseMessage("injected: fsync failed");
            log.append(text("after"));
        }
        assertThat(recoveredTexts(file)).containsExactly("before", "after");
    }

    @Test
    void aFailedAppendThatCannotBeCutBackStopsEveryLaterAppend() {
        Path file = dir.resolve("t.wal");
        FaultyChannel channel = new FaultyChannel();
        try (WriteAheadLog log = channel.openLog(file)) {
            log.append(text("before"));
            channel.failNextForce();
            channel.failTruncates();
            assertThatThrownBy(() -> log.append(text("ghost"))).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> log.append(text("never confirmed"))).isInstanceOf(StorageException.class)
                    .hasMessageContaining("unknown state").hasMessageContaining("restart");
            assertThat(log.size()).isEqualTo(1);
        }
        assertThat(recoveredTexts(file)).doesNotContain("never confirmed");
    }

    @Test
    void theFirstRecordInANewlyCreatedDataDirectoryIsReadBack() throws Exception {
        Path fresh = dir.resolve("new/data");
        DurableDirectories.create(fresh);
        Path file = fresh.resolve("sales.wal");
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            log.append(text("first sale"));
        }
        assertThat(recoveredTexts(file)).containsExactly("first sale");
    }
}
