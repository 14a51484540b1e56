package org.tongpos.sync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongpos.sync.signing.AuthorizationHeader;
import org.tongpos.sync.signing.Credentials;
import org.tongpos.sync.signing.RequestSigner;
import org.tongpos.sync.signing.SignedRequest;
import org.tongpos.sync.wire.ApiHeaders;
import org.tongpos.sync.wire.Cursor;
import org.tongpos.sync.wire.ErrorCode;

class SandboxAuthenticationTest extends SandboxTestBase {

    private static final String CURSOR = "/v1/terminals/T0001/cursor";

    @Test
    void correctlySignedRequestGetsAVerifiedAnswer() throws Exception {
        TestTerminal.Reply reply = t1.get(CURSOR);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.verified()).isTrue();
        assertThat(reply.as(Cursor.class).lastSeq()).isZero();
    }

    @Test
    void badSignatureIsSignErrorAndTheErrorIsSigned() throws Exception {
        SignedRequest signed = t1.signer().sign("GET", CURSOR, new byte[0]);
        AuthorizationHeader header = AuthorizationHeader.parse(signed.authorization());
        AuthorizationHeader tampered = new AuthorizationHeader(header.terminal(), header.timestamp(), header.nonce(),
                "AAAA" + header.signature().substring(4));

        TestTerminal.Reply reply = t1.sendWithAuthorization("GET", CURSOR, new byte[0],
                Map.of(ApiHeaders.AUTHORIZATION, tampered.format()), null, header.nonce());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().is(ErrorCode.SIGN_ERROR)).isTrue();
        assertThat(reply.verified()).isTrue();
    }

    @Test
    void signatureOverADifferentBodyIsRejected() throws Exception {
        byte[] signedBody = "{}".getBytes();
        SignedRequest signed = t1.signer().sign("POST", "/v1/refunds", signedBody);

        TestTerminal.Reply reply = t1.sendSigned("POST", "/v1/refunds", "{ }".getBytes(), "r1", signed);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().is(ErrorCode.SIGN_ERROR)).isTrue();
    }

    @Test
    void timestampExactly300SecondsAwayPassesAnd301Fails() throws Exception {
        for (long skew : new long[] {-300, 300}) {
            assertThat(signedAt(skew).status()).as("skew %d s", skew).isEqualTo(200);
        }
        for (long skew : new long[] {-301, 301}) {
            TestTerminal.Reply reply = signedAt(skew);
            assertThat(reply.status()).as("skew %d s", skew).isEqualTo(401);
            assertThat(reply.error().is(ErrorCode.SIGN_ERROR)).isTrue();
            assertThat(reply.error().message()).contains("301");
            assertThat(reply.verified()).isTrue();
        }
    }

    @Test
    void checksRunInTheContractsOrder() throws Exception {
        Clock stale = Clock.fixed(clock.instant().minusSeconds(1000), ZoneOffset.UTC);
        SignedRequest used = new RequestSigner(t1.credentials(), clock, () -> "n-used").sign("GET", CURSOR, null);
        assertThat(t1.sendSigned("GET", CURSOR, new byte[0], null, used).status()).isEqualTo(200);

        SignedRequest staleWithUsedNonce = new RequestSigner(t1.credentials(), stale, () -> "n-used")
                .sign("GET", CURSOR, null);
        AuthorizationHeader staleHeader = AuthorizationHeader.parse(staleWithUsedNonce.authorization());
        AuthorizationHeader staleAndBadlySigned = new AuthorizationHeader("T0001", staleHeader.timestamp(),
                "n-used", "AAAA" + staleHeader.signature().substring(4));

        TestTerminal.Reply timestampBeforeNonce = t1.sendSigned("GET", CURSOR, new byte[0], null, staleWithUsedNonce);
        TestTerminal.Reply signatureBeforeTimestamp = t1.sendWithAuthorization("GET", CURSOR, new byte[0],
                Map.of(ApiHeaders.AUTHORIZATION, staleAndBadlySigned.format()), null, "n-used");

        assertThat(timestampBeforeNonce.error().is(ErrorCode.SIGN_ERROR)).isTrue();
        assertThat(timestampBeforeNonce.error().message()).contains("timestamp");
        assertThat(signatureBeforeTimestamp.error().message()).contains("signature");
    }

    @Test
    void resentSignedRequestIsReplayed() throws Exception {
        SignedRequest signed = t1.signer().sign("GET", CURSOR, new byte[0]);

        TestTerminal.Reply first = t1.sendSigned("GET", CURSOR, new byte[0], null, signed);
        TestTerminal.Reply again = t1.sendSigned("GET", CURSOR, new byte[0], null, signed);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.error().is(ErrorCode.REPLAYED)).isTrue();
        assertThat(again.verified()).isTrue();
    }

    @Test
    void nonceOfARequestWithBadTimestampIsNotUsedUp() throws Exception {
        Clock stale = Clock.fixed(clock.instant().minusSeconds(400), ZoneOffset.UTC);
        SignedRequest old = new RequestSigner(t1.credentials(), stale, () -> "shared-nonce").sign("GET", CURSOR, null);
        assertThat(t1.sendSigned("GET", CURSOR, new byte[0], null, old).status()).isEqualTo(401);

        SignedRequest fresh = new RequestSigner(t1.credentials(), clock, () -> "shared-nonce").sign("GET", CURSOR, null);
        assertThat(t1.sendSigned("GET", CURSOR, new byte[0], null, fresh).status()).isEqualTo(200);
    }

    @Test
    void nonceMayBeReusedAfterTenMinutes() throws Exception {
        RequestSigner fixedNonce = new RequestSigner(t1.credentials(), clock, () -> "n-1");
        assertThat(t1.sendSigned("GET", CURSOR, new byte[0], null, fixedNonce.sign("GET", CURSOR, null)).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));
        assertThat(t1.sendSigned("GET", CURSOR, new byte[0], null, fixedNonce.sign("GET", CURSOR, null)).status())
                .isEqualTo(401);
        clock.advance(Duration.ofMinutes(6));
        assertThat(t1.sendSigned("GET", CURSOR, new byte[0], null, fixedNonce.sign("GET", CURSOR, null)).status())
                .isEqualTo(200);
    }

    @Test
    void anotherTerminalsCredentialsAreRefusedOnThisTerminalsPath() throws Exception {
        TestTerminal.Reply reply = t2.get(CURSOR);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().is(ErrorCode.SIGN_ERROR)).isTrue();
        assertThat(reply.verified()).as("signed with the requesting terminal's key").isTrue();
        assertThat(t2.get("/v1/terminals/T0002/cursor").status()).isEqualTo(200);
    }

    @Test
    void wrongKeyForAKnownTerminalIsSignErrorTheTerminalCannotVerify() throws Exception {
        TestTerminal impostor = new TestTerminal(bank.origin(), Credentials.ofKey("T0001", new byte[32]), clock);

        TestTerminal.Reply reply = impostor.get(CURSOR);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.signed()).isTrue();
        assertThat(reply.verified()).isFalse();
    }

    @Test
    void unknownTerminalAndMissingHeaderAreUnsignedSignErrors() throws Exception {
        TestTerminal stranger = new TestTerminal(bank.origin(), Credentials.ofKey("T9999", new byte[32]), clock);
        TestTerminal.Reply unknown = stranger.get("/v1/keys");
        TestTerminal.Reply missing = t1.sendWithAuthorization("GET", "/v1/keys", new byte[0], Map.of(), null, "x");
        TestTerminal.Reply otherScheme = t1.sendWithAuthorization("GET", "/v1/keys", new byte[0],
                Map.of(ApiHeaders.AUTHORIZATION, "Bearer abc"), null, "x");

        for (TestTerminal.Reply reply : new TestTerminal.Reply[] {unknown, missing, otherScheme}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.error().is(ErrorCode.SIGN_ERROR)).isTrue();
            assertThat(reply.signed()).isFalse();
        }
    }

    @Test
    void malformedHeaderNamingAKnownTerminalGetsASignedSignError() throws Exception {
        TestTerminal.Reply noNonce = t1.sendWithAuthorization("GET", "/v1/keys", new byte[0],
                Map.of(ApiHeaders.AUTHORIZATION, "TONG1-HMAC-SHA256 terminal=\"T0001\""), null, "");
        TestTerminal.Reply badTimestamp = t1.sendWithAuthorization("GET", "/v1/keys", new byte[0],
                Map.of(ApiHeaders.AUTHORIZATION, "TONG1-HMAC-SHA256 nonce=\"n-7\",terminal=\"T0001\","
                        + "timestamp=\"soon\",signature=\"x\""), null, "n-7");

        assertThat(noNonce.status()).isEqualTo(401);
        assertThat(noNonce.error().message()).contains("'timestamp' is missing");
        assertThat(noNonce.verified()).as("signed over an empty request nonce").isTrue();
        assertThat(badTimestamp.error().is(ErrorCode.SIGN_ERROR)).isTrue();
        assertThat(badTimestamp.verified()).isTrue();
    }

    @Test
    void unknownEndpointIsSignedNotFound() throws Exception {
        TestTerminal.Reply reply = t1.get("/v1/nothing/here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().is(ErrorCode.NOT_FOUND)).isTrue();
        assertThat(reply.verified()).isTrue();
    }

    private TestTerminal.Reply signedAt(long skewSeconds) throws Exception {
        Instant at = clock.instant().plusSeconds(skewSeconds);
        SignedRequest signed = new RequestSigner(t1.credentials(), Clock.fixed(at, ZoneOffset.UTC))
                .sign("GET", CURSOR, null);
        return t1.sendSigned("GET", CURSOR, new byte[0], null, signed);
    }
}
