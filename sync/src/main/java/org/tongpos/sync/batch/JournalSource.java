package org.tongpos.sync.batch;

import java.util.List;
import java.util.function.Consumer;
import org.tongpos.sync.journal.JournalEntry;

/**
 * The terminal's journal as the sync module reads it. The app implements it over its journal table;
 * entries are read, never written, by the sync module.
 */
public interface JournalSource {

    /** The highest seq journaled so far, 0 when the journal is empty. */
    long lastSeq();

    /** Up to {@code max} entries from {@code fromSeq} on, in seq order, without gaps. */
    List<JournalEntry> entries(long fromSeq, int max);

    /**
     * Every entry of one business date ({@code YYYY-MM-DD}), in seq order. The default walks the whole
     * journal in pages; an implementation with an index on the business date should override it.
     */
    default void forEachOfBusinessDate(String businessDate, Consumer<JournalEntry> action) {
        long last = lastSeq();
        long next = 1;
        while (next <= last) {
            List<JournalEntry> page = entries(next, 1000);
            if (page.isEmpty()) {
                return;
            }
            for (JournalEntry entry : page) {
                if (entry.businessDate().equals(businessDate)) {
                    action.accept(entry);
                }
            }
            next = page.get(page.size() - 1).seq() + 1;
        }
    }
}
