package org.tongpos.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

class WireJsonTest {

    private final ObjectMapper json = WireJson.newMapper();

    @Test
    void batchSerializesSnakeCaseInContractOrderAndRoundTrips() throws Exception {
        JournalEntry entry = JournalEntry.create(1, "3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70", EntryKind.SALE,
                "2026-11-30T12:05:09+08:00", "2026-11-30", 1250,
                List.of(new EntryTender(TenderMethod.CASH, 1000, ""),
                        new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123")), "",
                EntryHashes.genesis("T0001"));
        BatchRequest batch = BatchRequest.of("b-1", List.of(entry));

        String text = json.writeValueAsString(batch);

        assertThat(text).startsWith("{\"batch_id\":\"b-1\",\"first_seq\":1,\"last_seq\":1,\"count\":1,"
                + "\"debit_total_fen\":1250,\"credit_total_fen\":0,\"entries\":[{\"seq\":1,\"txn_id\":");
        assertThat(text).contains("\"tenders\":[{\"method\":\"CASH\",\"amount_fen\":1000,\"reference\":\"\"},")
                .contains("\"original_txn_id\":\"\"");
        assertThat(json.readValue(text, BatchRequest.class)).isEqualTo(batch);
        assertThat(json.writeValueAsBytes(json.readValue(text, BatchRequest.class)))
                .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void apiErrorKeepsExtraFieldsAndWritesCodeAndMessageFirst() throws Exception {
        ApiError error = ApiError.of(ErrorCode.PARAM_ERROR, "txn_id already held",
                Map.of("txn_id", "abc", "seq", 7));

        String text = json.writeValueAsString(error);

        assertThat(text).isEqualTo("{\"code\":\"PARAM_ERROR\",\"message\":\"txn_id already held\",\"seq\":7,"
                + "\"txn_id\":\"abc\"}");
        ApiError read = json.readValue(text, ApiError.class);
        assertThat(read.is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(read.longDetail("seq")).contains(7L);
        assertThat(read.textDetail("txn_id")).contains("abc");
        assertThat(json.readValue("{\"code\":\"SEQ_GAP\",\"message\":\"m\",\"expected_seq\":12}", ApiError.class)
                .longDetail("expected_seq")).contains(12L);
    }

    @Test
    void responsesReadFromContractExamples() throws Exception {
        SettlementResult settlement = json.readValue("{\"settlement_id\":\"s1\",\"status\":\"OUT_OF_BALANCE\","
                + "\"bank\":{\"count\":2,\"debit_total_fen\":300,\"credit_total_fen\":0}}", SettlementResult.class);
        assertThat(settlement.status()).isEqualTo(SettlementStatus.OUT_OF_BALANCE);
        assertThat(settlement.bank().debitTotalFen()).isEqualTo(300);

        PaymentResult payment = json.readValue("{\"out_trade_no\":\"o1\",\"trade_no\":\"t1\",\"channel\":\"WECHAT\","
                + "\"status\":\"USERPAYING\",\"fail_code\":\"\",\"future_field\":1}", PaymentResult.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.USERPAYING);

        AccountChangesPage page = json.readValue("{\"changes\":[],\"next_cursor\":\"17\",\"has_more\":false}",
                AccountChangesPage.class);
        assertThat(page.nextCursor()).isEqualTo("17");
        assertThat(json.writeValueAsString(new BankKeys(List.of(new BankKey("k1", BankKey.ED25519, "AAAA")))))
                .isEqualTo("{\"keys\":[{\"key_id\":\"k1\",\"algorithm\":\"Ed25519\",\"public_key\":\"AAAA\"}]}");
    }

    @Test
    void pathsStartAtV1() {
        assertThat(ApiPaths.batch("T0001", "b-1")).isEqualTo("/v1/terminals/T0001/batches/b-1");
        assertThat(ApiPaths.accountChanges("M001", null, 100)).isEqualTo("/v1/merchants/M001/accounts/changes?limit=100");
        assertThat(ApiPaths.accountChanges("M001", "42", 500))
                .isEqualTo("/v1/merchants/M001/accounts/changes?after=42&limit=500");
    }
}
