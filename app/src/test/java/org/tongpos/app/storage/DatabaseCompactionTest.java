package org.tongpos.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCompactionTest {

    private static final int ROWS = 40_000;

    @TempDir
    Path plain;

    @TempDir
    Path compacted;

    @Test
    void aBulkChangeClosedCompactedLeavesASmallerFileWithTheSameRows() throws Exception {
        bulkChange(plain, false);
        bulkChange(compacted, true);

        long plainSize = Files.size(plain.resolve(Database.FILE_NAME + ".mv.db"));
        long compactedSize = Files.size(compacted.resolve(Database.FILE_NAME + ".mv.db"));
        assertThat(compactedSize).isLessThan(plainSize * 3 / 4);
        assertThat(rows(compacted)).isEqualTo(ROWS);
        assertThat(rows(plain)).isEqualTo(ROWS);
    }

    private static void bulkChange(Path directory, boolean compact) throws Exception {
        try (Database database = Database.open(directory)) {
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("CREATE TABLE bulk (id INT PRIMARY KEY, payload VARCHAR(200))");
                s.execute("INSERT INTO bulk SELECT x, REPEAT('商品', 40) FROM SYSTEM_RANGE(1, " + ROWS + ")");
                s.execute("UPDATE bulk SET payload = REPEAT('价格', 40)");
                c.commit();
            }
            if (compact) {
                database.compactOnClose();
            }
        }
    }

    private static long rows(Path directory) throws Exception {
        try (Database database = Database.open(directory);
             Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM bulk WHERE payload LIKE '价格%'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
