package org.tongpos.app.canteen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.tongpos.app.canteen.domain.DinerQrCode;

/**
 * Nonces of the diner QR codes this terminal accepted ({@code canteen_qr_nonce}): each is accepted once, also after a
 * restart. A nonce is spent in the same transaction as the meal it paid for. A code is expired 90 s after it was
 * issued, so a nonce need not be kept longer; {@link #purgeExpired} drops those issued more than {@link #KEEP} ago
 * (the contract's 90 s plus a margin for a clock set back), so the table holds minutes of codes, not years.
 */
public final class QrNonceStore {

    /** How long after its code was issued a nonce is kept. */
    public static final Duration KEEP = Duration.ofHours(1);

    private final DataSource dataSource;

    public QrNonceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isSpent(DinerQrCode code) {
        return Sql.read(dataSource, "QR nonce", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM canteen_qr_nonce WHERE key_id = ? AND nonce = ?")) {
                ps.setString(1, code.keyId());
                ps.setString(2, code.nonce());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Spends the code's nonce inside the caller's transaction; false (and nothing written) when it was spent already,
     * also by a concurrent transaction that committed first.
     */
    public boolean spend(Connection c, DinerQrCode code, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO canteen_qr_nonce (key_id, nonce, issued_at, "
                + "account_id, spent_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, code.keyId());
            ps.setString(2, code.nonce());
            ps.setLong(3, code.issuedAt());
            ps.setString(4, code.accountId());
            ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                return false;
            }
            throw e;
        }
    }

    /** Spends a nonce in a transaction of its own (forced to disk); false when it was spent already. */
    public boolean spend(DinerQrCode code, Instant now) {
        return Sql.write(dataSource, "QR nonce", c -> spend(c, code, now));
    }

    /** Drops the nonces of codes issued more than {@link #KEEP} before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        long before = now.minus(KEEP).getEpochSecond();
        return Sql.write(dataSource, "expired QR nonces", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM canteen_qr_nonce WHERE issued_at < ?")) {
                ps.setLong(1, before);
                return ps.executeUpdate();
            }
        });
    }

    public long count() {
        return Sql.read(dataSource, "QR nonces", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM canteen_qr_nonce");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
