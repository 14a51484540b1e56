package org.tongpos.app.checkout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.storage.StorageException;

/** The promotions' discounts as the sales recorded them ({@code sale_discount}), for the X and Z reports. */
public final class SaleDiscountStore {

    private final DataSource dataSource;

    public SaleDiscountStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The discounts of the sales journaled at seq {@code (afterSeq, lastSeq]}, by promotion name (negative amounts),
     * largest first.
     */
    public Map<String, Money> byPromotionBetween(long afterSeq, long lastSeq) {
        Map<String, Money> byName = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT d.name, SUM(d.amount_fen) FROM sale_discount d "
                     + "JOIN journal j ON j.txn_id = d.txn_id WHERE j.kind = 'SALE' AND j.seq > ? AND j.seq <= ? "
                     + "GROUP BY d.name ORDER BY 2, 1")) {
            s.setLong(1, afterSeq);
            s.setLong(2, lastSeq);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byName.merge(rs.getString(1), Money.ofFen(rs.getLong(2)), Money::plus);
                }
            }
            return byName;
        } catch (SQLException e) {
            throw new StorageException("cannot read the sales' discounts", e);
        }
    }
}
