package org.tongpos.sync.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final String TXN = "3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70";

    @Test
    void genesisIsSha256OfTongPrefixAndTerminalId() {
        assertThat(EntryHashes.genesis("T0001")).isEqualTo(EntryHashes.sha256Hex("TONG1|T0001"))
                .hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void entryHashCoversEveryFieldInContractOrder() {
        String genesis = EntryHashes.genesis("T0001");
        JournalEntry entry = JournalEntry.create(1, TXN, EntryKind.SALE, "2026-11-30T12:05:09+08:00", "2026-11-30",
                1250, List.of(new EntryTender(TenderMethod.CASH, 1000, ""),
                        new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123")), "", genesis);

        String expectedText = "1|" + TXN + "|SALE|2026-11-30T12:05:09+08:00|2026-11-30|1250|CASH:1000:,"
                + "PAYMENT_CODE:250:420000123||" + genesis;
        assertThat(entry.entryHash()).isEqualTo(EntryHashes.sha256Hex(expectedText));
        assertThat(entry.verifies(genesis)).isTrue();
        assertThat(entry.verifies("0".repeat(64))).isFalse();
    }

    @Test
    void tamperedAmountNoLongerVerifies() {
        String genesis = EntryHashes.genesis("T0001");
        JournalEntry entry = JournalEntry.create(1, TXN, EntryKind.SALE, "2026-11-30T12:05:09+08:00", "2026-11-30",
                500, List.of(new EntryTender(TenderMethod.CASH, 500, "")), "", genesis);
        JournalEntry tampered = new JournalEntry(1, TXN, EntryKind.SALE, entry.occurredAt(), entry.businessDate(),
                501, entry.tenders(), "", genesis, entry.entryHash());
        assertThat(tampered.verifies(genesis)).isFalse();
    }

    @Test
    void rejectsTendersThatDoNotSumToTheAmount() {
        assertThatThrownBy(() -> JournalEntry.create(1, TXN, EntryKind.SALE, "2026-11-30T12:05:09+08:00",
                "2026-11-30", 500, List.of(new EntryTender(TenderMethod.CASH, 400, "")), "", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("400");
    }

    @Test
    void refundMustNameItsOriginal() {
        assertThatThrownBy(() -> JournalEntry.create(2, TXN, EntryKind.REFUND, "2026-11-30T12:05:09+08:00",
                "2026-11-30", 500, List.of(new EntryTender(TenderMethod.CASH, 500, "")), "", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void apiTimesAlwaysWriteSecondsAndOffset() {
        assertThat(ApiTimes.format(OffsetDateTime.of(2026, 11, 30, 12, 5, 0, 123, ZoneOffset.ofHours(8))))
                .isEqualTo("2026-11-30T12:05:00+08:00");
        assertThat(ApiTimes.format(OffsetDateTime.of(2026, 11, 30, 4, 5, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2026-11-30T04:05:00+00:00");
    }
}
