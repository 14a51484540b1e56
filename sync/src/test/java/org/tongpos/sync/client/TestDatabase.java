package org.tongpos.sync.client;

import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/** Real H2 databases for tests. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** A private in-memory database that lives until the JVM ends (so a "restarted" service can reopen it). */
    public static DataSource inMemory() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /**
     * A file database, as the app uses (the journal's database), behind a connection pool: without one,
     * H2 closes and reopens the whole database file whenever the last connection closes (~50 ms each).
     */
    public static DataSource file(Path directory) {
        return JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("terminal").toAbsolutePath()
                + ";WRITE_DELAY=0", "sa", "");
    }

    /**
     * A file database on H2's defaults, exactly as the app opens its own (no {@code WRITE_DELAY=0}): a commit reaches
     * the file up to a second later, so a {@code kill -9} loses what was not forced (the kill -9 payment tests).
     */
    public static JdbcConnectionPool fileWithAppDefaults(Path directory) {
        return JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("terminal").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }
}
