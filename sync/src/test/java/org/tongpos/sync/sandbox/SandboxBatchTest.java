package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.BatchAccepted;
import org.tongpos.sync.wire.BatchRequest;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.ErrorCode;

class SandboxBatchTest extends SandboxTestBase {

    private static final String BATCHES = "/v1/terminals/T0001/batches";
    private final TestJournal journal = new TestJournal("T0001");

    @Test
    void acceptedBatchMovesTheCursorAndCanBeAskedFor() throws Exception {
        List<JournalEntry> entries = List.of(journal.cashSale(500),
                journal.sale(1250, new EntryTender(TenderMethod.CASH, 1000, ""),
                        new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123")));
        JournalEntry refund = journal.add(EntryKind.REFUND, 200, entries.get(0).txnId(),
                new EntryTender(TenderMethod.CASH, 200, ""));
        BatchRequest batch = BatchRequest.of("b-1", List.of(entries.get(0), entries.get(1), refund));

        assertThat(t1.get(BATCHES + "/b-1").status()).isEqualTo(404);
        TestTerminal.Reply reply = t1.post(BATCHES, batch, "b-1");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.verified()).isTrue();
        BatchAccepted accepted = reply.as(BatchAccepted.class);
        assertThat(accepted).usingRecursiveComparison().ignoringFields("acceptedAt").isEqualTo(
                new BatchAccepted("b-1", "ACCEPTED", 1, 3, 3, 1750, 200, null));
        assertThat(accepted.acceptedAt()).isEqualTo("2026-11-30T12:05:09+08:00");
        assertThat(t1.get(BATCHES + "/b-1").text()).isEqualTo(reply.text());
        assertThat(t1.get("/v1/terminals/T0001/cursor").as(Cursor.class))
                .isEqualTo(new Cursor(3, refund.entryHash()));
    }

    @Test
    void emptyBankCursorIsZeroAndGenesis() throws Exception {
        assertThat(t2.get("/v1/terminals/T0002/cursor").as(Cursor.class))
                .isEqualTo(new Cursor(0, EntryHashes.genesis("T0002")));
    }

    @Test
    void retriedBatchIsReplayedNotCountedTwice() throws Exception {
        BatchRequest batch = BatchRequest.of("b-1", journal.cashSales(3, 100));
        byte[] bytes = TestTerminal.JSON.writeValueAsBytes(batch);

        TestTerminal.Reply first = t1.send("POST", BATCHES, bytes, "b-1");
        TestTerminal.Reply retry = t1.send("POST", BATCHES, bytes, "b-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.verified()).isTrue();
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(t1.get("/v1/terminals/T0001/cursor").as(Cursor.class).lastSeq()).isEqualTo(3);
    }

    @Test
    void sameKeyWithOtherBytesIsIdempotencyMismatch() throws Exception {
        List<JournalEntry> entries = journal.cashSales(2, 100);
        assertThat(t1.post(BATCHES, BatchRequest.of("b-1", entries.subList(0, 1)), "b-1").status()).isEqualTo(201);

        TestTerminal.Reply reply = t1.post(BATCHES, BatchRequest.of("b-1", entries.subList(1, 2)), "b-1");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error().is(ErrorCode.IDEMPOTENCY_MISMATCH)).isTrue();
        assertThat(reply.verified()).isTrue();
    }

    @Test
    void keyMustEqualBatchIdAndIsRequired() throws Exception {
        BatchRequest batch = BatchRequest.of("b-1", journal.cashSales(1, 100));

        assertThat(t1.post(BATCHES, batch, "other").error().is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(t1.post(BATCHES, batch, null).error().message()).contains("Idempotency-Key");
        assertThat(t1.post(BATCHES, batch, "b-1").status()).as("a rejected key is not stored").isEqualTo(201);
    }

    @Test
    void batchNotFollowingTheBankIsSeqGapWithExpectedSeq() throws Exception {
        List<JournalEntry> entries = journal.cashSales(4, 100);
        assertThat(t1.post(BATCHES, BatchRequest.of("b-1", entries.subList(0, 2)), "b-1").status()).isEqualTo(201);

        TestTerminal.Reply ahead = t1.post(BATCHES, BatchRequest.of("b-3", entries.subList(3, 4)), "b-3");
        TestTerminal.Reply behind = t1.post(BATCHES, BatchRequest.of("b-0", entries.subList(1, 3)), "b-0");

        for (TestTerminal.Reply reply : List.of(ahead, behind)) {
            assertThat(reply.status()).isEqualTo(409);
            ApiError error = reply.error();
            assertThat(error.is(ErrorCode.SEQ_GAP)).isTrue();
            assertThat(error.longDetail("expected_seq")).contains(3L);
        }
    }

    @Test
    void wrongTotalsAreTotalsMismatchWithTheBankFigures() throws Exception {
        BatchRequest honest = BatchRequest.of("b-1", journal.cashSales(2, 150));
        BatchRequest lying = new BatchRequest("b-1", 1, 2, 2, 301, 0, honest.entries());
        BatchRequest miscounted = new BatchRequest("b-1", 1, 2, 3, 300, 0, honest.entries());

        for (BatchRequest wrong : List.of(lying, miscounted)) {
            TestTerminal.Reply reply = t1.post(BATCHES, wrong, "b-1");
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.error().is(ErrorCode.TOTALS_MISMATCH)).isTrue();
            assertThat(TestTerminal.JSON.readTree(reply.body()).get("bank").toString())
                    .isEqualTo("{\"count\":2,\"debit_total_fen\":300,\"credit_total_fen\":0}");
        }
        assertThat(t1.post(BATCHES, honest, "b-1").status()).isEqualTo(201);
    }

    @Test
    void brokenChainNamesTheFirstBadSeq() throws Exception {
        List<JournalEntry> entries = journal.cashSales(3, 100);
        JournalEntry second = entries.get(1);
        JournalEntry tampered = new JournalEntry(second.seq(), second.txnId(), second.kind(), second.occurredAt(),
                second.businessDate(), 101, List.of(new EntryTender(TenderMethod.CASH, 101, "")), "",
                second.prevHash(), second.entryHash());

        TestTerminal.Reply reply = t1.post(BATCHES,
                BatchRequest.of("b-1", List.of(entries.get(0), tampered, entries.get(2))), "b-1");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error().is(ErrorCode.CHAIN_BROKEN)).isTrue();
        assertThat(reply.error().longDetail("seq")).contains(2L);
    }

