package org.tongpos.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades on real H2 files: "the next version" is played by a folder with one more migration (V999, in the
 * installer's reserved range).
 */
class DatabaseUpgradeTest {

    @TempDir
    Path temp;

    @Test
    void aNewerProgramCopiesTheDatabaseBeforeMigratingIt() throws Exception {
        Path data = temp.resolve("data");
        try (Database db = Database.open(data)) {
            execute(db, "INSERT INTO setting(name, setting_value) VALUES ('upgrade.probe', 'kept')");
        }
        Path next = migration("V999__next_version.sql", "CREATE TABLE next_version_probe(id INT PRIMARY KEY);");

        try (Database db = Database.open(data, List.of(next))) {
            assertThat(count(db, "SELECT COUNT(*) FROM next_version_probe")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM setting WHERE name = 'upgrade.probe'")).isEqualTo(1);
        }
        List<Path> backups = backups(data);
        assertThat(backups).hasSize(1);
        assertThat(backups.get(0).getFileName().toString()).startsWith("pre-upgrade-V").contains("-to-V999-");

        // the copy is the database as it was before: it has the setting and not the new table
        Path restored = temp.resolve("restored");
        unzipInto(backups.get(0), restored);
        try (Database db = Database.open(restored)) {
            assertThat(count(db, "SELECT COUNT(*) FROM setting WHERE name = 'upgrade.probe'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'NEXT_VERSION_PROBE'"))
                    .isZero();
        }
    }

    @Test
    void openingWithNothingPendingTakesNoCopy() {
        Path data = temp.resolve("data");
        Database.open(data).close();
        Database.open(data).close();
        assertThat(Files.exists(Database.upgradeBackups(data))).isFalse();
    }

    @Test
    void aDatabaseOfANewerProgramIsRefusedAndLeftAsItWas() throws Exception {
        Path data = temp.resolve("data");
        Path next = migration("V999__next_version.sql", "CREATE TABLE next_version_probe(id INT PRIMARY KEY);");
        try (Database db = Database.open(data, List.of(next))) {
            execute(db, "INSERT INTO next_version_probe VALUES (7)");
        }
        long historyRows;
        try (Database db = Database.open(data, List.of(next))) {
            historyRows = count(db, "SELECT COUNT(*) FROM \"flyway_schema_history\"");
        }

        assertThatThrownBy(() -> Database.open(data))
                .isInstanceOf(NewerDatabaseException.class)
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("newer TongPOS")
                .hasMessageContaining("nothing was changed");

        try (Database db = Database.open(data, List.of(next))) {
            assertThat(count(db, "SELECT COUNT(*) FROM \"flyway_schema_history\"")).isEqualTo(historyRows);
            assertThat(count(db, "SELECT id FROM next_version_probe")).isEqualTo(7);
        }
        assertThat(Files.exists(Database.upgradeBackups(data))).isFalse();
    }

    @Test
    void aFailedMigrationPutsTheCopyBackAndSaysSo() throws Exception {
        Path data = temp.resolve("data");
        try (Database db = Database.open(data)) {
            execute(db, "INSERT INTO setting(name, setting_value) VALUES ('upgrade.probe', 'kept')");
        }
        // H2 commits DDL at once: without the copy, the half-done migration would stay behind
        Path broken = migration("V999__broken.sql",
                "CREATE TABLE half_done(id INT);\nDELETE FROM setting;\nINSERT INTO no_such_table VALUES (1);");

        assertThatThrownBy(() -> Database.open(data, List.of(broken)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("migration failed")
                .hasMessageContaining("restored from the copy");

        try (Database db = Database.open(data)) {
            assertThat(count(db, "SELECT COUNT(*) FROM setting WHERE name = 'upgrade.probe'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'HALF_DONE'"))
                    .isZero();
        }
    }

    private Path migration(String name, String sql) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("next-" + name));
        Files.writeString(folder.resolve(name), sql);
        return folder;
    }

    private static List<Path> backups(Path data) throws IOException {
        try (Stream<Path> files = Files.list(Database.upgradeBackups(data))) {
            return files.toList();
        }
    }

    private static void unzipInto(Path zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Files.copy(in, folder.resolve(e.getName()));
            }
        }
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
