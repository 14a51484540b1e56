package org.tongpos.sync.signing;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs requests for one terminal. Each call uses a fresh timestamp and nonce, so a retry of the same
 * bytes must call {@link #sign} again (the bank answers a re-sent signature {@code 401 REPLAYED}).
 */
public final class RequestSigner {

    private final Credentials credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    public RequestSigner(Credentials credentials, Clock clock) {
        this(credentials, clock, new Nonces());
    }

    public RequestSigner(Credentials credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /**
     * @param method       HTTP method in upper case, e.g. {@code POST}
     * @param pathAndQuery the request target exactly as sent, starting at {@code /v1}
     * @param body         the exact body bytes; {@code null} or empty for none
     */
    public SignedRequest sign(String method, String pathAndQuery, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = nonces.get();
        String signature = signature(credentials, method, pathAndQuery, timestamp, nonce, body);
        AuthorizationHeader header = new AuthorizationHeader(credentials.terminalId(), timestamp, nonce, signature);
        return new SignedRequest(header.format(), timestamp, nonce, signature);
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The signature a request with these parts must carry; the server side uses it to check. */
    public static String signature(Credentials credentials, String method, String pathAndQuery, String timestamp,
                                   String nonce, byte[] body) {
        return credentials.signBase64(StringsToSign.request(method, pathAndQuery, timestamp, nonce, body));
    }

    /** True when {@code header} carries the right signature for this request under {@code credentials}. */
    public static boolean verifies(Credentials credentials, AuthorizationHeader header, String method,
                                   String pathAndQuery, byte[] body) {
        String expected = signature(credentials, method, pathAndQuery, header.timestamp(), header.nonce(), body);
        return HmacSha256.constantTimeEquals(expected, header.signature());
    }
}
