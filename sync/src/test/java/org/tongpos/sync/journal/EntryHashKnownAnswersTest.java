package org.tongpos.sync.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the hash chain, computed outside Java from the exact text settlement-api.md specifies
 * ("Journal entries"): {@code hex(SHA-256(UTF-8 of seq|txn_id|kind|occurred_at|business_date|amount_fen|TENDERS|
 * original_txn_id|prev_hash))}, TENDERS as {@code method:amount_fen:reference} in the order sent, joined by
 * {@code ,}; the first {@code prev_hash} is {@code hex(SHA-256("TONG1|" + terminal_id))}. The client and the sandbox
 * share {@link EntryHashes}: these vectors are what keeps a misreading common to both from passing.
 *
 * <p>Each vector's shell command is beside it ({@code printf '%s'} writes the bytes with no newline; {@code openssl
 * dgst -sha256} gives the same digests).
 */
class EntryHashKnownAnswersTest {

    static final String SALE_TXN = "3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70";
    static final String REFUND_TXN = "8d2e5b7a-4c1f-4e9b-b6a3-0f7e2c9d1a55";
    static final String MEAL_TXN = "c4a7e1d2-9b3f-4f60-8e25-7d1b3a6c9e04";

    /** {@code printf '%s' 'TONG1|T0001' | sha256sum}. */
    static final String GENESIS_T0001 = "30938b1c79f9e8f6b8097f51bd914a3646ff0b605717836710edd28150583a58";

    /**
     * A sale paid partly in cash (empty reference) and partly by payment code:
     * {@code printf '%s' "1|3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70|SALE|2026-11-30T12:05:09+08:00|2026-11-30|1250|
     * CASH:1000:,PAYMENT_CODE:250:420000123||$GENESIS_T0001" | sha256sum} (one line, no break after {@code 1250|}).
     */
    static final String SALE_HASH = "11d80d3ad4441350348ebdb55b9bb1b998df0d161a8b66848b9ba9129782cc8f";

    /**
     * The payment-code part refunded, naming the sale:
     * {@code printf '%s' "2|8d2e5b7a-4c1f-4e9b-b6a3-0f7e2c9d1a55|REFUND|2026-11-30T12:30:00+08:00|2026-11-30|250|
     * PAYMENT_CODE:250:420000123|3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70|$SALE_HASH" | sha256sum}.
     */
    static final String REFUND_HASH = "3c0faa49aa4c8e6963e29939bade16d307fb745d08151c3ff44b49d7ea4e9a73";

    /**
     * A canteen meal on subsidy then personal account, in that order as sent (not the enum's order):
     * {@code printf '%s' "3|c4a7e1d2-9b3f-4f60-8e25-7d1b3a6c9e04|MEAL|2026-11-30T17:45:30+08:00|2026-11-30|1500|
     * SUBSIDY:1000:A0001,ACCOUNT:500:A0001||$REFUND_HASH" | sha256sum}.
     */
    static final String MEAL_HASH = "e8e708b8a265c2bd68eb83c673902267d3d90941323b6a2e749ca2f3c0a6fb4d";

    static JournalEntry sale() {
        return JournalEntry.create(1, SALE_TXN, EntryKind.SALE, "2026-11-30T12:05:09+08:00", "2026-11-30", 1250,
                List.of(new EntryTender(TenderMethod.CASH, 1000, ""),
                        new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123")), "", GENESIS_T0001);
    }

    static JournalEntry refund() {
        return JournalEntry.create(2, REFUND_TXN, EntryKind.REFUND, "2026-11-30T12:30:00+08:00", "2026-11-30", 250,
                List.of(new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123")), SALE_TXN, SALE_HASH);
    }

    static JournalEntry meal() {
        return JournalEntry.create(3, MEAL_TXN, EntryKind.MEAL, "2026-11-30T17:45:30+08:00", "2026-11-30", 1500,
                List.of(new EntryTender(TenderMethod.SUBSIDY, 1000, "A0001"),
                        new EntryTender(TenderMethod.ACCOUNT, 500, "A0001")), "", REFUND_HASH);
    }

    @Test
    void genesisOfT0001IsTheKnownAnswer() {
        assertThat(EntryHashes.genesis("T0001")).isEqualTo(GENESIS_T0001);
    }

    @Test
    void saleEntryHashIsTheKnownAnswer() {
        assertThat(sale().entryHash()).isEqualTo(SALE_HASH);
    }

    @Test
    void refundEntryHashIsTheKnownAnswer() {
        assertThat(refund().entryHash()).isEqualTo(REFUND_HASH);
    }

    @Test
    void mealEntryHashIsTheKnownAnswerWithTendersInTheOrderSent() {
        assertThat(meal().entryHash()).isEqualTo(MEAL_HASH);
        assertThat(meal().tenders()).extracting(EntryTender::method)
                .containsExactly(TenderMethod.SUBSIDY, TenderMethod.ACCOUNT);
    }

    @Test
    void theThreeEntriesChainFromTheGenesis() {
        assertThat(sale().verifies(GENESIS_T0001)).isTrue();
        assertThat(refund().verifies(SALE_HASH)).isTrue();
        assertThat(meal().verifies(REFUND_HASH)).isTrue();
    }
}
