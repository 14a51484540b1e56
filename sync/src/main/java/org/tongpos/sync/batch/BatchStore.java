package org.tongpos.sync.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongpos.sync.client.Jdbc;
import org.tongpos.sync.client.SyncState;
import org.tongpos.sync.client.SyncStorageException;

/** The persistent batch state machine in {@code sync_batch}; every transition is one committed transaction. */
public final class BatchStore {

    static final String SEALED_THROUGH = "batch.sealed_through";
    static final String BANK_CONFIRMED = "batch.bank_confirmed_seq";
    private static final String COLUMNS = "batch_id, first_seq, last_seq, entry_count, debit_total_fen, "
            + "credit_total_fen, state, reason, attempts, accepted_at";
    private static final String OPEN_STATES = "('SEALED', 'SENDING', 'UNKNOWN', 'QUARANTINED')";
    private static final int MAX_REASON = 2000;

    private final Jdbc jdbc;
    private final Clock clock;

    public BatchStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The last seq already sealed into a (live) batch; 0 when none. */
    public long sealedThrough() {
        return jdbc.inTransaction(c -> SyncState.number(c, SEALED_THROUGH).orElse(0));
    }

    /** The highest seq the bank is known to hold (every seq up to it, contiguous). */
    public long bankConfirmedSeq() {
        return jdbc.inTransaction(c -> SyncState.number(c, BANK_CONFIRMED).orElse(0));
    }

    /** Stores a new batch with its frozen body and moves the sealed mark to its last seq, atomically. */
    public void insertSealed(SealedBatch batch, byte[] body) {
        jdbc.inTransaction(c -> {
            long sealedThrough = SyncState.number(c, SEALED_THROUGH).orElse(0);
            if (batch.firstSeq() != sealedThrough + 1) {
                throw new IllegalStateException("batch starts at " + batch.firstSeq() + " but entries are sealed through "
                        + sealedThrough);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_batch (batch_id, first_seq, last_seq, "
                    + "entry_count, debit_total_fen, credit_total_fen, body, state, attempts, sealed_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 'SEALED', 0, ?, ?)")) {
                OffsetDateTime now = now();
                ps.setObject(1, batch.batchId());
                ps.setLong(2, batch.firstSeq());
                ps.setLong(3, batch.lastSeq());
                ps.setInt(4, batch.count());
                ps.setLong(5, batch.debitTotalFen());
                ps.setLong(6, batch.creditTotalFen());
                ps.setBytes(7, body);
                ps.setObject(8, now);
                ps.setObject(9, now);
                ps.executeUpdate();
            }
            SyncState.putNumber(c, SEALED_THROUGH, batch.lastSeq());
            return null;
        });
    }

