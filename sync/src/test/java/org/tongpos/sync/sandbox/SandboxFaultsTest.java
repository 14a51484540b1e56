package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.wire.BatchAccepted;
import org.tongpos.sync.wire.BatchRequest;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.ErrorCode;

class SandboxFaultsTest extends SandboxTestBase {

    private static final String BATCHES = "/v1/terminals/T0001/batches";
    private static final String BATCHES_REGEX = "/v1/terminals/[^/]+/batches";
    private final TestJournal journal = new TestJournal("T0001");

    @Test
    void droppedBeforeExecutingLeavesNothingAndTheResignedRetryIsAccepted() throws Exception {
        byte[] bytes = TestTerminal.JSON.writeValueAsBytes(BatchRequest.of("b-1", journal.cashSales(2, 100)));
        bank.faults().inject("POST", BATCHES_REGEX, Fault.dropBeforeExecuting(), 1);

        assertThatThrownBy(() -> t1.send("POST", BATCHES, bytes, "b-1")).isInstanceOf(IOException.class);

        assertThat(t1.get(BATCHES + "/b-1").status()).isEqualTo(404);
        TestTerminal.Reply retry = t1.send("POST", BATCHES, bytes, "b-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isFalse();
    }

    @Test
    void droppedAfterCommitIsHeldAndTheRetryIsReplayed() throws Exception {
        byte[] bytes = TestTerminal.JSON.writeValueAsBytes(BatchRequest.of("b-1", journal.cashSales(2, 100)));
        bank.faults().inject("POST", BATCHES_REGEX, Fault.dropAfterCommit(), 1);

        assertThatThrownBy(() -> t1.send("POST", BATCHES, bytes, "b-1")).isInstanceOf(IOException.class);

        assertThat(t1.get(BATCHES + "/b-1").as(BatchAccepted.class).lastSeq()).isEqualTo(2);
        TestTerminal.Reply retry = t1.send("POST", BATCHES, bytes, "b-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isTrue();
        assertThat(t1.get("/v1/terminals/T0001/cursor").as(Cursor.class).lastSeq()).isEqualTo(2);
    }

    @Test
    void error500AfterCommitIsSignedAndTheBatchIsHeld() throws Exception {
        bank.faults().inject("POST", BATCHES_REGEX, Fault.error500AfterCommit(), 1);

        TestTerminal.Reply reply = t1.post(BATCHES, BatchRequest.of("b-1", journal.cashSales(1, 100)), "b-1");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.error().is(ErrorCode.SYSTEM_ERROR)).isTrue();
        assertThat(reply.verified()).isTrue();
        assertThat(t1.get(BATCHES + "/b-1").status()).as("GET answers 200 with the 201 body").isEqualTo(200);
    }

    @Test
    void forgedAndOmittedSignaturesDoNotVerify() throws Exception {
        bank.faults().inject("GET", "/v1/keys", Fault.forgeSignature(), 1);
        bank.faults().inject("GET", "/v1/keys", Fault.omitSignature(), 1);

        TestTerminal.Reply forged = t1.get("/v1/keys");
        TestTerminal.Reply omitted = t1.get("/v1/keys");
        TestTerminal.Reply honest = t1.get("/v1/keys");

        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.signed()).isTrue();
        assertThat(forged.verified()).isFalse();
        assertThat(omitted.signed()).isFalse();
        assertThat(omitted.verified()).isFalse();
        assertThat(honest.verified()).isTrue();
        assertThat(bank.faults().armed()).isZero();
    }

