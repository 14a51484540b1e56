package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.tongpos.app.reports.domain.BankDay;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.storage.StorageException;

/**
 * The journal per business day beside the bank's side: upload batches (sync_batch) for what is unsent, and the last
 * reconciliation run of each day (recon_run, recon_difference) for the statement. Read-only.
 */
public final class BankReportStore {

    private final DataSource dataSource;

    public BankReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<BankDay> days(DateRange range) {
        try (Connection c = dataSource.getConnection()) {
            boolean bank = Tables.exists(c, "sync_batch") && Tables.exists(c, "recon_run");
            return days(c, range, bank ? WITH_BANK : JOURNAL_ONLY);
        } catch (SQLException e) {
            throw new StorageException("cannot read the bank report", e);
        }
    }

    /** Before a bank is configured: nothing sent, nothing reconciled. */
    private static final String JOURNAL_ONLY = "SELECT j.business_date, COUNT(*), "
            + "COALESCE(SUM(CASE WHEN j.kind IN ('SALE', 'MEAL') THEN j.amount_fen END), 0), "
            + "COALESCE(SUM(CASE WHEN j.kind IN ('REFUND', 'MEAL_REFUND') THEN j.amount_fen END), 0), COUNT(*), "
            + "NULL, 0, 0, 0, 0, 0, 0 FROM journal j WHERE j.business_date BETWEEN ? AND ? "
            + "GROUP BY j.business_date ORDER BY j.business_date";

    private static final String WITH_BANK = "SELECT j.business_date, COUNT(*), "
            + "COALESCE(SUM(CASE WHEN j.kind IN ('SALE', 'MEAL') THEN j.amount_fen END), 0), "
            + "COALESCE(SUM(CASE WHEN j.kind IN ('REFUND', 'MEAL_REFUND') THEN j.amount_fen END), 0), "
            + "COUNT(CASE WHEN NOT EXISTS (SELECT 1 FROM sync_batch b WHERE b.state = 'ACCEPTED' "
            + "AND j.seq BETWEEN b.first_seq AND b.last_seq) THEN 1 END), "
            + "r.run_id, r.statement_rows, r.statement_amount_fen, r.statement_fee_fen, r.statement_net_fen, "
            + "r.matched_amount_fen, (SELECT COUNT(*) FROM recon_difference d WHERE d.run_id = r.run_id "
            + "AND NOT d.investigated) "
            + "FROM journal j LEFT JOIN recon_run r ON r.run_id = (SELECT MAX(r2.run_id) FROM recon_run r2 "
            + "WHERE CAST(r2.business_date AS VARCHAR) = j.business_date) "
            + "WHERE j.business_date BETWEEN ? AND ? GROUP BY j.business_date, r.run_id, r.statement_rows, "
            + "r.statement_amount_fen, r.statement_fee_fen, r.statement_net_fen, r.matched_amount_fen "
            + "ORDER BY j.business_date";

    private static List<BankDay> days(Connection c, DateRange range, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, range.from().toString());
            s.setString(2, range.to().toString());
            List<BankDay> days = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    boolean reconciled = r.getObject(6) != null;
                    days.add(new BankDay(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                            reconciled, r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11),
                            r.getLong(12)));
                }
            }
            return days;
        }
    }
}
