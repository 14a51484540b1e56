package org.tongpos.sync.signing;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/** Signs responses to one terminal's requests (the bank side). */
public final class ResponseSigner {

    private final Credentials credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    public ResponseSigner(Credentials credentials, Clock clock) {
        this(credentials, clock, new Nonces());
    }

    public ResponseSigner(Credentials credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /**
     * @param requestNonce the nonce of the request being answered
     * @param body         the exact response body bytes
     */
    public ResponseSignature sign(int status, String requestNonce, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = nonces.get();
        return new ResponseSignature(timestamp, nonce, signature(credentials, status, timestamp, nonce,
                requestNonce, body));
    }

    static String signature(Credentials credentials, int status, String timestamp, String nonce,
                            String requestNonce, byte[] body) {
        return credentials.signBase64(StringsToSign.response(status, timestamp, nonce, requestNonce, body));
    }
}
