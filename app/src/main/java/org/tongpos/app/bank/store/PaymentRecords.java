package org.tongpos.app.bank.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.storage.StorageException;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/** What the start-up check of payment codes needs from the journal: whether it holds a sale paid with a trade. */
public final class PaymentRecords {

    private final DataSource dataSource;

    public PaymentRecords(DataSource dataSource) {
        this.dataSource = dataSource;
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
                    for (EntryTender tender : JournalStore.TenderText.parse(rs.getString(1))) {
                        if (tender.method() == TenderMethod.PAYMENT_CODE && tender.reference().equals(tradeNo)) {
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
