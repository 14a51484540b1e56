package org.tongpos.app.bank.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.tongpos.app.storage.StorageException;

/**
 * What the start-up check of payment codes needs from the database: the payment intents the bank confirmed
 * (the sync module's {@code payment_intent} table, read only) and whether the journal holds a sale paid with one.
 */
public final class PaymentRecords {

    /** A payment the bank confirmed: our order number and the bank's trade number. */
    public record Confirmed(String outTradeNo, String tradeNo) {
    }

    private final DataSource dataSource;

    public PaymentRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every intent in state SUCCESS, oldest first. */
    public List<Confirmed> confirmedIntents() {
        List<Confirmed> confirmed = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT out_trade_no, trade_no FROM payment_intent "
                     + "WHERE state = 'SUCCESS' ORDER BY created_at");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                confirmed.add(new Confirmed(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the payment intents", e);
        }
        return confirmed;
    }

    /** True when a journal entry has a PAYMENT_CODE tender whose reference is {@code tradeNo}. */
    public boolean journaled(String tradeNo) {
        if (tradeNo == null || tradeNo.isEmpty()) {
            return false;
        }
        String needle = ":" + tradeNo;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT tenders FROM journal WHERE LOCATE(?, tenders) > 0")) {
            s.setString(1, needle);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (String tender : rs.getString(1).split(",")) {
                        if (tender.startsWith("PAYMENT_CODE:") && tender.endsWith(needle)
                                && tender.indexOf(':', "PAYMENT_CODE:".length()) == tender.length() - needle.length()) {
                            return true;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot search the journal for trade " + tradeNo, e);
        }
        return false;
    }
}
