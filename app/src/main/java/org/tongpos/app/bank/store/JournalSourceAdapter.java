package org.tongpos.app.bank.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.storage.StorageException;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.journal.JournalEntry;

/**
 * The terminal's journal as the sync module reads it. A business date's entries are found through the index on
 * {@code journal(business_date, seq)} (migration V2) as runs of consecutive seqs, which are then streamed by the
 * journal store; a day is almost always one run, so a day of a million entries costs one index range scan and one
 * streamed read, never the whole journal.
 */
public final class JournalSourceAdapter implements JournalSource {

    private final JournalStore journal;
    private final DataSource dataSource;

    public JournalSourceAdapter(JournalStore journal, DataSource dataSource) {
        this.journal = journal;
        this.dataSource = dataSource;
    }

    @Override
    public long lastSeq() {
        return journal.lastSeq();
    }

    @Override
    public List<JournalEntry> entries(long fromSeq, int max) {
        return journal.read(fromSeq, max);
    }

    @Override
    public void forEachOfBusinessDate(String businessDate, Consumer<JournalEntry> action) {
        for (SeqRun run : runsOf(businessDate)) {
            journal.forEach(run.first(), run.last() - run.first() + 1, action);
        }
    }

    /** Consecutive seqs {@code first..last}, all of one business date. */
    record SeqRun(long first, long last) {
    }

    List<SeqRun> runsOf(String businessDate) {
        List<SeqRun> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT seq FROM journal WHERE business_date = ? ORDER BY seq")) {
            s.setString(1, businessDate);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                long first = -1;
                long last = -1;
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (first < 0) {
                        first = seq;
                    } else if (seq != last + 1) {
                        runs.add(new SeqRun(first, last));
                        first = seq;
                    }
                    last = seq;
                }
                if (first > 0) {
                    runs.add(new SeqRun(first, last));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the journal of " + businessDate, e);
        }
        return runs;
    }
}
