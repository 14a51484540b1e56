package org.tongpos.app.canteen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Diner QR codes as the contract defines them, signed here with a fresh Ed25519 key. */
class DinerQrVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair bank = newKey();
    private final KeyPair forger = newKey();
    private final Function<String, Optional<PublicKey>> keys = id -> Optional.ofNullable(
            Map.of("bank-1", raw(bank.getPublic())).get(id)).map(DinerQrVerifier::publicKey);

    private static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The raw 32 bytes of a key, as {@code GET /v1/keys} publishes it. */
    private static byte[] raw(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private static String code(KeyPair signer, String payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signer.getPrivate());
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            signature.update(bytes);
            return "TQ1." + URL.encodeToString(bytes) + "." + URL.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String issued(long secondsFromNow) {
        return code(bank, "bank-1|D0001|A0001|" + (NOW.getEpochSecond() + secondsFromNow) + "|9f2c0a1b2c3d4e5f");
    }

    private DinerQrVerifier.Verdict verify(String text) {
        return DinerQrVerifier.verify(text, keys, NOW);
    }

    private static RefusalReason reason(DinerQrVerifier.Verdict verdict) {
        assertThat(verdict).isInstanceOf(DinerQrVerifier.Verdict.Refused.class);
        return ((DinerQrVerifier.Verdict.Refused) verdict).reason();
    }

    @Test
    void aFreshCodeSignedByTheBankIsValidAndSaysWhoItIsFor() {
        DinerQrVerifier.Verdict verdict = verify(issued(-5));
        assertThat(verdict).isInstanceOf(DinerQrVerifier.Verdict.Valid.class);
        DinerQrCode code = ((DinerQrVerifier.Verdict.Valid) verdict).code();
        assertThat(code.keyId()).isEqualTo("bank-1");
        assertThat(code.dinerId()).isEqualTo("D0001");
        assertThat(code.accountId()).isEqualTo("A0001");
        assertThat(code.nonce()).isEqualTo("9f2c0a1b2c3d4e5f");
    }

    @Test
    void theTimeWindowIsNinetySecondsBackAndThirtyAheadBothInclusive() {
        assertThat(verify(issued(-90))).isInstanceOf(DinerQrVerifier.Verdict.Valid.class);
        assertThat(reason(verify(issued(-91)))).isEqualTo(RefusalReason.QR_EXPIRED);
        assertThat(verify(issued(30))).isInstanceOf(DinerQrVerifier.Verdict.Valid.class);
        assertThat(reason(verify(issued(31)))).isEqualTo(RefusalReason.QR_FUTURE);
    }

    @Test
    void aCodeSignedByAnotherKeyOrAlteredIsInvalid() {
        String forged = code(forger, "bank-1|D0001|A0001|" + NOW.getEpochSecond() + "|aaaa");
        assertThat(reason(verify(forged))).isEqualTo(RefusalReason.QR_INVALID);

        String genuine = issued(0);
        String[] parts = genuine.split("\\.");
        String otherAccount = "bank-1|D0001|A0002|" + NOW.getEpochSecond() + "|9f2c0a1b2c3d4e5f";
        String altered = "TQ1." + URL.encodeToString(otherAccount.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(reason(verify(altered))).isEqualTo(RefusalReason.QR_INVALID);
    }

    @Test
    void aForgedCodeSaysForgedEvenWhenItsTimeIsAlsoWrong() {
        String forged = code(forger, "bank-1|D0001|A0001|" + (NOW.getEpochSecond() - 3600) + "|aaaa");
        assertThat(reason(verify(forged))).isEqualTo(RefusalReason.QR_INVALID);
    }

    @Test
    void aKeyThisTerminalDoesNotHaveIsUnknown() {
        String other = code(bank, "bank-2|D0001|A0001|" + NOW.getEpochSecond() + "|aaaa");
        assertThat(reason(verify(other))).isEqualTo(RefusalReason.QR_UNKNOWN_KEY);
    }

    @Test
    void malformedCodesAreRefusedAsMalformed() {
        String sig = URL.encodeToString(new byte[64]);
        String payload = URL.encodeToString("bank-1|D0001|A0001|1764475200|n".getBytes(StandardCharsets.UTF_8));
        for (String text : new String[] {"", "TQ1.", "TQ1..", "TQ2." + payload + "." + sig, "TQ1." + payload,
            "TQ1." + payload + "." + sig + ".x", "TQ1." + payload + "." + URL.encodeToString(new byte[63]),
            "TQ1.!!!." + sig, "TQ1." + payload + "=." + sig,
            "TQ1." + URL.encodeToString("bank-1|D0001|A0001|1764475200".getBytes(StandardCharsets.UTF_8)) + "." + sig,
            "TQ1." + URL.encodeToString("bank-1|D0001|A0001|soon|n".getBytes(StandardCharsets.UTF_8)) + "." + sig,
            "TQ1." + URL.encodeToString("bank 1|D0001|A0001|1764475200|n".getBytes(StandardCharsets.UTF_8)) + "." + sig,
            "TQ1." + URL.encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}) + "." + sig,
            "TQ1." + "A".repeat(2000) + "." + sig}) {
            assertThat(reason(verify(text))).as(text).isEqualTo(RefusalReason.QR_MALFORMED);
        }
    }

    @Test
    void aPublishedKeyOfTheWrongLengthIsNotAKey() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DinerQrVerifier.publicKey(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
