package org.tongpos.sync.client;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the terminal-side sync tables in the app's own database. Uses its own Flyway
 * history table so the app's migrations and these never interfere. The baseline version is 0 so that
 * V1 still runs in a database that already holds the app's tables.
 */
public final class SyncSchema {

    public static final String HISTORY_TABLE = "sync_schema_history";
    public static final String LOCATION = "classpath:org/tongpos/sync/db/terminal";

    private SyncSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure(SyncSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
