package org.tongpos.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SyncSchemaTest {

    private static boolean tableExists(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return rs.next();
        }
    }

    @Test
    void syncTablesAreCreatedInADatabaseThatAlreadyHoldsTheAppsTables() throws SQLException {
        DataSource db = TestDatabase.inMemory();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE journal (seq BIGINT PRIMARY KEY)");
            s.execute("CREATE TABLE \"flyway_schema_history\" (x INT)");
        }

        SyncSchema.migrate(db);
        SyncSchema.migrate(db);

        assertThat(tableExists(db, "sync_batch")).isTrue();
        assertThat(tableExists(db, "payment_intent")).isTrue();
        assertThat(tableExists(db, "bank_account")).isTrue();
        assertThat(tableExists(db, "journal")).isTrue();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"type\" FROM \"sync_schema_history\" "
                     + "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            StringBuilder applied = new StringBuilder();
            while (rs.next()) {
                applied.append(rs.getString(1)).append(':').append(rs.getString(2)).append(' ');
            }
            assertThat(applied.toString().trim()).isEqualTo("0:BASELINE 1:SQL 2:SQL");
        }
    }
}
