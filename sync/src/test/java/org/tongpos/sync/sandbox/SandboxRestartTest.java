package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.signing.SignedRequest;
import org.tongpos.sync.wire.BatchRequest;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.ErrorCode;
import org.tongpos.sync.wire.PaymentRequest;
import org.tongpos.sync.wire.PaymentResult;
import org.tongpos.sync.wire.PaymentStatus;
import org.tongpos.sync.wire.SettlementRequest;
import org.tongpos.sync.wire.StatementInfo;

class SandboxRestartTest extends SandboxTestBase {

    @Test
    void restartKeepsBatchesIdempotencyRecordsNoncesPaymentsAndStatements() throws Exception {
        TestJournal journal = new TestJournal("T0001");
        List<JournalEntry> entries = List.of(journal.cashSale(100),
                journal.sale(700, new EntryTender(TenderMethod.BANK_CARD, 700, "t-9")));
        byte[] batch = TestTerminal.JSON.writeValueAsBytes(BatchRequest.of("b-1", entries));
        TestTerminal.Reply accepted = t1.send("POST", "/v1/terminals/T0001/batches", batch, "b-1");
        t1.post("/v1/terminals/T0001/settlements", new SettlementRequest("s-1", "2026-11-30", 2, 800, 0), "s-1");
        StatementInfo statement = t1.get("/v1/terminals/T0001/statements/2026-11-30").as(StatementInfo.class);
        t1.post("/v1/payments", new PaymentRequest("o-1", "134567890123456002", 500, ""), "o-1");
        t1.send("POST", "/v1/payments/o-2/reverse", new byte[0], null);
        SignedRequest used = t1.signer().sign("GET", "/v1/keys", null);
        assertThat(t1.sendSigned("GET", "/v1/keys", new byte[0], null, used).status()).isEqualTo(200);

        restartBank();

        TestTerminal.Reply replay = t1.send("POST", "/v1/terminals/T0001/batches", batch, "b-1");
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.text()).isEqualTo(accepted.text());
        assertThat(t1.get("/v1/terminals/T0001/cursor").as(Cursor.class))
                .isEqualTo(new Cursor(2, entries.get(1).entryHash()));
        assertThat(t1.get("/v1/terminals/T0001/statements/2026-11-30").as(StatementInfo.class)).isEqualTo(statement);
        assertThat(t1.get(statement.downloadPath()).text()).contains("t-9");
        assertThat(t1.sendSigned("GET", "/v1/keys", new byte[0], null, used).error().is(ErrorCode.REPLAYED)).isTrue();
        assertThat(t1.get("/v1/payments/o-1").as(PaymentResult.class).status()).isEqualTo(PaymentStatus.USERPAYING);
        assertThat(t1.get("/v1/payments/o-1").as(PaymentResult.class).status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(t1.post("/v1/payments", new PaymentRequest("o-2", "134567890123450000", 500, ""), "o-2")
                .as(PaymentResult.class).failCode()).isEqualTo("ORDER_REVERSED");
    }
}
