package org.tongpos.app.promotions.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpos.app.promotions.domain.Member;
import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.StorageException;

/** The store's members, found by phone number or member card UID. */
public final class MemberStore {

    private final DataSource dataSource;

    public MemberStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts of a save: members added and members updated. */
    public record SaveCounts(int added, int updated) {
    }

    public Optional<Member> byPhone(String phone) {
        return one("SELECT phone, card_uid, name, active FROM member WHERE phone_key = ?", phone);
    }

    public Optional<Member> byCardUid(String uid) {
        return one("SELECT phone, card_uid, name, active FROM member WHERE uid_key = ?", uid);
    }

    public List<Member> all() {
        List<Member> members = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT phone, card_uid, name, active FROM member ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                members.add(read(rs));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read members", e);
        }
        return members;
    }

    /**
     * Adds or updates members in one transaction: a member whose phone (or, without a phone, whose card UID) is known
     * updates that member. Either all are written or none.
     *
     * @throws StorageException when a phone or UID would belong to two members; nothing is written then
     */
    public SaveCounts saveAll(List<Member> members) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int added = 0;
                int updated = 0;
                for (Member m : members) {
                    Long id = idOf(c, m);
                    if (id == null) {
                        try (PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO member (phone, card_uid, name, active) VALUES (?,?,?,?)")) {
                            bind(ps, m);
                            ps.executeUpdate();
                        }
                        added++;
                    } else {
                        try (PreparedStatement ps = c.prepareStatement(
                                "UPDATE member SET phone = ?, card_uid = ?, name = ?, active = ? WHERE id = ?")) {
                            bind(ps, m);
                            ps.setLong(5, id);
                            ps.executeUpdate();
                        }
                        updated++;
                    }
                }
                c.commit();
                Database.forceToDisk(c);
                return new SaveCounts(added, updated);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot save members", e);
        }
    }

    private static Long idOf(Connection c, Member m) throws SQLException {
        String sql = m.phone().isEmpty() ? "SELECT id FROM member WHERE uid_key = ?" : "SELECT id FROM member WHERE phone_key = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, m.phone().isEmpty() ? m.cardUid() : m.phone());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void bind(PreparedStatement ps, Member m) throws SQLException {
        ps.setString(1, m.phone());
        ps.setString(2, m.cardUid());
        ps.setString(3, m.name());
        ps.setBoolean(4, m.active());
    }

    private Optional<Member> one(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read members", e);
        }
    }

    private static Member read(ResultSet rs) throws SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
    }
}
