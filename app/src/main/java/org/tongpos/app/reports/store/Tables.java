package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The bank's tables (sync module) exist only once a bank has been configured; reports read them when they exist. */
final class Tables {

    private Tables() {
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE UPPER(TABLE_NAME) = UPPER(?) AND TABLE_SCHEMA = SCHEMA()")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }
}
