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
    void aRecordWhoseFsyncAndCutBackBothFailedIsCancelledInPlaceAndNeverReadBack() {
        Path file = dir.resolve("t.wal");
        FaultyChannel channel = new FaultyChannel();
        try (WriteAheadLog log = channel.openLog(file)) {
            log.append(text("before"));
            channel.failNextForce();
            channel.failTruncates();
            assertThatThrownBy(() -> log.append(text("ghost"))).isInstanceOf(StorageException.class)
                    .hasMessageContaining("cancelled in place");
            assertThat(log.isSound()).isTrue();
            log.append(text("after"));
        }
        // the whole record is still in the file with a valid checksum: only the marker behind it keeps it out
        assertThat(new String(readAll(file), StandardCharsets.UTF_8)).contains("ghost");
        assertThat(recoveredTexts(file)).containsExactly("before", "after");
        assertThat(recoveredTexts(file)).as("stable on every later open").containsExactly("before", "after");
    }

    @Test
    void whenNotEvenTheCancelMarkerCanBeForcedTheAppendIsReportedUncertainAndNothingFollowsIt() {
        Path file = dir.resolve("t.wal");
        FaultyChannel channel = new FaultyChannel();
        try (WriteAheadLog log = channel.openLog(file)) {
            log.append(text("before"));
            channel.failForces();
            channel.failTruncates();
            assertThatThrownBy(() -> log.append(text("ghost")))
                    .isInstanceOf(WriteAheadLog.UncertainRecordException.class)
                    .hasMessageContaining("decided when the log is next opened");
            assertThat(log.isSound()).isFalse();
            assertThatThrownBy(() -> log.append(text("never confirmed"))).isInstanceOf(StorageException.class)
                    .hasMessageContaining("unknown state").hasMessageContaining("restart");
            assertThat(log.size()).isEqualTo(1);
        }
        // the next open decides, and says the same every time: here the marker reached the file, so no ghost
        assertThat(recoveredTexts(file)).containsExactly("before").doesNotContain("never confirmed");
        assertThat(recoveredTexts(file)).containsExactly("before");
    }

    @Test
    void aCancelledRecordIsNeverReadBackAndLaterRecordsAre() {
        Path file = dir.resolve("t.wal");
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            long first = log.append(text("sale 1"));
            long second = log.append(text("sale 2, failed"));
            log.cancel(second);
            log.append(text("sale 2 again"));
            assertThat(first).isZero();
            assertThatThrownBy(() -> log.cancel(second)).isInstanceOf(IllegalArgumentException.class);
        }
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            assertThat(log.recoveredEntries()).extracting(e -> new String(e.payload(), StandardCharsets.UTF_8))
                    .containsExactly("sale 1", "sale 2 again");
            assertThat(log.recoveredEntries().get(0).id()).isZero();
            // a recovered record can be cancelled too, and stays cancelled
            log.cancel(log.recoveredEntries().get(1).id());
        }
        assertThat(recoveredTexts(file)).containsExactly("sale 1");
    }

    @Test
    void aCancelThatCannotBeWrittenLeavesTheRecordCounting() {
        Path file = dir.resolve("t.wal");
        FaultyChannel channel = new FaultyChannel();
        try (WriteAheadLog log = channel.openLog(file)) {
            long id = log.append(text("logged sale"));
            channel.failWritingAfter(3);
            assertThatThrownBy(() -> log.cancel(id)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("the record counts");
            assertThat(log.isSound()).isTrue();
            log.append(text("next"));
        }
        assertThat(recoveredTexts(file)).containsExactly("logged sale", "next");
    }

    @Test
    void aCancelWhoseFsyncAndCutBackFailAreReportedUncertain() {
        Path file = dir.resolve("t.wal");
        FaultyChannel channel = new FaultyChannel();
        try (WriteAheadLog log = channel.openLog(file)) {
            long id = log.append(text("logged sale"));
            channel.failNextForce();
            channel.failTruncates();
            assertThatThrownBy(() -> log.cancel(id)).isInstanceOf(WriteAheadLog.UncertainRecordException.class);
            assertThatThrownBy(() -> log.append(text("x"))).isInstanceOf(StorageException.class);
        }
        List<String> decided = recoveredTexts(file);
        assertThat(recoveredTexts(file)).isEqualTo(decided);
    }

    @Test
    void aRecordThatLooksLikeACancelMarkerIsRefused() {
        byte[] lookalike = new byte[20];
        System.arraycopy(new byte[] {0, 'T', 'P', 'W', 'A', 'L', 'C', 'X'}, 0, lookalike, 0, 8);
        try (WriteAheadLog log = WriteAheadLog.open(dir.resolve("t.wal"))) {
            assertThatThrownBy(() -> log.append(lookalike)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aCancelMarkerThatNamesNoRecordStopsTheOpenWithAClearMessage() throws Exception {
        Path file = dir.resolve("t.wal");
        try (WriteAheadLog log = WriteAheadLog.open(file)) {
            long id = log.append(text("sale"));
            log.cancel(id);
        }
        byte[] bytes = readAll(file);
        // drop the record, keep its marker: the log no longer says what it cancels
        Files.write(file, java.util.Arrays.copyOfRange(bytes, 8 + 4, bytes.length));
        assertThatThrownBy(() -> WriteAheadLog.open(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("cancel marker").hasMessageContaining("names no record");
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
