package org.tongpos.sync.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.tongpos.sync.signing.AuthorizationHeader;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.signing.MalformedAuthorizationException;
import org.tongpos.sync.signing.ResponseSignature;
import org.tongpos.sync.signing.ResponseSigner;

/**
 * A MockWebServer dispatcher that answers like the bank, signing each answer over the request's nonce,
 * unless the script asks for a forged or missing signature or a cut connection.
 */
public final class ScriptedBank extends Dispatcher {

    public enum Signing { SIGNED, FORGED, UNSIGNED, STALE_NONCE }

    /** One scripted answer. */
    public record Answer(int status, String body, Signing signing, String retryAfter, boolean cut) {

        public static Answer json(int status, String body) {
            return new Answer(status, body, Signing.SIGNED, null, false);
        }

        public static Answer cutConnection() {
            return new Answer(0, "", Signing.SIGNED, null, true);
        }

        public Answer forged() {
            return new Answer(status, body, Signing.FORGED, retryAfter, cut);
        }

        public Answer unsigned() {
            return new Answer(status, body, Signing.UNSIGNED, retryAfter, cut);
        }

        /** Signed with the right key but over another request's nonce, like a captured answer replayed. */
        public Answer staleNonce() {
            return new Answer(status, body, Signing.STALE_NONCE, retryAfter, cut);
        }

        public Answer retryAfter(String seconds) {
            return new Answer(status, body, signing, seconds, cut);
        }
    }

    private final ResponseSigner signer;
    private final Function<RecordedRequest, Answer> script;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    public ScriptedBank(Credentials bankSideCredentials, Clock clock, Function<RecordedRequest, Answer> script) {
        this.signer = new ResponseSigner(bankSideCredentials, clock);
        this.script = script;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        Answer answer = script.apply(request);
        if (answer.cut()) {
            return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        MockResponse.Builder builder = new MockResponse.Builder().code(answer.status()).body(answer.body())
                .setHeader("Content-Type", "application/json");
        if (answer.retryAfter() != null) {
            builder.setHeader("Retry-After", answer.retryAfter());
        }
        if (answer.signing() != Signing.UNSIGNED) {
            String nonce;
            try {
                nonce = AuthorizationHeader.parse(request.getHeaders().get("Authorization")).nonce();
            } catch (MalformedAuthorizationException e) {
                nonce = "missing";
            }
            if (answer.signing() == Signing.STALE_NONCE) {
                nonce = "0123456789abcdef0123456789abcdef";
            }
            ResponseSignature signature = signer.sign(answer.status(), nonce, body);
            String value = answer.signing() == Signing.FORGED
                    ? "AAAA" + signature.signature().substring(4) : signature.signature();
            builder.setHeader(ResponseSignature.TIMESTAMP_HEADER, signature.timestamp())
                    .setHeader(ResponseSignature.NONCE_HEADER, signature.nonce())
                    .setHeader(ResponseSignature.SIGNATURE_HEADER, value);
        }
        return builder.build();
    }
}
