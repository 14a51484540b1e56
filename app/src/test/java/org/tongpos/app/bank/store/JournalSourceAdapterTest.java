package org.tongpos.app.bank.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/** The journal as the sync module reads it, on a real H2 file: a day's entries through the business-date index. */
class JournalSourceAdapterTest {

    @TempDir
    Path dir;

    @Test
    void aDaysEntriesComeInSeqOrderEvenWhenALateEntryOfAnotherDayInterrupts() throws Exception {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir, 10)) {
            String[] dates = {"2026-11-29", "2026-11-29", "2026-11-30", "2026-11-30", "2026-11-29", "2026-11-30",
                "2026-12-01"};
            try (Connection c = terminal.database().connection()) {
                c.setAutoCommit(false);
                for (String date : dates) {
                    terminal.journal().append(c, new JournalStore.Draft(UUID.randomUUID().toString(), EntryKind.SALE,
                            date + "T12:00:00+08:00", date, 300, List.of(new EntryTender(TenderMethod.CASH, 300, "")),
                            ""));
                }
                c.commit();
            }
            JournalSourceAdapter source = new JournalSourceAdapter(terminal.journal());
            assertThat(source.lastSeq()).isEqualTo(7);
            assertThat(source.entries(3, 2)).extracting(JournalEntry::seq).containsExactly(3L, 4L);

            assertThat(seqsOf(source, "2026-11-29")).containsExactly(1L, 2L, 5L);
            assertThat(seqsOf(source, "2026-11-30")).containsExactly(3L, 4L, 6L);
            assertThat(seqsOf(source, "2026-12-01")).containsExactly(7L);
            assertThat(seqsOf(source, "2026-12-02")).isEmpty();
        }
    }

    @Test
    void theBusinessDateIndexExists() throws Exception {
        try (Terminal terminal = Terminal.open(dir);
             Connection c = terminal.database().connection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                     + "WHERE TABLE_NAME = 'JOURNAL' AND INDEX_NAME = 'JOURNAL_BUSINESS_DATE'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static List<Long> seqsOf(JournalSourceAdapter source, String date) {
        List<Long> seqs = new ArrayList<>();
        source.forEachOfBusinessDate(date, entry -> {
            assertThat(entry.businessDate()).isEqualTo(date);
            seqs.add(entry.seq());
        });
        return seqs;
    }
}
