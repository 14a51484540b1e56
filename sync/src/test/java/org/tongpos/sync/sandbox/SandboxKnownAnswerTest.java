package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.ErrorCode;

/**
 * The sandbox checks the chain against known answers, not against the client's code: a batch written by hand as
 * wire bytes, with the entry hashes computed by {@code sha256sum} (the commands are in
 * {@code org.tongpos.sync.journal.EntryHashKnownAnswersTest}), is accepted; the same bytes with one tender order
 * changed are refused, because the contract hashes the tenders in the order sent.
 */
class SandboxKnownAnswerTest extends SandboxTestBase {

    private static final String BATCHES = "/v1/terminals/T0001/batches";
    private static final String GENESIS_T0001 = "30938b1c79f9e8f6b8097f51bd914a3646ff0b605717836710edd28150583a58";
    private static final String MEAL_HASH = "e8e708b8a265c2bd68eb83c673902267d3d90941323b6a2e749ca2f3c0a6fb4d";
    private static final String MEAL_TENDERS = "{\"method\":\"SUBSIDY\",\"amount_fen\":1000,\"reference\":\"A0001\"},"
            + "{\"method\":\"ACCOUNT\",\"amount_fen\":500,\"reference\":\"A0001\"}";
    private static final String BATCH = """
            {"batch_id":"kat-1","first_seq":1,"last_seq":3,"count":3,"debit_total_fen":2750,"credit_total_fen":250,\
            "entries":[\
            {"seq":1,"txn_id":"3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70","kind":"SALE",\
            "occurred_at":"2026-11-30T12:05:09+08:00","business_date":"2026-11-30","amount_fen":1250,\
            "tenders":[{"method":"CASH","amount_fen":1000,"reference":""},\
            {"method":"PAYMENT_CODE","amount_fen":250,"reference":"420000123"}],"original_txn_id":"",\
            "prev_hash":"30938b1c79f9e8f6b8097f51bd914a3646ff0b605717836710edd28150583a58",\
            "entry_hash":"11d80d3ad4441350348ebdb55b9bb1b998df0d161a8b66848b9ba9129782cc8f"},\
            {"seq":2,"txn_id":"8d2e5b7a-4c1f-4e9b-b6a3-0f7e2c9d1a55","kind":"REFUND",\
            "occurred_at":"2026-11-30T12:30:00+08:00","business_date":"2026-11-30","amount_fen":250,\
            "tenders":[{"method":"PAYMENT_CODE","amount_fen":250,"reference":"420000123"}],\
            "original_txn_id":"3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70",\
            "prev_hash":"11d80d3ad4441350348ebdb55b9bb1b998df0d161a8b66848b9ba9129782cc8f",\
            "entry_hash":"3c0faa49aa4c8e6963e29939bade16d307fb745d08151c3ff44b49d7ea4e9a73"},\
            {"seq":3,"txn_id":"c4a7e1d2-9b3f-4f60-8e25-7d1b3a6c9e04","kind":"MEAL",\
            "occurred_at":"2026-11-30T17:45:30+08:00","business_date":"2026-11-30","amount_fen":1500,\
            "tenders":[MEAL_TENDERS],"original_txn_id":"",\
            "prev_hash":"3c0faa49aa4c8e6963e29939bade16d307fb745d08151c3ff44b49d7ea4e9a73",\
            "entry_hash":"e8e708b8a265c2bd68eb83c673902267d3d90941323b6a2e749ca2f3c0a6fb4d"}]}""";

    @Test
    void anEmptyTerminalsCursorIsTheKnownGenesis() throws Exception {
        Cursor cursor = t1.get("/v1/terminals/T0001/cursor").as(Cursor.class);

        assertThat(cursor.lastSeq()).isZero();
        assertThat(cursor.lastEntryHash()).isEqualTo(GENESIS_T0001);
    }

    @Test
    void aHandWrittenBatchWithTheKnownHashesIsAccepted() throws Exception {
        TestTerminal.Reply reply = t1.send("POST", BATCHES, batch(MEAL_TENDERS), "kat-1");

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        Cursor cursor = t1.get("/v1/terminals/T0001/cursor").as(Cursor.class);
        assertThat(cursor.lastSeq()).isEqualTo(3);
        assertThat(cursor.lastEntryHash()).isEqualTo(MEAL_HASH);
    }

    @Test
    void theSameMealWithItsTendersSwappedBreaksTheChainAtItsSeq() throws Exception {
        String swapped = "{\"method\":\"ACCOUNT\",\"amount_fen\":500,\"reference\":\"A0001\"},"
                + "{\"method\":\"SUBSIDY\",\"amount_fen\":1000,\"reference\":\"A0001\"}";

        TestTerminal.Reply reply = t1.send("POST", BATCHES, batch(swapped), "kat-1");

        assertThat(reply.status()).isEqualTo(422);
        ApiError error = reply.error();
        assertThat(error.is(ErrorCode.CHAIN_BROKEN)).isTrue();
        assertThat(error.longDetail("seq")).contains(3L);
    }

    private static byte[] batch(String mealTenders) {
        return BATCH.replace("MEAL_TENDERS", mealTenders).getBytes(StandardCharsets.UTF_8);
    }
}
