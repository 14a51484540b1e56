package org.tongpos.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
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
}
