package org.tongpos.sync.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongpos.sync.signing.AuthorizationHeader;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.signing.MalformedAuthorizationException;
import org.tongpos.sync.signing.RequestSigner;
import org.tongpos.sync.wire.ErrorCode;

/**
 * The contract's checks, in its order: known terminal and well-formed header, signature, timestamp
 * within 300 s (inclusive), nonce unseen for that terminal in ten minutes. A path under
 * {@code /v1/terminals/{tid}/} accepts only that terminal's own credentials. Only a request that passes
 * the signature and timestamp checks uses up its nonce.
 */
final class RequestAuthenticator {

    static final long MAX_SKEW_SECONDS = 300;
    private static final Pattern NAMED_TERMINAL = Pattern.compile("terminal\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern NAMED_NONCE = Pattern.compile("nonce\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern TERMINAL_PATH = Pattern.compile("^/v1/terminals/([^/]+)(/.*)?$");

    /**
     * The outcome. {@code credentials} and {@code nonce} are set whenever the header named a known
     * terminal, so even a rejection can be signed; {@code failure} is null when the request passed.
     */
    record Outcome(Credentials credentials, String nonce, ApiException failure) {
        boolean passed() {
            return failure == null;
        }

        boolean canSign() {
            return credentials != null;
        }
    }

    private final Map<String, Credentials> terminals;
    private final NonceRegistry nonces;
    private final Clock clock;

    RequestAuthenticator(Map<String, Credentials> terminals, NonceRegistry nonces, Clock clock) {
        this.terminals = Map.copyOf(terminals);
        this.nonces = nonces;
        this.clock = clock;
    }

    /** Who the header claims to be, without checking anything: to sign a rejection made before the checks. */
    Outcome identify(String authorization) {
        try {
            AuthorizationHeader header = AuthorizationHeader.parse(authorization);
            Credentials credentials = terminals.get(header.terminal());
            return new Outcome(credentials, credentials == null ? null : header.nonce(), null);
        } catch (MalformedAuthorizationException e) {
            return namedInMalformed(authorization);
        }
    }

    /**
     * A malformed header that still names a known terminal gets a signed answer too (the contract signs
     * every response to a request naming a known terminal); {@code REQUEST_NONCE} is whatever nonce it
     * carried, or empty.
     */
    private Outcome namedInMalformed(String authorization) {
        if (authorization == null) {
            return new Outcome(null, null, null);
        }
        Matcher terminal = NAMED_TERMINAL.matcher(authorization);
        Credentials credentials = terminal.find() ? terminals.get(terminal.group(1)) : null;
        if (credentials == null) {
            return new Outcome(null, null, null);
        }
        Matcher nonce = NAMED_NONCE.matcher(authorization);
        return new Outcome(credentials, nonce.find() ? nonce.group(1) : "", null);
    }

    Outcome authenticate(String method, String path, String pathAndQuery, String authorization, byte[] body) {
        AuthorizationHeader header;
        try {
            header = AuthorizationHeader.parse(authorization);
        } catch (MalformedAuthorizationException e) {
            Outcome named = namedInMalformed(authorization);
            return new Outcome(named.credentials(), named.nonce(), new ApiException(ErrorCode.SIGN_ERROR,
                    e.getMessage()));
        }
        Credentials credentials = terminals.get(header.terminal());
        if (credentials == null) {
            return new Outcome(null, null, new ApiException(ErrorCode.SIGN_ERROR, "unknown terminal"));
        }
        String nonce = header.nonce();
        Matcher terminalPath = TERMINAL_PATH.matcher(path);
        if (terminalPath.matches() && !terminalPath.group(1).equals(credentials.terminalId())) {
            return new Outcome(credentials, nonce, new ApiException(ErrorCode.SIGN_ERROR,
                    "this path accepts only the credentials of terminal " + terminalPath.group(1)));
        }
        if (!RequestSigner.verifies(credentials, header, method, pathAndQuery, body)) {
            return new Outcome(credentials, nonce, new ApiException(ErrorCode.SIGN_ERROR,
                    "signature does not match the request"));
        }
        long now = clock.instant().getEpochSecond();
        long skew = Math.abs(now - header.epochSeconds());
        if (skew > MAX_SKEW_SECONDS) {
            return new Outcome(credentials, nonce, new ApiException(ErrorCode.SIGN_ERROR,
                    "timestamp is " + skew + " s from the bank's clock (at most " + MAX_SKEW_SECONDS + ")"));
        }
        if (!nonces.useOnce(credentials.terminalId(), nonce, now)) {
            return new Outcome(credentials, nonce, new ApiException(ErrorCode.REPLAYED,
                    "nonce already used in the last 10 minutes"));
        }
        return new Outcome(credentials, nonce, null);
    }
}
