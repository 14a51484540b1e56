package org.tongpos.app.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.storage.Database;

/** V160 drops the product indexes no query reads, also in a database restored from a backup script. */
class MigrationOfProductIndexesTest {

    @TempDir
    Path dir;

    @Test
    void productIdHasOneIndexAndThePluNoneOfItsOwn() throws Exception {
        try (Database db = Database.open(dir.resolve("new")); Connection c = db.connection()) {
            assertThat(indexedColumns(c, "PRODUCT_BARCODE")).containsExactlyInAnyOrder("BARCODE", "PRODUCT_ID");
            assertThat(indexedColumns(c, "PRODUCT")).containsExactlyInAnyOrder("ID", "PLU_KEY");
            assertThat(plan(c, "SELECT product_id FROM product_barcode WHERE barcode = '6919055412406'"))
                    .doesNotContain("tableScan");
            assertThat(plan(c, "SELECT barcode FROM product_barcode WHERE product_id = 7 ORDER BY position"))
                    .doesNotContain("tableScan");
            assertThat(plan(c, "SELECT id FROM product WHERE plu_key = '10001'")).doesNotContain("tableScan");
        }
    }

    @Test
    void aDatabaseRestoredFromABackupScriptIsMigratedWithItsBarcodesAndForeignKey() throws Exception {
        Path script = dir.resolve("backup.sql");
        try (Pool old = new Pool(dir.resolve("old"))) {
            Flyway.configure().dataSource(old.pool).locations("classpath:db/migration").target("142").load().migrate();
            try (Connection c = old.pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO product (id, plu, name, category, unit, weighed, price_fen, initials) "
                        + "VALUES (1, '', '可口可乐', '饮料', '罐', FALSE, 350, 'kkkl')");
                s.executeUpdate("INSERT INTO product_barcode VALUES ('6901028075831', 1, 0), ('06901028075831', 1, 1)");
                s.execute("SCRIPT TO '" + script + "' CHARSET 'UTF-8'");
            }
        }
        Path restored = dir.resolve("restored");
        try (Pool pool = new Pool(restored); Connection c = pool.pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + script + "' CHARSET 'UTF-8'");
            assertThat(foreignKeyIndex(c)).as("the case V160 must handle").isEqualTo("PRODUCT_BARCODE_PRODUCT");
        }

        try (Database db = Database.open(restored); Connection c = db.connection(); Statement s = c.createStatement()) {
            assertThat(indexedColumns(c, "PRODUCT_BARCODE")).containsExactlyInAnyOrder("BARCODE", "PRODUCT_ID");
            assertThat(new ProductStore(db.dataSource()).findByBarcode("6901028075831")).map(Product::barcodes)
                    .hasValue(List.of("6901028075831", "06901028075831"));
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO product_barcode VALUES ('96385074', 99, 0)"))
                    .as("the foreign key is still there").isInstanceOf(SQLException.class);
        }
    }

    /** The first column of each index on the table. */
    private static List<String> indexedColumns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.COLUMN_NAME FROM "
                + "INFORMATION_SCHEMA.INDEX_COLUMNS c WHERE c.TABLE_NAME = '" + table + "' AND c.ORDINAL_POSITION = 1")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static String foreignKeyIndex(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT INDEX_NAME FROM "
                + "INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = 'PRODUCT_BARCODE' "
                + "AND CONSTRAINT_TYPE = 'FOREIGN KEY'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String plan(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A plain pool on a database file, as a terminal of an older version had it. */
    private record Pool(JdbcConnectionPool pool) implements AutoCloseable {
        Pool(Path directory) {
            this(JdbcConnectionPool.create("jdbc:h2:file:" + directory.toAbsolutePath().resolve(Database.FILE_NAME)
                    + ";DB_CLOSE_ON_EXIT=FALSE", "sa", ""));
        }

        @Override
        public void close() {
            pool.dispose();
        }
    }
}