    @Test
    void rateLimitAnswers429WithRetryAfterWithoutExecuting() throws Exception {
        bank.faults().inject(null, BATCHES_REGEX, Fault.rateLimit(7), 2);
        byte[] bytes = TestTerminal.JSON.writeValueAsBytes(BatchRequest.of("b-1", journal.cashSales(1, 100)));

        TestTerminal.Reply limited = t1.send("POST", BATCHES, bytes, "b-1");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error().is(ErrorCode.RATE_LIMITED)).isTrue();
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(limited.verified()).isTrue();
        assertThat(t1.send("POST", BATCHES, bytes, "b-1").status()).isEqualTo(429);
        assertThat(t1.send("POST", BATCHES, bytes, "b-1").status()).isEqualTo(201);
    }

    @Test
    void unavailableAnswers503WithoutExecuting() throws Exception {
        bank.faults().inject("POST", BATCHES_REGEX, Fault.unavailableBeforeExecuting(), 1);

        TestTerminal.Reply reply = t1.post(BATCHES, BatchRequest.of("b-1", journal.cashSales(1, 100)), "b-1");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.verified()).isTrue();
        assertThat(t1.get(BATCHES + "/b-1").status()).isEqualTo(404);
    }

    @Test
    void delayHoldsTheAnswer() throws Exception {
        bank.faults().inject("GET", "/v1/keys", Fault.delay(Duration.ofMillis(400)), 1);

        long start = System.nanoTime();
        TestTerminal.Reply reply = t1.get("/v1/keys");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(reply.verified()).isTrue();
    }

    @Test
    void answerDelayedAfterCommitOutlastsAClientTimeoutButTheBatchIsHeld() throws Exception {
        bank.faults().inject("POST", BATCHES_REGEX, Fault.delayAfterCommit(Duration.ofMillis(1500)), 1);
        byte[] bytes = TestTerminal.JSON.writeValueAsBytes(BatchRequest.of("b-1", journal.cashSales(1, 100)));
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(bank.origin() + BATCHES))
                .timeout(Duration.ofMillis(300))
                .header("Authorization", t1.signer().sign("POST", BATCHES, bytes).authorization())
                .header("Idempotency-Key", "b-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);

        assertThat(t1.get(BATCHES + "/b-1").status()).isEqualTo(200);
    }

    @Test
    void faultsMatchOnlyTheirMethodAndPath() throws Exception {
        bank.faults().inject("POST", BATCHES_REGEX, Fault.unavailableBeforeExecuting(), SandboxFaults.FOREVER);

        assertThat(t1.get("/v1/terminals/T0001/cursor").status()).isEqualTo(200);
        assertThat(t1.get(BATCHES + "/x").status()).isEqualTo(404);
        assertThat(t1.post(BATCHES, BatchRequest.of("b-1", journal.cashSales(1, 100)), "b-1").status()).isEqualTo(503);
        bank.faults().clear();
        assertThat(t1.post(BATCHES, BatchRequest.of("b-1", journal.all()), "b-1").status()).isEqualTo(201);
    }

    @Test
    void adminEndpointsInjectFaultsIssueQrCodesAndChangeAccounts() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> fault = http.send(adminPost("/sandbox/faults",
                "{\"method\":\"GET\",\"path_regex\":\"/v1/keys\",\"kind\":\"RATE_LIMIT\",\"retry_after_seconds\":3,"
                        + "\"times\":1}"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> qr = http.send(adminPost("/sandbox/qr", "{\"account_id\":\"A0001\"}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> topUp = http.send(adminPost("/sandbox/accounts/changes",
                "{\"account_id\":\"A0001\",\"change\":\"TOPUP\",\"amount_fen\":5000}"), HttpResponse.BodyHandlers.ofString());

        assertThat(fault.statusCode()).isEqualTo(200);
        assertThat(t1.get("/v1/keys").headers().firstValue("Retry-After")).contains("3");
        assertThat(qr.body()).matches("\\{\"qr\":\"TQ1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\"}");
        assertThat(topUp.body()).contains("\"change\":\"TOPUP\"", "\"amount_fen\":5000", "\"balance_fen\":25000");
        assertThat(http.send(adminPost("/sandbox/qr", "{\"account_id\":\"nobody\"}"),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }

    private HttpRequest adminPost(String path, String json) {
        return HttpRequest.newBuilder(URI.create(bank.origin() + path))
                .header("Authorization", "Bearer " + bank.adminToken())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
