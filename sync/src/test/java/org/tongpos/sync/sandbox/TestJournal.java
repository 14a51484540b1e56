package org.tongpos.sync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/** Builds a terminal's hash-chained entries for tests. */
final class TestJournal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private String lastHash;
    private String businessDate = "2026-11-30";

    TestJournal(String terminalId) {
        this.lastHash = EntryHashes.genesis(terminalId);
    }

    TestJournal onDate(String date) {
        this.businessDate = date;
        return this;
    }

    JournalEntry sale(long amountFen, EntryTender... tenders) {
        return add(EntryKind.SALE, amountFen, "", tenders);
    }

    JournalEntry cashSale(long amountFen) {
        return sale(amountFen, new EntryTender(TenderMethod.CASH, amountFen, ""));
    }

    JournalEntry add(EntryKind kind, long amountFen, String originalTxnId, EntryTender... tenders) {
        long seq = entries.size() + 1;
        JournalEntry entry = JournalEntry.create(seq, UUID.randomUUID().toString(), kind,
                "2026-11-30T12:%02d:%02d+08:00".formatted((seq / 60) % 60, seq % 60), businessDate, amountFen,
                List.of(tenders), originalTxnId, lastHash);
        entries.add(entry);
        lastHash = entry.entryHash();
        return entry;
    }

    List<JournalEntry> cashSales(int count, long amountFen) {
        List<JournalEntry> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(cashSale(amountFen));
        }
        return made;
    }

    List<JournalEntry> all() {
        return List.copyOf(entries);
    }
}