    @Test
    void batchNotLinkingToTheBanksLastHashIsChainBroken() throws Exception {
        TestJournal otherChain = new TestJournal("T0002");
        TestTerminal.Reply reply = t1.post(BATCHES, BatchRequest.of("b-1", otherChain.cashSales(1, 100)), "b-1");

        assertThat(reply.error().is(ErrorCode.CHAIN_BROKEN)).isTrue();
        assertThat(reply.error().longDetail("seq")).contains(1L);
    }

    @Test
    void txnIdTheBankAlreadyHoldsIsParamErrorWithSeqAndTxnId() throws Exception {
        JournalEntry first = journal.cashSale(100);
        assertThat(t1.post(BATCHES, BatchRequest.of("b-1", List.of(first)), "b-1").status()).isEqualTo(201);
        JournalEntry duplicate = JournalEntry.create(2, first.txnId(), EntryKind.SALE, first.occurredAt(),
                first.businessDate(), 100, first.tenders(), "", first.entryHash());

        TestTerminal.Reply reply = t1.post(BATCHES, BatchRequest.of("b-2", List.of(duplicate)), "b-2");

        assertThat(reply.status()).isEqualTo(400);
        ApiError error = reply.error();
        assertThat(error.is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(error.longDetail("seq")).contains(2L);
        assertThat(error.textDetail("txn_id")).contains(first.txnId());
    }

    @Test
    void txnIdHeldForAnotherTerminalIsAlsoRefused() throws Exception {
        JournalEntry first = journal.cashSale(100);
        assertThat(t1.post(BATCHES, BatchRequest.of("b-1", List.of(first)), "b-1").status()).isEqualTo(201);
        JournalEntry copy = JournalEntry.create(1, first.txnId(), EntryKind.SALE, first.occurredAt(),
                first.businessDate(), 100, first.tenders(), "", EntryHashes.genesis("T0002"));

        TestTerminal.Reply reply = t2.post("/v1/terminals/T0002/batches", BatchRequest.of("c-1", List.of(copy)), "c-1");

        assertThat(reply.error().textDetail("txn_id")).contains(first.txnId());
    }

    @Test
    void moreThanThousandEntriesIsBatchTooLarge() throws Exception {
        TestTerminal.Reply reply = t1.post(BATCHES, BatchRequest.of("b-1", journal.cashSales(1001, 1)), "b-1");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error().is(ErrorCode.BATCH_TOO_LARGE)).isTrue();
        assertThat(reply.verified()).isTrue();
    }

