package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.wire.BatchRequest;
import org.tongpos.sync.wire.DayTotals;
import org.tongpos.sync.wire.ErrorCode;
import org.tongpos.sync.wire.SettlementRequest;
import org.tongpos.sync.wire.SettlementResult;
import org.tongpos.sync.wire.SettlementStatus;
import org.tongpos.sync.wire.StatementInfo;

class SandboxSettlementTest extends SandboxTestBase {

    private static final String SETTLEMENTS = "/v1/terminals/T0001/settlements";
    private static final String STATEMENT = "/v1/terminals/T0001/statements/2026-11-30";
    private final TestJournal journal = new TestJournal("T0001");
    private JournalEntry sale;
    private JournalEntry meal;
    private JournalEntry cardSale;

    @BeforeEach
    void uploadADay() throws Exception {
        sale = journal.sale(1250, new EntryTender(TenderMethod.CASH, 1000, ""),
                new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123"));
        meal = journal.add(EntryKind.MEAL, 1200, "", new EntryTender(TenderMethod.ACCOUNT, 800, "A0001"),
                new EntryTender(TenderMethod.SUBSIDY, 400, "A0001"));
        cardSale = journal.sale(5000, new EntryTender(TenderMethod.BANK_CARD, 5000, "card\"7"));
        journal.add(EntryKind.REFUND, 250, sale.txnId(), new EntryTender(TenderMethod.PAYMENT_CODE, 250, "420000123"));
        journal.cashSale(300);
        journal.onDate("2026-12-01").sale(999, new EntryTender(TenderMethod.BANK_CARD, 999, "next-day"));
        assertThat(t1.post("/v1/terminals/T0001/batches", BatchRequest.of("b-1", journal.all()), "b-1").status())
                .isEqualTo(201);
    }

    @Test
    void statementIsNotReadyBeforeTheDayIsSettled() throws Exception {
        TestTerminal.Reply reply = t1.get(STATEMENT);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().is(ErrorCode.NOT_READY)).isTrue();
        assertThat(reply.verified()).isTrue();
    }

