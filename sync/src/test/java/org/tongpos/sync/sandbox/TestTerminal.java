package org.tongpos.sync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.signing.RequestSigner;
import org.tongpos.sync.signing.ResponseVerifier;
import org.tongpos.sync.signing.SignedRequest;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ApiHeaders;
import org.tongpos.sync.wire.WireJson;

/** A minimal terminal for driving the sandbox: the JDK's HttpClient plus our signer and verifier. */
final class TestTerminal {

    static final ObjectMapper JSON = WireJson.newMapper();

    /** A reply with its verification result against the terminal's key and the request's nonce. */
    record Reply(int status, byte[] body, java.net.http.HttpHeaders headers, boolean verified, String requestNonce) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        <T> T as(Class<T> type) throws IOException {
            return JSON.readValue(body, type);
        }

        ApiError error() throws IOException {
            return JSON.readValue(body, ApiError.class);
        }

        boolean replayed() {
            return headers.firstValue(ApiHeaders.IDEMPOTENT_REPLAYED).map("true"::equals).orElse(false);
        }

        boolean signed() {
            return headers.firstValue(ApiHeaders.TONG_SIGNATURE).isPresent();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;
    private final Credentials credentials;
    private final RequestSigner signer;
    private final ResponseVerifier verifier;

    TestTerminal(String origin, Credentials credentials, Clock clock) {
        this.origin = origin;
        this.credentials = credentials;
        this.signer = new RequestSigner(credentials, clock);
        this.verifier = new ResponseVerifier(credentials);
    }

    static String newKey(byte seed) {
        byte[] key = new byte[Credentials.KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }

    Credentials credentials() {
        return credentials;
    }

    Reply get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, new byte[0], null);
    }

    Reply post(String pathAndQuery, Object body, String idempotencyKey) throws IOException, InterruptedException {
        return send("POST", pathAndQuery, JSON.writeValueAsBytes(body), idempotencyKey);
    }

    Reply send(String method, String pathAndQuery, byte[] body, String idempotencyKey)
            throws IOException, InterruptedException {
        return sendSigned(method, pathAndQuery, body, idempotencyKey, signer.sign(method, pathAndQuery, body));
    }

    /** Sends with a given signature, e.g. one already used (a replay) or a tampered one. */
    Reply sendSigned(String method, String pathAndQuery, byte[] body, String idempotencyKey, SignedRequest signed)
            throws IOException, InterruptedException {
        return sendWithAuthorization(method, pathAndQuery, body, Map.of(ApiHeaders.AUTHORIZATION,
                signed.authorization()), idempotencyKey, signed.nonce());
    }

    Reply sendWithAuthorization(String method, String pathAndQuery, byte[] body, Map<String, String> headers,
                                String idempotencyKey, String nonce) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (body.length > 0) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header(ApiHeaders.IDEMPOTENCY_KEY, idempotencyKey);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean verified = verifier.verifies(response.statusCode(),
                response.headers().firstValue(ApiHeaders.TONG_TIMESTAMP).orElse(null),
                response.headers().firstValue(ApiHeaders.TONG_NONCE).orElse(null),
                response.headers().firstValue(ApiHeaders.TONG_SIGNATURE).orElse(null), nonce, response.body());
        return new Reply(response.statusCode(), response.body(), response.headers(), verified, nonce);
    }

    RequestSigner signer() {
        return signer;
    }
}
