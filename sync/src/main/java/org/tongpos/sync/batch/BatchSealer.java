package org.tongpos.sync.batch;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.client.BankClient;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.wire.BatchRequest;

/**
 * Seals journal entries not yet in a batch into batches of at most {@value #MAX_ENTRIES}, freezing the
 * exact body bytes: a retry, even after a restart, sends byte for byte what was sealed.
 */
public final class BatchSealer {

    public static final int MAX_ENTRIES = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(BatchSealer.class);

    private final JournalSource journal;
    private final BatchStore store;
    private final BankClient client;
    private final Supplier<UUID> batchIds;
    private final int maxEntries;

    public BatchSealer(JournalSource journal, BatchStore store, BankClient client, Supplier<UUID> batchIds,
                       int maxEntries) {
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_ENTRIES + " entries");
        }
        this.journal = journal;
        this.store = store;
        this.client = client;
        this.batchIds = batchIds;
        this.maxEntries = maxEntries;
    }

    /** Seals everything journaled after the sealed mark; returns how many batches were made. */
    public int sealPending() {
        long sealedThrough = store.sealedThrough();
        long last = journal.lastSeq();
        int made = 0;
        while (sealedThrough < last) {
            int max = (int) Math.min(maxEntries, last - sealedThrough);
            List<JournalEntry> entries = journal.entries(sealedThrough + 1, max);
            checkContiguous(entries, sealedThrough + 1);
            UUID batchId = batchIds.get();
            BatchRequest request = BatchRequest.of(batchId.toString(), entries);
            byte[] body = client.write(request);
            store.insertSealed(new SealedBatch(batchId, request.firstSeq(), request.lastSeq(), entries.size(),
                    request.debitTotalFen(), request.creditTotalFen(), BatchState.SEALED, null, 0, null), body);
            sealedThrough = request.lastSeq();
            made++;
        }
        if (made > 0) {
            LOG.info("sealed {} batch(es) through seq {}", made, sealedThrough);
        }
        return made;
    }

    private static void checkContiguous(List<JournalEntry> entries, long expectedFirst) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("journal returned no entries from seq " + expectedFirst);
        }
        long expected = expectedFirst;
        for (JournalEntry entry : entries) {
            if (entry.seq() != expected) {
                throw new IllegalStateException("journal has a gap: expected seq " + expected + ", got " + entry.seq());
            }
            expected++;
        }
    }
}