    @Test
    void thousandEntriesAreAccepted() throws Exception {
        TestTerminal.Reply reply = t1.post(BATCHES, BatchRequest.of("b-1", journal.cashSales(1000, 1)), "b-1");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.as(BatchAccepted.class).debitTotalFen()).isEqualTo(1000);
    }

    @Test
    void bodyOver32MibIsBatchTooLargeAndSigned() throws Exception {
        byte[] huge = new byte[ApiHandler.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        TestTerminal.Reply reply = t1.send("POST", BATCHES, huge, "b-1");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error().is(ErrorCode.BATCH_TOO_LARGE)).isTrue();
        assertThat(reply.verified()).isTrue();
    }

    @Test
    void entriesBreakingTheRulesAreParamErrorsNamingTheSeq() throws Exception {
        JournalEntry valid = journal.cashSale(100);
        Map<String, java.util.function.Consumer<ObjectNode>> breakages = Map.of(
                "null field", e -> e.putNull("original_txn_id"),
                "missing field", e -> e.remove("business_date"),
                "occurred_at without seconds", e -> e.put("occurred_at", "2026-11-30T12:05+08:00"),
                "occurred_at without offset", e -> e.put("occurred_at", "2026-11-30T12:05:00"),
                "txn_id not a UUID", e -> e.put("txn_id", "sale-1"),
                "unknown kind", e -> e.put("kind", "GIFT"),
                "amount as decimal", e -> e.put("amount_fen", 1.5),
                "reference with pipe", e -> ((ObjectNode) e.get("tenders").get(0)).put("reference", "a|b"),
                "zero tender", e -> ((ObjectNode) e.get("tenders").get(0)).put("amount_fen", 0),
                "sale naming an original", e -> e.put("original_txn_id", valid.txnId()));
        for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> breakage : breakages.entrySet()) {
            ObjectNode body = (ObjectNode) TestTerminal.JSON.valueToTree(BatchRequest.of("b-1", List.of(valid)));
            breakage.getValue().accept((ObjectNode) body.get("entries").get(0));

            TestTerminal.Reply reply = t1.send("POST", BATCHES, TestTerminal.JSON.writeValueAsBytes(body), "b-1");

            assertThat(reply.status()).as(breakage.getKey()).isEqualTo(400);
            assertThat(reply.error().is(ErrorCode.PARAM_ERROR)).as(breakage.getKey()).isTrue();
            assertThat(reply.error().longDetail("seq")).as(breakage.getKey()).contains(1L);
        }
        assertThat(t1.post(BATCHES, BatchRequest.of("b-1", List.of(valid)), "b-1").status()).isEqualTo(201);
    }

    @Test
    void twoTendersOfOneMethodOrWrongSumAreRefused() throws Exception {
        JournalEntry valid = journal.cashSale(100);
        ObjectNode body = (ObjectNode) TestTerminal.JSON.valueToTree(BatchRequest.of("b-1", List.of(valid)));
        ArrayNode tenders = (ArrayNode) body.get("entries").get(0).get("tenders");
        ((ObjectNode) tenders.get(0)).put("amount_fen", 50);
        tenders.addObject().put("method", "CASH").put("amount_fen", 50).put("reference", "");

        TestTerminal.Reply twoCash = t1.send("POST", BATCHES, TestTerminal.JSON.writeValueAsBytes(body), "b-1");
        ((ObjectNode) tenders.get(1)).put("method", "BANK_CARD").put("amount_fen", 49).put("reference", "t1");
        TestTerminal.Reply wrongSum = t1.send("POST", BATCHES, TestTerminal.JSON.writeValueAsBytes(body), "b-1");

        assertThat(twoCash.error().message()).contains("one tender per method");
        assertThat(wrongSum.error().message()).contains("sum to 99");
    }

    @Test
    void nonContiguousOrMislabelledBatchIsRefused() throws Exception {
        List<JournalEntry> entries = journal.cashSales(3, 100);
        BatchRequest gap = new BatchRequest("b-1", 1, 3, 2, 200, 0, List.of(entries.get(0), entries.get(2)));
        BatchRequest mislabelled = new BatchRequest("b-1", 1, 5, 3, 300, 0, entries);

        assertThat(t1.post(BATCHES, gap, "b-1").error().is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(t1.post(BATCHES, mislabelled, "b-1").error().is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(t1.send("POST", BATCHES, "not json".getBytes(), "b-1").error().is(ErrorCode.PARAM_ERROR)).isTrue();
    }

    @Test
    void otherTerminalsBatchCannotBeReadWithMyCredentials() throws Exception {
        assertThat(t1.post(BATCHES, BatchRequest.of("b-1", journal.cashSales(1, 100)), "b-1").status()).isEqualTo(201);

        assertThat(t2.get(BATCHES + "/b-1").status()).isEqualTo(401);
        assertThat(t2.get("/v1/terminals/T0002/batches/b-1").status()).isEqualTo(404);
    }
}
