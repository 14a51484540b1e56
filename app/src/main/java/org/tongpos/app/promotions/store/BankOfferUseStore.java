package org.tongpos.app.promotions.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.tongpos.app.storage.StorageException;

/**
 * How often each payer used each capped bank offer on each business day: one row per sale and offer. Recording a sale
 * again (a replayed write-ahead log) changes nothing. Payers are hashes (see V22).
 */
public final class BankOfferUseStore {

    private final DataSource dataSource;

    public BankOfferUseStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One use to record: the offer and the payer's hash. */
    public record Use(String promotionId, String payerHash) {
    }

    /** Uses by promotion id of one payer on one business day. */
    public Map<String, Integer> usesOn(String payerHash, String businessDate) {
        try (Connection c = dataSource.getConnection()) {
            return usesOn(c, payerHash, businessDate);
        } catch (SQLException e) {
            throw new StorageException("cannot read bank offer uses", e);
        }
    }

    static Map<String, Integer> usesOn(Connection c, String payerHash, String businessDate) throws SQLException {
        Map<String, Integer> uses = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT promotion_id, COUNT(*) FROM bank_offer_use "
                + "WHERE payer_hash = ? AND business_date = ? GROUP BY promotion_id")) {
            ps.setString(1, payerHash);
            ps.setString(2, businessDate);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uses.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return uses;
    }

    /** How often the payer used one offer that day, not counting sale {@code exceptTxnId}. */
    public static int usesOf(Connection c, String promotionId, String payerHash, String businessDate,
                             String exceptTxnId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bank_offer_use WHERE payer_hash = ? "
                + "AND business_date = ? AND promotion_id = ? AND txn_id <> ?")) {
            ps.setString(1, payerHash);
            ps.setString(2, businessDate);
            ps.setString(3, promotionId);
            ps.setString(4, exceptTxnId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Records the uses of one sale on {@code c} (the caller's transaction); the same sale again changes nothing. */
    public static void record(Connection c, String txnId, String businessDate, List<Use> uses) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO bank_offer_use (txn_id, promotion_id, "
                + "business_date, payer_hash) KEY (txn_id, promotion_id) VALUES (?,?,?,?)")) {
            for (Use use : uses) {
                ps.setString(1, txnId);
                ps.setString(2, use.promotionId());
                ps.setString(3, businessDate);
                ps.setString(4, use.payerHash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Forgets the uses of a sale (e.g. voided after its offer was claimed); returns how many there were. */
    public int release(String txnId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM bank_offer_use WHERE txn_id = ?")) {
            ps.setString(1, txnId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot release bank offer uses", e);
        }
    }
}
