package org.tongpos.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCheckTest {

    @TempDir
    Path dir;

    private final ClassLoader classPath = SchemaCheckTest.class.getClassLoader();

    @Test
    void theClassPathsMigrationsAreFound() {
        assertThat(SchemaCheck.availableVersions(classPath)).hasValueSatisfying(v -> assertThat(v).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void aNewDatabaseIsNotCurrentAndAMigratedOneIs() {
        JdbcConnectionPool pool = pool();
        try {
            assertThat(SchemaCheck.isCurrent(pool, classPath)).isFalse();
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            assertThat(SchemaCheck.isCurrent(pool, classPath)).isTrue();
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aPendingMigrationSendsTheOpenThroughFlyway() throws Exception {
        JdbcConnectionPool pool = pool();
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("2").load().migrate();
            assertThat(SchemaCheck.isCurrent(pool, classPath)).isFalse();
        } finally {
            pool.dispose();
        }
        try (Database database = Database.open(dir)) {
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                // V3's column exists: Flyway ran the pending migration
                s.executeQuery("SELECT plu_key FROM product").close();
            }
            assertThat(SchemaCheck.isCurrent(database.dataSource(), classPath)).isTrue();
        }
    }

    @Test
    void aFailedMigrationIsNotCurrent() throws Exception {
        JdbcConnectionPool pool = pool();
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");
            }
            assertThat(SchemaCheck.isCurrent(pool, classPath)).isFalse();
        } finally {
            pool.dispose();
        }
    }

    private JdbcConnectionPool pool() {
        return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("tongpos") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }
}
