package org.tongpos.app.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The terminal's own journal (its genesis from {@code terminal.id}, the entries it stores and reads back) gives the
 * known answers computed with {@code sha256sum} from the contract's text; the commands are in the sync module's
 * {@code EntryHashKnownAnswersTest}.
 */
class JournalKnownAnswerTest {

    private static final String GENESIS_T0001 = "30938b1c79f9e8f6b8097f51bd914a3646ff0b605717836710edd28150583a58";
    private static final String SALE_HASH = "11d80d3ad4441350348ebdb55b9bb1b998df0d161a8b66848b9ba9129782cc8f";
    private static final String REFUND_HASH = "3c0faa49aa4c8e6963e29939bade16d307fb745d08151c3ff44b49d7ea4e9a73";
    private static final String MEAL_HASH = "e8e708b8a265c2bd68eb83c673902267d3d90941323b6a2e749ca2f3c0a6fb4d";
    private static final String SALE_TXN = "3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70";

    @TempDir
    Path dir;

    @Test
    void theJournalOfT0001StoresAndReadsBackTheKnownHashes() throws Exception {
        try (Terminal terminal = Terminal.open(dir)) {
            JournalStore journal = terminal.journal();
            try (Connection connection = terminal.database().connection()) {
                connection.setAutoCommit(false);
                assertThat(journal.head(connection).entryHash()).isEqualTo(GENESIS_T0001);
                journal.append(connection, new JournalStore.Draft(SALE_TXN, EntryKind.SALE,
                        "2026-11-30T12:05:09+08:00", "2026-11-30", 1250,
                        List.of(new EntryTender(TenderMethod.CASH, 1000, ""),
                                new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123")), ""));
                journal.append(connection, new JournalStore.Draft("8d2e5b7a-4c1f-4e9b-b6a3-0f7e2c9d1a55",
                        EntryKind.REFUND, "2026-11-30T12:30:00+08:00", "2026-11-30", 250,
                        List.of(new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123")), SALE_TXN));
                journal.append(connection, new JournalStore.Draft("c4a7e1d2-9b3f-4f60-8e25-7d1b3a6c9e04",
                        EntryKind.MEAL, "2026-11-30T17:45:30+08:00", "2026-11-30", 1500,
                        List.of(new EntryTender(TenderMethod.SUBSIDY, 1000, "A0001"),
                                new EntryTender(TenderMethod.ACCOUNT, 500, "A0001")), ""));
                connection.commit();
            }
        }
        try (Terminal reopened = Terminal.open(dir)) {
            assertThat(reopened.journal().read(1, 10)).extracting(JournalEntry::prevHash, JournalEntry::entryHash)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(GENESIS_T0001, SALE_HASH),
                            org.assertj.core.groups.Tuple.tuple(SALE_HASH, REFUND_HASH),
                            org.assertj.core.groups.Tuple.tuple(REFUND_HASH, MEAL_HASH));
            assertThat(reopened.journalVerifier().verify().verifiedEntries()).isEqualTo(3);
        }
    }
}
