package org.tongpos.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a bulk write most of H2's file is free space, more than its 200 ms of compaction on close reclaims;
 * {@link Database#compactOnClose} gives it back.
 */
class DatabaseCompactTest {

    @TempDir
    Path dir;

    @Test
    void compactOnCloseGivesBackTheFreeSpaceABulkWriteLeaves() throws Exception {
        Path file = dir.resolve(Database.FILE_NAME + ".mv.db");
        long written;
        try (Database db = Database.open(dir)) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bulk (id INT PRIMARY KEY, text VARCHAR(200))");
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO bulk VALUES (?, ?)")) {
                    for (int i = 0; i < 50_000; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "row " + i + " ".repeat(100));
                        insert.addBatch();
                        if (i % 10_000 == 9_999) {
                            insert.executeBatch();
                            c.commit();
                        }
                    }
                }
                for (int round = 0; round < 2; round++) {
                    s.execute("UPDATE bulk SET text = 'updated " + round + "' || text");
                    c.commit();
                }
                s.execute("CHECKPOINT SYNC");
            }
            written = Files.size(file);
            db.compactOnClose();
        }
        assertThat(Files.size(file)).isLessThan(written / 4);
    }
}
