package org.tongpos.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.client.ScriptedBank.Answer;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.signing.AuthorizationHeader;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.signing.RequestSigner;
import org.tongpos.testkit.MutableClock;

class BankClientTest {

    static final Credentials KEY = Credentials.ofKey("T0001", bytes(7));
    static final Credentials OTHER_KEY = Credentials.ofKey("T0001", bytes(9));
    private static final String OK = "{\"last_seq\":0,\"last_entry_hash\":\"x\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.ofHours(8));
    private MockWebServer server;
    private BankClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ScriptedBank start(Credentials bankSide, Function<RecordedRequest, Answer> script) throws Exception {
        ScriptedBank bank = new ScriptedBank(bankSide, clock, script);
        server = new MockWebServer();
        server.setDispatcher(bank);
        server.start();
        BankConfig config = BankConfig.of(server.url("/v1").toString(), KEY, "M001")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetryPolicy(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2),
                        Duration.ofSeconds(30), 3));
        client = new BankClient(config, clock, clock::sleep, new Random(1));
        return bank;
    }

    @Test
    void retriesAreSignedAfreshWithTheSameBodyAndIdempotencyKey() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ScriptedBank bank = start(KEY, r -> calls.incrementAndGet() < 3
                ? Answer.json(503, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"busy\"}")
                : Answer.json(200, "{\"settlement_id\":\"s\"}"));
        byte[] body = "{\"settlement_id\":\"s\"}".getBytes(StandardCharsets.UTF_8);

        BankReply reply = client.call(BankRequest.post("/v1/terminals/T0001/settlements", body, "key-1"));

        assertThat(reply).isInstanceOfSatisfying(BankReply.Answered.class, a -> assertThat(a.status()).isEqualTo(200));
        List<RecordedRequest> requests = bank.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getBody().toByteArray()).isEqualTo(body);
            assertThat(r.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
            AuthorizationHeader auth = AuthorizationHeader.parse(r.getHeaders().get("Authorization"));
            assertThat(RequestSigner.verifies(KEY, auth, "POST", r.getTarget(), body)).isTrue();
        });
        assertThat(requests.stream().map(r -> r.getHeaders().get("Authorization")).distinct()).hasSize(3);
        assertThat(clock.sleeps()).hasSize(2);
    }

    @Test
    void signatureCoversTheExactRequestTargetFromV1() throws Exception {
        ScriptedBank bank = start(KEY, r -> Answer.json(200, OK));
        client.call(BankRequest.get("/v1/merchants/M001/accounts/changes?after=12&limit=500"));
        RecordedRequest request = bank.requests().get(0);
        assertThat(request.getTarget()).isEqualTo("/v1/merchants/M001/accounts/changes?after=12&limit=500");
        AuthorizationHeader auth = AuthorizationHeader.parse(request.getHeaders().get("Authorization"));
        assertThat(RequestSigner.verifies(KEY, auth, "GET", request.getTarget(), new byte[0])).isTrue();
        assertThat(auth.timestamp()).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
    }

    @Test
    void signatureCoversTheTargetAsOkHttpEncodesItNotAsItWasHandedOver() throws Exception {
        ScriptedBank bank = start(KEY, r -> Answer.json(200, OK));
        BankReply reply = client.call(BankRequest.get("/v1/merchants/M{1}/accounts/changes?after=1"));
        RecordedRequest request = bank.requests().get(0);
        assertThat(request.getTarget()).isEqualTo("/v1/merchants/M%7B1%7D/accounts/changes?after=1");
        AuthorizationHeader auth = AuthorizationHeader.parse(request.getHeaders().get("Authorization"));
        assertThat(RequestSigner.verifies(KEY, auth, "GET", request.getTarget(), new byte[0])).isTrue();
        assertThat(reply).isInstanceOf(BankReply.Answered.class);
    }

    @Test
    void forgedSignatureIsTreatedAsNoAnswer() throws Exception {
        start(KEY, r -> Answer.json(200, OK).forged());
        BankReply reply = client.send(BankRequest.get("/v1/terminals/T0001/cursor"));
        assertThat(reply).isEqualTo(new BankReply.NoAnswer(BankReply.Reason.UNVERIFIED,
                "HTTP 200 with a missing or wrong signature"));
    }

    @Test
    void unsignedResponseIsTreatedAsNoAnswerWhateverItsStatus() throws Exception {
        start(KEY, r -> Answer.json(201, OK).unsigned());
        BankReply reply = client.send(BankRequest.get("/v1/terminals/T0001/cursor"));
        assertThat(reply).isInstanceOfSatisfying(BankReply.NoAnswer.class,
                n -> assertThat(n.reason()).isEqualTo(BankReply.Reason.UNVERIFIED));
        assertThat(client.lastVerifiedAt()).isEmpty();
    }

    @Test
    void answerSignedOverAnotherRequestsNonceIsTreatedAsNoAnswer() throws Exception {
        start(KEY, r -> Answer.json(201, OK).staleNonce());
        BankReply reply = client.send(BankRequest.get("/v1/terminals/T0001/cursor"));
        assertThat(reply).isInstanceOfSatisfying(BankReply.NoAnswer.class,
                n -> assertThat(n.reason()).isEqualTo(BankReply.Reason.UNVERIFIED));
    }

    @Test
    void verifiedAnswerRecordsLastContact() throws Exception {
        start(KEY, r -> Answer.json(200, OK));
        BankReply reply = client.send(BankRequest.get("/v1/terminals/T0001/cursor"));
        assertThat(reply.answered()).isTrue();
        assertThat(client.lastVerifiedAt()).contains(clock.instant());
    }

    @Test
    void rateLimitWaitsForRetryAfterThenRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(KEY, r -> calls.incrementAndGet() == 1
                ? Answer.json(429, "{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}").retryAfter("7")
                : Answer.json(200, OK));
        BankReply reply = client.call(BankRequest.get("/v1/terminals/T0001/cursor"));
        assertThat(reply.answered()).isTrue();
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void replayedNonceIsRetriedAtOnceWithAFreshSignature() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ScriptedBank bank = start(KEY, r -> calls.incrementAndGet() == 1
                ? Answer.json(401, "{\"code\":\"REPLAYED\",\"message\":\"nonce seen\"}")
                : Answer.json(200, OK));
        assertThat(client.call(BankRequest.get("/v1/terminals/T0001/cursor")).answered()).isTrue();
        assertThat(bank.requests()).hasSize(2);
        assertThat(bank.requests().get(0).getHeaders().get("Authorization"))
                .isNotEqualTo(bank.requests().get(1).getHeaders().get("Authorization"));
    }

    @Test
    void verifiedClientErrorIsSurfacedNotRetried() throws Exception {
        ScriptedBank bank = start(KEY, r -> Answer.json(422,
                "{\"code\":\"TOTALS_MISMATCH\",\"message\":\"no\",\"count\":3}"));
        BankReply reply = client.call(BankRequest.post("/v1/terminals/T0001/batches", new byte[] {'{', '}'}, "b"));
        assertThat(reply).isInstanceOfSatisfying(BankReply.Answered.class, a -> {
            assertThat(a.isRejected()).isTrue();
            assertThat(client.error(a).code()).isEqualTo("TOTALS_MISMATCH");
            assertThat(client.error(a).longDetail("count")).contains(3L);
        });
        assertThat(bank.requests()).hasSize(1);
    }

    @Test
    void droppedConnectionIsNoAnswerAndOkHttpDoesNotSilentlyResend() throws Exception {
        ScriptedBank bank = start(KEY, r -> Answer.cutConnection());
        BankReply reply = client.send(BankRequest.post("/v1/terminals/T0001/batches", new byte[] {'{', '}'}, "b"));
        assertThat(reply).isInstanceOfSatisfying(BankReply.NoAnswer.class,
                n -> assertThat(n.reason()).isEqualTo(BankReply.Reason.NETWORK));
        assertThat(bank.requests()).hasSize(1);
    }

    @Test
    void stalledAnswerTimesOutAsNoAnswer() throws Exception {
        ScriptedBank bank = new ScriptedBank(KEY, clock, r -> Answer.json(200, OK));
        server = new MockWebServer();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
                return new mockwebserver3.MockResponse.Builder(bank.dispatch(request))
                        .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).build();
            }
        });
        server.start();
        client = new BankClient(BankConfig.of(server.url("/v1").toString(), KEY, "M001")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(1)), clock,
                clock::sleep, new Random(1));
        BankReply reply = client.send(BankRequest.get("/v1/terminals/T0001/cursor"));
        assertThat(reply).isInstanceOfSatisfying(BankReply.NoAnswer.class, n -> {
            assertThat(n.reason()).isEqualTo(BankReply.Reason.NETWORK);
            assertThat(n.detail()).containsIgnoringCase("timeout");
        });
    }

    @Test
    void wrongKeyBecomesAnAuthProblemInsteadOfRetryingForever() throws Exception {
        ScriptedBank bank = start(OTHER_KEY, r -> Answer.json(401, "{\"code\":\"SIGN_ERROR\",\"message\":\"bad\"}"));
        BankReply reply = client.call(BankRequest.get("/v1/terminals/T0001/cursor"));
        assertThat(reply).isInstanceOfSatisfying(BankReply.NoAnswer.class,
                n -> assertThat(n.reason()).isEqualTo(BankReply.Reason.AUTH_PROBLEM));
        assertThat(client.authProblem()).isTrue();
        assertThat(bank.requests()).hasSize(3);
    }

    @Test
    void oneVerifiedAnswerClearsTheAuthProblem() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(KEY, r -> calls.incrementAndGet() <= 3 ? Answer.json(200, OK).forged() : Answer.json(200, OK));
        assertThat(client.call(BankRequest.get("/v1/terminals/T0001/cursor")))
                .isInstanceOfSatisfying(BankReply.NoAnswer.class,
                        n -> assertThat(n.reason()).isEqualTo(BankReply.Reason.AUTH_PROBLEM));
        assertThat(client.call(BankRequest.get("/v1/terminals/T0001/cursor")).answered()).isTrue();
        assertThat(client.authProblem()).isFalse();
    }

    @Test
    void downloadStreamsUnsignedFileAndReturnsItsSha256() throws Exception {
        String csv = "txn_id,seq\n#TOTAL,0,0,0,0\n";
        start(KEY, r -> Answer.json(200, csv).unsigned());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String hash = client.download("/v1/files/statement-1.csv", out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(hash).isEqualTo(EntryHashes.sha256Hex(csv));
    }

    @Test
    void baseUrlMustEndWithV1() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BankConfig.of("http://bank.example/api", KEY, "M"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/v1");
    }

    @Test
    void garbagePinnedCaIsRefusedAtConfiguration() {
        BankConfig config = BankConfig.of("https://bank.example/v1", KEY, "M").withPinnedCa("not a certificate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BankClient(config, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pinned CA");
    }

    static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
