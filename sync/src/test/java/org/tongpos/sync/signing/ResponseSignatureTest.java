package org.tongpos.sync.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseSignatureTest {

    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    @Test
    void responseSignatureMatchesVectorComputedWithOpenssl() {
        // printf '201\n1764475510\nresp01\n9f2c0a\n%s\n' "$(printf '{"ok":true}' | sha256sum)" | openssl dgst …
        ResponseSigner signer = new ResponseSigner(RequestSignerTest.T0001,
                java.time.Clock.fixed(java.time.Instant.ofEpochSecond(1764475510L), java.time.ZoneOffset.UTC),
                () -> "resp01");
        ResponseSignature signature = signer.sign(201, "9f2c0a", BODY);

        assertThat(signature).isEqualTo(new ResponseSignature("1764475510", "resp01",
                "sBdvdXDr1DClyRlQGfn3FERY3MxBH7nZuk9LcAd+6+k="));
    }

    @Test
    void verifierAcceptsOnlyAnUnchangedResponseToThisRequest() {
        ResponseSignature signature = new ResponseSigner(RequestSignerTest.T0001, RequestSignerTest.CLOCK)
                .sign(409, "req-nonce", BODY);
        ResponseVerifier verifier = new ResponseVerifier(RequestSignerTest.T0001);

        assertThat(verifier.verifies(409, signature, "req-nonce", BODY)).isTrue();
        assertThat(verifier.verifies(200, signature, "req-nonce", BODY)).isFalse();
        assertThat(verifier.verifies(409, signature, "other-nonce", BODY)).isFalse();
        assertThat(verifier.verifies(409, signature, "req-nonce", "{\"ok\":false}".getBytes())).isFalse();
        assertThat(new ResponseVerifier(Credentials.ofKey("T0001", new byte[32]))
                .verifies(409, signature, "req-nonce", BODY)).isFalse();
    }

    @Test
    void missingHeadersNeverVerify() {
        ResponseVerifier verifier = new ResponseVerifier(RequestSignerTest.T0001);
        assertThat(verifier.verifies(200, null, "n", "s", "r", BODY)).isFalse();
        assertThat(verifier.verifies(200, "1", null, "s", "r", BODY)).isFalse();
        assertThat(verifier.verifies(200, "1", "n", null, "r", BODY)).isFalse();
        assertThat(verifier.verifies(200, null, "r", BODY)).isFalse();
    }
}
