package org.tongpos.app.bank.store;

import java.util.List;
import java.util.function.Consumer;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.sync.batch.JournalSource;
import org.tongpos.sync.journal.JournalEntry;

/**
 * The terminal's journal as the sync module reads it. A business date's entries are one streamed range scan of the
 * index on {@code journal(business_date, seq)} (migration V2), never the whole journal.
 */
public final class JournalSourceAdapter implements JournalSource {

    private final JournalStore journal;

    public JournalSourceAdapter(JournalStore journal) {
        this.journal = journal;
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
        journal.forEachOfBusinessDate(businessDate, action);
    }
}
