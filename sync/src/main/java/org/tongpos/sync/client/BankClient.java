package org.tongpos.sync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import okhttp3.MediaType;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.sync.signing.RequestSigner;
import org.tongpos.sync.signing.ResponseVerifier;
import org.tongpos.sync.signing.SignedRequest;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ApiHeaders;
import org.tongpos.sync.wire.WireJson;

/**
 * The terminal's HTTP client for the Settlement API. Every attempt is signed afresh (new timestamp and
 * nonce) over the same body bytes and Idempotency-Key; every response is verified, and one whose
 * signature is missing or wrong counts as no response at all. OkHttp's own silent retries and redirects
 * are off: a silent re-send of a signed request would only earn {@code 401 REPLAYED}.
 */
public final class BankClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BankClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final BankConfig config;
    private final OkHttpClient http;
    private final RequestSigner signer;
    private final ResponseVerifier verifier;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final ObjectMapper json = WireJson.newMapper();
    private final AtomicInteger unverifiedInARow = new AtomicInteger();
    private final AtomicReference<Instant> lastVerifiedAt = new AtomicReference<>();

    public BankClient(BankConfig config, Clock clock) {
        this(config, clock, Sleeper.real(), RandomGenerator.getDefault());
    }

    public BankClient(BankConfig config, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.signer = new RequestSigner(config.credentials(), clock);
        this.verifier = new ResponseVerifier(config.credentials());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout());
        config.pinnedCaPem().ifPresent(pem -> {
            PinnedCa pinned = PinnedCa.fromPem(pem);
            builder.sslSocketFactory(pinned.socketFactory, pinned.trustManager);
        });
        this.http = builder.build();
    }

    public BankConfig config() {
        return config;
    }

    public String terminalId() {
        return config.terminalId();
    }

    /** The mapper that reads and writes every body (deterministic output). */
    public ObjectMapper json() {
        return json;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** True while the last answers could not be verified: the terminal key is most likely wrong. */
    public boolean authProblem() {
        return unverifiedInARow.get() >= config.retryPolicy().unverifiedLimit();
    }

    /** When the bank last gave an answer that verified, if ever (since this client was made). */
    public Optional<Instant> lastVerifiedAt() {
        return Optional.ofNullable(lastVerifiedAt.get());
    }

    /**
     * One attempt, no retry. For requests whose unknown outcome the caller resolves itself (batch
     * uploads are resolved by asking for the batch; payments by querying).
     */
    public BankReply send(BankRequest request) {
        return orAuthProblem(attempt(request));
    }

    private BankReply orAuthProblem(BankReply reply) {
        if (reply instanceof BankReply.NoAnswer noAnswer && noAnswer.reason() == BankReply.Reason.UNVERIFIED
                && authProblem()) {
            return new BankReply.NoAnswer(BankReply.Reason.AUTH_PROBLEM, authProblemText());
        }
        return reply;
    }

    /**
     * Repeats a retry-safe request (a GET, or a POST whose Idempotency-Key makes a repeat harmless)
     * while there is no answer, a 5xx, a 429 or a {@code 401 REPLAYED}, with backoff and jitter. Returns the first verified
     * answer that is neither, or the last outcome when the attempts run out.
     */
    public BankReply call(BankRequest request) {
        RetryPolicy policy = config.retryPolicy();
        BankReply reply = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            reply = send(request);
            Optional<Duration> wait = retryDelay(reply, attempt);
            if (wait.isEmpty()) {
                return reply;
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            LOG.debug("{}: {}; retrying in {} ms", request, describe(reply), wait.get().toMillis());
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new BankReply.NoAnswer(BankReply.Reason.INTERRUPTED, "interrupted while waiting to retry");
            }
        }
        return reply;
    }

    /**
     * How long to wait before repeating a retry-safe request after {@code reply} (attempt counts from 1), or
     * empty when repeating it would not help: a verified refusal, an auth problem, or a 429 whose
     * {@code Retry-After} is longer than the policy's {@link RetryPolicy#maxRetryAfter()}. A 429 or 5xx waits
     * its {@code Retry-After} (a 5xx asking for more than the cap gets the backoff), no answer the backoff,
     * and a {@code 401 REPLAYED} nothing: our nonce was seen already, so nothing was executed.
     */
    public Optional<Duration> retryDelay(BankReply reply, int attempt) {
        RetryPolicy policy = config.retryPolicy();
        if (reply instanceof BankReply.Answered answered) {
            if (answered.isRateLimited()) {
                Duration wait = answered.retryAfter().orElse(policy.backoff(attempt, random));
                return wait.compareTo(policy.maxRetryAfter()) > 0 ? Optional.empty() : Optional.of(wait);
            }
            if (answered.isServerError()) {
                return Optional.of(answered.retryAfter().filter(d -> d.compareTo(policy.maxRetryAfter()) <= 0)
                        .orElse(policy.backoff(attempt, random)));
            }
            if (answered.status() == 401 && "REPLAYED".equals(error(answered).code())) {
                return Optional.of(Duration.ZERO);
            }
            return Optional.empty();
        }
        BankReply.Reason reason = ((BankReply.NoAnswer) reply).reason();
        if (reason == BankReply.Reason.AUTH_PROBLEM || reason == BankReply.Reason.INTERRUPTED) {
            return Optional.empty();
        }
        return Optional.of(policy.backoff(attempt, random));
    }

    /**
     * Downloads an unsigned file (a statement) to {@code sink}, returning the lowercase hex SHA-256 of
     * the bytes written. The request is signed like any other; the {@code 200} is not, so the caller
     * checks the hash. Any other status is a signed error, verified and reported as a
     * {@link DownloadFailedException} that carries it (with its {@code Retry-After}).
     */
    public String download(String downloadPath, OutputStream sink) throws IOException {
        HttpUrl url = config.httpUrl(downloadPath);
        BankRequest download = BankRequest.get(downloadPath);
        SignedRequest signed = signer.sign("GET", config.targetAsSent(url), null);
        try (Response response = http.newCall(buildRequest(download, url, signed)).execute()) {
            if (response.code() != 200) {
                BankReply reply = orAuthProblem(verified(download, signed, response));
                throw new DownloadFailedException("statement download answered " + explain(reply), reply);
            }
            MessageDigest digest = sha256();
            try (InputStream in = response.body().byteStream()) {
                DigestOutputStream out = new DigestOutputStream(sink, digest);
                in.transferTo(out);
                out.flush();
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Reads a verified answer's body as {@code type}. */
    public <T> T read(BankReply.Answered answered, Class<T> type) {
        try {
            return json.readValue(answered.body(), type);
        } catch (IOException e) {
            throw new BankProtocolException("the bank's " + answered.status() + " body is not a valid "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a verified error answer; a body that is not an error object gives code {@code HTTP_<status>}. */
    public ApiError error(BankReply.Answered answered) {
        try {
            return json.readValue(answered.body(), ApiError.class);
        } catch (IOException | RuntimeException e) {
            return new ApiError("HTTP_" + answered.status(), "unreadable error body", null);
        }
    }

    /** Serializes a request body; the bytes are what gets signed and, for retries, frozen. */
    public byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }

    private BankReply attempt(BankRequest request) {
        HttpUrl url = config.httpUrl(request.pathAndQuery());
        SignedRequest signed = signer.sign(request.method(), config.targetAsSent(url), request.body());
        Request httpRequest = buildRequest(request, url, signed);
        try (Response response = http.newCall(httpRequest).execute()) {
            return verified(request, signed, response);
        } catch (IOException e) {
            LOG.info("{}: no answer ({})", request, e.toString());
            return new BankReply.NoAnswer(BankReply.Reason.NETWORK, e.toString());
        }
    }

    /** Reads and verifies a response: an answer only when its signature verifies, else none. */
    private BankReply verified(BankRequest request, SignedRequest signed, Response response) throws IOException {
        ResponseBody responseBody = response.body();
        byte[] body = responseBody.bytes();
        int status = response.code();
        boolean verified = verifier.verifies(status, response.header(ApiHeaders.TONG_TIMESTAMP),
                response.header(ApiHeaders.TONG_NONCE), response.header(ApiHeaders.TONG_SIGNATURE),
                signed.nonce(), body);
        if (!verified) {
            int inARow = unverifiedInARow.incrementAndGet();
            LOG.warn("{}: HTTP {} answer failed signature verification ({} in a row); treated as no answer",
                    request, status, inARow);
            return new BankReply.NoAnswer(BankReply.Reason.UNVERIFIED,
                    "HTTP " + status + " with a missing or wrong signature");
        }
        unverifiedInARow.set(0);
        lastVerifiedAt.set(clock.instant());
        boolean replayed = "true".equalsIgnoreCase(response.header(ApiHeaders.IDEMPOTENT_REPLAYED));
        LOG.debug("{}: HTTP {}{}", request, status, replayed ? " (replayed)" : "");
        return new BankReply.Answered(status, body, replayed, retryAfter(response));
    }

    private Request buildRequest(BankRequest request, HttpUrl url, SignedRequest signed) {
        Request.Builder builder = new Request.Builder()
                .url(url)
                .header(ApiHeaders.AUTHORIZATION, signed.authorization())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "identity");
        if (request.idempotencyKey() != null) {
            builder.header(ApiHeaders.IDEMPOTENCY_KEY, request.idempotencyKey());
        }
        if ("GET".equals(request.method())) {
            builder.get();
        } else {
            byte[] body = request.body() == null ? new byte[0] : request.body();
            builder.method(request.method(), RequestBody.create(body, body.length == 0 ? null : JSON));
        }
        return builder.build();
    }

    private static Optional<Duration> retryAfter(Response response) {
        String value = response.header(ApiHeaders.RETRY_AFTER);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String authProblemText() {
        return "the bank's answers cannot be verified (" + unverifiedInARow.get()
                + " in a row): check bank.key and terminal.id";
    }

    private String explain(BankReply reply) {
        if (reply instanceof BankReply.Answered answered) {
            return "HTTP " + answered.status() + " " + error(answered).code()
                    + answered.retryAfter().map(d -> ", Retry-After " + d.toSeconds() + " s").orElse("");
        }
        return describe(reply);
    }

    static String describe(BankReply reply) {
        if (reply instanceof BankReply.Answered answered) {
            return "HTTP " + answered.status();
        }
        BankReply.NoAnswer noAnswer = (BankReply.NoAnswer) reply;
        return noAnswer.reason() + " " + noAnswer.detail();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
