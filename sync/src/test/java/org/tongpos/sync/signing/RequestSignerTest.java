package org.tongpos.sync.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

    /** Bytes 0x00..0x1f, as base64. */
    static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final Credentials T0001 = Credentials.fromBase64("T0001", SECRET);
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1764475509L), ZoneOffset.ofHours(8));

    @Test
    void signatureMatchesVectorComputedWithOpenssl() {
        // printf 'POST\n/v1/terminals/T0001/batches\n1764475509\n9f2c0a\n%s\n' "$(printf '{"a":1}' | sha256sum)"
        //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f -binary | base64
        RequestSigner signer = new RequestSigner(T0001, CLOCK, () -> "9f2c0a");
        SignedRequest signed = signer.sign("POST", "/v1/terminals/T0001/batches",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(signed.signature()).isEqualTo("lnJQ1u/5CI+Ftt55NADWbzZYOjUOuhc1a37TsIP77xc=");
        assertThat(signed.authorization()).isEqualTo("TONG1-HMAC-SHA256 terminal=\"T0001\",timestamp=\"1764475509\","
                + "nonce=\"9f2c0a\",signature=\"lnJQ1u/5CI+Ftt55NADWbzZYOjUOuhc1a37TsIP77xc=\"");
    }

    @Test
    void emptyBodyHashesTheEmptyStringAndMatchesHandComputedHmac() throws Exception {
        RequestSigner signer = new RequestSigner(T0001, CLOCK, () -> "n1");
        SignedRequest signed = signer.sign("GET", "/v1/terminals/T0001/cursor", new byte[0]);

        String emptyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
        assertThat(emptyHash).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        String literal = "GET\n/v1/terminals/T0001/cursor\n1764475509\nn1\n" + emptyHash + "\n";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(literal.getBytes(StandardCharsets.UTF_8)));

        assertThat(signed.signature()).isEqualTo(expected).isEqualTo("7bubO7mvYgIiWdQetwHSfF8lqOAP+DUNjp4m+olOYMw=");
        assertThat(signer.sign("GET", "/v1/terminals/T0001/cursor", null).signature()).isEqualTo(expected);
    }

    @Test
    void eachSigningUsesAFreshRandomHexNonce() {
        RequestSigner signer = new RequestSigner(T0001, CLOCK);
        SignedRequest first = signer.sign("GET", "/v1/keys", null);
        SignedRequest second = signer.sign("GET", "/v1/keys", null);

        assertThat(first.nonce()).matches("[0-9a-f]{32}");
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(second.signature()).isNotEqualTo(first.signature());
    }

    @Test
    void serverSideCheckAcceptsTheRightKeyAndRejectsAnyChange() throws Exception {
        RequestSigner signer = new RequestSigner(T0001, CLOCK);
        byte[] body = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        AuthorizationHeader header = AuthorizationHeader.parse(signer.sign("POST", "/v1/refunds", body)
                .authorization());
        Credentials otherKey = Credentials.ofKey("T0001", new byte[32]);

        assertThat(RequestSigner.verifies(T0001, header, "POST", "/v1/refunds", body)).isTrue();
        assertThat(RequestSigner.verifies(otherKey, header, "POST", "/v1/refunds", body)).isFalse();
        assertThat(RequestSigner.verifies(T0001, header, "PUT", "/v1/refunds", body)).isFalse();
        assertThat(RequestSigner.verifies(T0001, header, "POST", "/v1/refunds?x=1", body)).isFalse();
        assertThat(RequestSigner.verifies(T0001, header, "POST", "/v1/refunds", "{\"x\":2}".getBytes())).isFalse();
    }

    @Test
    void credentialsDecodeTheBase64SecretAndHideItInToString() {
        assertThat(T0001.key()).hasSize(32).startsWith(0, 1, 2);
        assertThat(T0001.base64Key()).isEqualTo(SECRET);
        assertThat(T0001.toString()).doesNotContain(SECRET).contains("T0001");
    }
}