    /**
     * Drops the frozen bytes of batches the bank has held (or that were re-sealed) since before {@code before}:
     * they are never sent again, and the journal keeps every entry. Returns how many batches were pruned.
     */
    public int pruneSettledBodies(OffsetDateTime before) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_batch SET body = X'' "
                    + "WHERE state IN ('ACCEPTED', 'SUPERSEDED') AND updated_at < ? AND OCTET_LENGTH(body) > 0")) {
                ps.setObject(1, before);
                return ps.executeUpdate();
            }
        });
    }

    /** The open batch with the lowest seqs: the only one that may be sent next. */
    public Optional<SealedBatch> firstOpen() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_batch WHERE state IN "
                    + OPEN_STATES + " ORDER BY first_seq LIMIT 1")) {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    public Optional<SealedBatch> find(UUID batchId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_batch WHERE batch_id = ?")) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The exact bytes sealed for this batch. */
    public byte[] body(UUID batchId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM sync_batch WHERE batch_id = ?")) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SyncStorageException("no batch " + batchId);
                    }
                    return rs.getBytes(1);
                }
            }
        });
    }

    public List<SealedBatch> inState(BatchState state) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM sync_batch WHERE state = ? ORDER BY first_seq")) {
                ps.setString(1, state.name());
                List<SealedBatch> batches = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batches.add(read(rs));
                    }
                }
                return batches;
            }
        });
    }

    /** Recorded before the bytes go out, so a crash mid-request leaves the batch to be resolved, not resent blindly. */
    public void markSending(UUID batchId) {
        jdbc.inTransaction(c -> update(c, "UPDATE sync_batch SET state = 'SENDING', attempts = attempts + 1, "
                + "updated_at = ? WHERE batch_id = ?", batchId));
    }

    public void markUnknown(UUID batchId, String reason) {
        transition(batchId, BatchState.UNKNOWN, reason);
    }

    /** The bank does not hold it (404, or a verified refusal that leaves it unexecuted): send the same bytes again. */
    public void markSealed(UUID batchId, String reason) {
        transition(batchId, BatchState.SEALED, reason);
    }

    public void quarantine(UUID batchId, String reason) {
        transition(batchId, BatchState.QUARANTINED, reason);
    }

    /** Puts a quarantined batch back in line (after someone fixed the cause); its bytes are unchanged. */
    public boolean releaseQuarantined(UUID batchId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_batch SET state = 'SEALED', updated_at = ?, "
                    + "reason = 'released from quarantine' WHERE batch_id = ? AND state = 'QUARANTINED'")) {
                ps.setObject(1, now());
                ps.setObject(2, batchId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public void markAccepted(UUID batchId, String acceptedAt, String reason) {
        jdbc.inTransaction(c -> {
            long lastSeq;
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_batch SET state = 'ACCEPTED', accepted_at = ?, "
                    + "reason = ?, updated_at = ? WHERE batch_id = ?")) {
                ps.setString(1, acceptedAt);
                ps.setString(2, clip(reason));
                ps.setObject(3, now());
                ps.setObject(4, batchId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM sync_batch WHERE batch_id = ?")) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    lastSeq = rs.getLong(1);
                }
            }
            if (lastSeq > SyncState.number(c, BANK_CONFIRMED).orElse(0)) {
                SyncState.putNumber(c, BANK_CONFIRMED, lastSeq);
            }
            return null;
        });
    }

    /**
     * The bank's cursor proved it holds every seq up to {@code heldThrough} (hash checked by the caller):
     * open batches within it count as accepted, open batches beyond it are superseded and their entries
     * will be sealed again from {@code heldThrough + 1}.
     */
    public void alignWithBank(long heldThrough, String reason) {
        jdbc.inTransaction(c -> {
            OffsetDateTime now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_batch SET state = 'ACCEPTED', reason = ?, "
                    + "updated_at = ? WHERE state IN " + OPEN_STATES + " AND last_seq <= ?")) {
                ps.setString(1, clip("held by the bank per cursor: " + reason));
                ps.setObject(2, now);
                ps.setLong(3, heldThrough);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_batch SET state = 'SUPERSEDED', reason = ?, "
                    + "updated_at = ? WHERE state IN " + OPEN_STATES + " AND last_seq > ?")) {
                ps.setString(1, clip("re-sealed from seq " + (heldThrough + 1) + ": " + reason));
                ps.setObject(2, now);
                ps.setLong(3, heldThrough);
                ps.executeUpdate();
            }
            SyncState.putNumber(c, SEALED_THROUGH, heldThrough);
            SyncState.putNumber(c, BANK_CONFIRMED, heldThrough);
            return null;
        });
    }

    private void transition(UUID batchId, BatchState state, String reason) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sync_batch SET state = ?, reason = ?, updated_at = ? WHERE batch_id = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, clip(reason));
                ps.setObject(3, now());
                ps.setObject(4, batchId);
                if (ps.executeUpdate() != 1) {
                    throw new SyncStorageException("no batch " + batchId);
                }
            }
            return null;
        });
    }

    private Void update(Connection c, String sql, UUID batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now());
            ps.setObject(2, batchId);
            ps.executeUpdate();
        }
        return null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private static SealedBatch read(ResultSet rs) throws SQLException {
        return new SealedBatch(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5),
                rs.getLong(6), BatchState.valueOf(rs.getString(7)), rs.getString(8), rs.getInt(9), rs.getString(10));
    }
}
