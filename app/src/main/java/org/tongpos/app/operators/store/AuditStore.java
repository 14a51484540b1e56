package org.tongpos.app.operators.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.AuditHashes;
import org.tongpos.app.storage.StorageException;

/**
 * The audit log's table: appends extend the hash chain inside the caller's transaction; nothing here updates or
 * deletes a record. The one-row {@code audit_head} is locked by each append until its transaction ends, so
 * concurrent appends (the window, a feature appending inside its own transaction) take turns and never share a seq.
 */
public final class AuditStore {

    private static final String COLUMNS = "seq, occurred_at, source, actor, actor_role, approver, action, subject, "
            + "detail, amount_fen, prev_hash, entry_hash";

    private final DataSource dataSource;

    public AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A row that cannot even be read as a record (a field out of its domain). */
    public static final class UnreadableRecordException extends RuntimeException {
        private final long seq;

        UnreadableRecordException(long seq, Throwable cause) {
            super("audit record " + seq + " cannot be read: " + cause.getMessage(), cause);
            this.seq = seq;
        }

        public long seq() {
            return seq;
        }
    }

    /** The chain's last seq and hash, as the head row says. */
    public record Head(long seq, String hash) {
    }

    /** Appends the next record within {@code c}'s open transaction; the caller commits. */
    public AuditRecord append(Connection c, AuditEntry entry, String occurredAt) throws SQLException {
        Head head;
        try (PreparedStatement s = c.prepareStatement("SELECT seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the audit log has no head row");
            }
            head = new Head(rs.getLong(1), rs.getString(2));
        }
        AuditRecord unhashed = new AuditRecord(head.seq() + 1, occurredAt, entry.source(), entry.actor(),
                entry.actorRole(), entry.approver(), entry.action(), entry.subject(), entry.detail(),
                entry.amountFen(), head.hash(), "");
        AuditRecord record = new AuditRecord(unhashed.seq(), occurredAt, entry.source(), entry.actor(),
                entry.actorRole(), entry.approver(), entry.action(), entry.subject(), entry.detail(),
                entry.amountFen(), head.hash(), AuditHashes.hash(unhashed));
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            s.setLong(1, record.seq());
            s.setString(2, record.occurredAt());
            s.setString(3, record.source());
            s.setString(4, record.actor());
            s.setString(5, record.actorRole());
            s.setString(6, record.approver());
            s.setString(7, record.action().name());
            s.setString(8, record.subject());
            s.setString(9, record.detail());
            if (record.amountFen().isPresent()) {
                s.setLong(10, record.amountFen().getAsLong());
            } else {
                s.setNull(10, Types.BIGINT);
            }
            s.setString(11, record.prevHash());
            s.setString(12, record.entryHash());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE audit_head SET seq = ?, head_hash = ? WHERE id = 1")) {
            s.setLong(1, record.seq());
            s.setString(2, record.entryHash());
            s.executeUpdate();
        }
        return record;
    }

    public Head head() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, head_hash FROM audit_head WHERE id = 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(-1, "");
        } catch (SQLException e) {
            throw new StorageException("cannot read the audit log", e);
        }
    }

    /**
     * Records whose time falls between two local date-times written as the log writes them ({@code 2026-11-30} or
     * {@code 2026-11-30T12:00}): from inclusive, to exclusive, compared as text, in seq order.
     */
    public List<AuditRecord> between(String from, String toExclusive) {
        List<AuditRecord> records = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log "
                     + "WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq")) {
            s.setString(1, from);
            s.setString(2, toExclusive);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(toRecord(rs));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the audit log", e);
        }
        return records;
    }

    /** Streams every record in seq order; a row that cannot be read throws {@link UnreadableRecordException}. */
    public void forEach(Consumer<AuditRecord> consumer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(toRecord(rs));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the audit log", e);
        }
    }

    private static AuditRecord toRecord(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        try {
            long amount = rs.getLong(10);
            OptionalLong amountFen = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(amount);
            return new AuditRecord(seq, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), AuditAction.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                    amountFen, rs.getString(11), rs.getString(12));
        } catch (RuntimeException e) {
            throw new UnreadableRecordException(seq, e);
        }
    }
}