    @Test
    void matchingTotalsAreInBalance() throws Exception {
        TestTerminal.Reply reply = settle("s-1", 5, 7750, 250);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.verified()).isTrue();
        assertThat(reply.as(SettlementResult.class)).isEqualTo(
                new SettlementResult("s-1", SettlementStatus.IN_BALANCE, new DayTotals(5, 7750, 250)));
    }

    @Test
    void differingTotalsAreOutOfBalanceWithTheBankFiguresAndTheDayStillCloses() throws Exception {
        SettlementResult result = settle("s-1", 6, 8000, 250).as(SettlementResult.class);

        assertThat(result.status()).isEqualTo(SettlementStatus.OUT_OF_BALANCE);
        assertThat(result.bank()).isEqualTo(new DayTotals(5, 7750, 250));
        assertThat(t1.get(STATEMENT).status()).isEqualTo(200);
    }

    @Test
    void statementCsvFollowsTheContractByteForByteAndMatchesItsHash() throws Exception {
        settle("s-1", 5, 7750, 250);
        StatementInfo info = t1.get(STATEMENT).as(StatementInfo.class);

        TestTerminal.Reply download = t1.get(info.downloadPath());

        String refundTxn = journal.all().get(3).txnId();
        String expected = ""
                + "txn_id,seq,kind,business_date,method,amount_fen,fee_fen,net_fen,reference,status\n"
                + sale.txnId() + ",1,SALE,2026-11-30,PAYMENT_CODE,250,1,249,420000123,SETTLED\n"
                + meal.txnId() + ",2,MEAL,2026-11-30,ACCOUNT,800,3,797,A0001,SETTLED\n"
                + meal.txnId() + ",2,MEAL,2026-11-30,SUBSIDY,400,2,398,A0001,SETTLED\n"
                + cardSale.txnId() + ",3,SALE,2026-11-30,BANK_CARD,5000,19,4981,\"card\"\"7\",SETTLED\n"
                + refundTxn + ",4,REFUND,2026-11-30,PAYMENT_CODE,-250,-1,-249,420000123,SETTLED\n"
                + "#TOTAL,5,6200,24,6176\n";
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.text()).isEqualTo(expected);
        assertThat(download.body()[0]).as("no BOM").isEqualTo((byte) 't');
        assertThat(download.signed()).as("the statement file is not signed").isFalse();
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(v -> v.startsWith("text/csv"));
        assertThat(info.hashType()).isEqualTo("SHA-256");
        assertThat(info.hashValue()).isEqualTo(EntryHashes.sha256Hex(expected.getBytes(StandardCharsets.UTF_8)));
        assertThat(info.downloadPath()).startsWith("/v1/terminals/T0001/statements/2026-11-30/");
    }

    @Test
    void downloadStillNeedsASignedRequest() throws Exception {
        settle("s-1", 5, 7750, 250);
        String path = t1.get(STATEMENT).as(StatementInfo.class).downloadPath();

        TestTerminal.Reply unsigned = t1.sendWithAuthorization("GET", path, new byte[0], java.util.Map.of(), null, "x");
        TestTerminal.Reply foreign = t2.get(path);

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(t1.get(path.replace("/1.csv", "/9.csv")).status()).isEqualTo(404);
    }

    @Test
    void retriedSettlementIsReplayedWithoutANewStatement() throws Exception {
        TestTerminal.Reply first = settle("s-1", 5, 7750, 250);
        String path = t1.get(STATEMENT).as(StatementInfo.class).downloadPath();

        TestTerminal.Reply retry = settle("s-1", 5, 7750, 250);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(t1.get(STATEMENT).as(StatementInfo.class).downloadPath()).isEqualTo(path);
        assertThat(settle("s-1", 5, 7751, 250).error().is(ErrorCode.IDEMPOTENCY_MISMATCH)).isTrue();
    }

    @Test
    void settlingAgainIncludesLateEntriesAndRepublishesUnderANewPathKeepingTheOldFile() throws Exception {
        settle("s-1", 5, 7750, 250);
        StatementInfo first = t1.get(STATEMENT).as(StatementInfo.class);
        String firstCsv = t1.get(first.downloadPath()).text();
        JournalEntry late = journal.onDate("2026-11-30").sale(100, new EntryTender(TenderMethod.BANK_CARD, 100, "late"));
        assertThat(t1.post("/v1/terminals/T0001/batches", BatchRequest.of("b-2", List.of(late)), "b-2").status())
                .isEqualTo(201);

        SettlementResult again = settle("s-2", 5, 7750, 250).as(SettlementResult.class);
        StatementInfo second = t1.get(STATEMENT).as(StatementInfo.class);

        assertThat(again.status()).isEqualTo(SettlementStatus.OUT_OF_BALANCE);
        assertThat(again.bank()).isEqualTo(new DayTotals(6, 7850, 250));
        assertThat(second.downloadPath()).isNotEqualTo(first.downloadPath());
        assertThat(second.hashValue()).isNotEqualTo(first.hashValue());
        assertThat(t1.get(second.downloadPath()).text()).contains(late.txnId()).endsWith("#TOTAL,6,6300,24,6276\n");
        assertThat(t1.get(first.downloadPath()).text()).isEqualTo(firstCsv);
    }

    @Test
    void bankCanBeToldToReverseAdjustOrOmitRows() throws Exception {
        bank.markStatementRow("T0001", cardSale.txnId(), TenderMethod.BANK_CARD, StatementRowStatus.REVERSED, 0);
        bank.markStatementRow("T0001", meal.txnId(), TenderMethod.ACCOUNT, StatementRowStatus.ADJUSTED, 700);
        bank.markStatementRow("T0001", sale.txnId(), TenderMethod.PAYMENT_CODE, StatementRowStatus.OMITTED, 0);
        settle("s-1", 5, 7750, 250);

        String csv = t1.get(t1.get(STATEMENT).as(StatementInfo.class).downloadPath()).text();

        assertThat(csv).doesNotContain(sale.txnId())
                .contains(meal.txnId() + ",2,MEAL,2026-11-30,ACCOUNT,700,3,697,A0001,ADJUSTED\n")
                .contains(cardSale.txnId() + ",3,SALE,2026-11-30,BANK_CARD,5000,19,4981,\"card\"\"7\",REVERSED\n")
                .endsWith("#TOTAL,4,5850,23,5827\n");
    }

    @Test
    void settlementKeyMustEqualSettlementIdAndDateMustBeValid() throws Exception {
        SettlementRequest request = new SettlementRequest("s-1", "2026-11-30", 5, 7750, 250);

        assertThat(t1.post(SETTLEMENTS, request, "s-2").error().is(ErrorCode.PARAM_ERROR)).isTrue();
        assertThat(t1.post(SETTLEMENTS, new SettlementRequest("s-1", "2026-02-30", 0, 0, 0), "s-1").status())
                .isEqualTo(400);
        assertThat(t1.get("/v1/terminals/T0001/statements/30-11-2026").status()).isEqualTo(400);
    }

    @Test
    void emptyDayHasAStatementWithOnlyHeaderAndTrailer() throws Exception {
        t1.post(SETTLEMENTS, new SettlementRequest("s-9", "2026-10-01", 0, 0, 0), "s-9");

        StatementInfo info = t1.get("/v1/terminals/T0001/statements/2026-10-01").as(StatementInfo.class);

        assertThat(t1.get(info.downloadPath()).text()).isEqualTo(StatementWriter.HEADER + "\n#TOTAL,0,0,0,0\n");
    }

    private TestTerminal.Reply settle(String id, long count, long debit, long credit) throws Exception {
        return t1.post(SETTLEMENTS, new SettlementRequest(id, "2026-11-30", count, debit, credit), id);
    }
}
