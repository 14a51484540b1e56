package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;

/** Short JDBC units of work of the canteen stores. */
final class Sql {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Sql() {
    }

    /** Reads in auto-commit mode (each statement sees committed data), for lookups that must be quick. */
    static <T> T read(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("cannot read " + what, e);
        }
    }

    /**
     * Writes in one transaction and forces it to disk before returning (rules, diners and their money are not
     * replayed from a log: once this returns they are there after a power cut).
     */
    static <T> T write(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                Database.forceToDisk(c);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot write " + what, e);
        }
    }
}
