package org.tongpos.app.canteen.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpos.app.canteen.domain.GuestApproval;

/** Guest meal approvals ({@code canteen_guest_approval}); ids {@code G000001}, … in order of entry. */
public final class GuestApprovalStore {

    private static final String COLUMNS = "approval_id, approved_by, reason, head_count, meal_date, expires_at, "
            + "payer_account, created_at";

    private final DataSource dataSource;

    public GuestApprovalStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new approval (forced to disk), giving it the next id. */
    public GuestApproval add(String approvedBy, String reason, int headCount, LocalDate mealDate,
                             OffsetDateTime expiresAt, Optional<String> payerAccount, OffsetDateTime now) {
        return Sql.write(dataSource, "guest approval", c -> {
            long next;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM canteen_guest_approval");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
            GuestApproval approval = new GuestApproval(String.format("G%06d", next), approvedBy, reason, headCount,
                    mealDate, expiresAt, payerAccount, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO canteen_guest_approval (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, approval.id());
                ps.setString(2, approvedBy);
                ps.setString(3, reason);
                ps.setInt(4, headCount);
                ps.setObject(5, mealDate);
                ps.setObject(6, expiresAt);
                ps.setString(7, payerAccount.orElse(null));
                ps.setObject(8, now);
                ps.executeUpdate();
            }
            return approval;
        });
    }

    public Optional<GuestApproval> find(String id) {
        return Sql.read(dataSource, "guest approval " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM canteen_guest_approval WHERE approval_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<GuestApproval>empty();
                }
            }
        });
    }

    /** Every approval, oldest first. */
    public List<GuestApproval> all() {
        return Sql.read(dataSource, "guest approvals", c -> {
            List<GuestApproval> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM canteen_guest_approval ORDER BY approval_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
            return all;
        });
    }

    private static GuestApproval read(ResultSet rs) throws SQLException {
        return new GuestApproval(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, OffsetDateTime.class),
                Optional.ofNullable(rs.getString(7)), rs.getObject(8, OffsetDateTime.class));
    }
}
