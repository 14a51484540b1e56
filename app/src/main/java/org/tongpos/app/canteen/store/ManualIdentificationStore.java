package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Diners identified by hand (search and pick, with a reason): counted and shown to supervisors. A row is written with
 * the meal it served, in the meal commit's transaction.
 */
public final class ManualIdentificationStore {

    private final DataSource dataSource;

    public ManualIdentificationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(Connection c, UUID txnId, String accountId, String dinerId, String reason, String operator,
                       OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO canteen_manual_identification (txn_id, account_id, "
                + "diner_id, reason, operator, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, txnId);
            ps.setString(2, accountId);
            ps.setString(3, dinerId);
            ps.setString(4, reason);
            ps.setString(5, operator);
            ps.setObject(6, at);
            ps.executeUpdate();
        }
    }

    /** How many manual identifications were recorded from {@code from} (inclusive) to {@code to} (exclusive). */
    public long count(OffsetDateTime from, OffsetDateTime to) {
        return Sql.read(dataSource, "manual identifications", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM canteen_manual_identification "
                    + "WHERE recorded_at >= ? AND recorded_at < ?")) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
