package org.tongpos.app.canteen.domain;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies a diner QR code offline, in this order so that each refusal says what is really wrong: its form
 * ({@code QR_MALFORMED}), the bank key it names ({@code QR_UNKNOWN_KEY}), the Ed25519 signature ({@code QR_INVALID}:
 * forged or altered), and the contract's time window {@code now - 90 s ≤ issued_at ≤ now + 30 s}
 * ({@code QR_EXPIRED}, {@code QR_FUTURE}). Whether its nonce was used already is the caller's to ask (it needs
 * storage).
 */
public final class DinerQrVerifier {

    /** How old a code may be: 60 s of validity plus 30 s of clock skew. */
    public static final Duration MAX_AGE = Duration.ofSeconds(90);
    /** How far ahead of this terminal's clock a code may be dated (clock skew). */
    public static final Duration MAX_AHEAD = Duration.ofSeconds(30);
    /** X.509 SubjectPublicKeyInfo header of a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] ED25519_X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
        0x21, 0x00};

    /** The outcome of checking a code. */
    public sealed interface Verdict {
        record Valid(DinerQrCode code) implements Verdict {
        }

        record Refused(RefusalReason reason) implements Verdict {
        }
    }

    private DinerQrVerifier() {
    }

    /**
     * @param keys the bank's public key with a given key id, if this terminal has it
     */
    public static Verdict verify(String text, Function<String, Optional<PublicKey>> keys, Instant now) {
        Optional<DinerQrCode> parsed = DinerQrCode.parse(text);
        if (parsed.isEmpty()) {
            return new Verdict.Refused(RefusalReason.QR_MALFORMED);
        }
        DinerQrCode code = parsed.get();
        Optional<PublicKey> key = keys.apply(code.keyId());
        if (key.isEmpty()) {
            return new Verdict.Refused(RefusalReason.QR_UNKNOWN_KEY);
        }
        if (!signatureHolds(key.get(), code)) {
            return new Verdict.Refused(RefusalReason.QR_INVALID);
        }
        long nowSecond = now.getEpochSecond();
        if (code.issuedAt() < nowSecond - MAX_AGE.toSeconds()) {
            return new Verdict.Refused(RefusalReason.QR_EXPIRED);
        }
        if (code.issuedAt() > nowSecond + MAX_AHEAD.toSeconds()) {
            return new Verdict.Refused(RefusalReason.QR_FUTURE);
        }
        return new Verdict.Valid(code);
    }

    /** The epoch second before which every code is expired at {@code now} (its nonce need not be kept). */
    public static long expiredBefore(Instant now) {
        return now.getEpochSecond() - MAX_AGE.toSeconds();
    }

    /**
     * An Ed25519 public key from its raw 32 bytes (what {@code GET /v1/keys} publishes, base64-decoded).
     *
     * @throws IllegalArgumentException when the bytes are not a usable key
     */
    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] x509 = new byte[ED25519_X509_PREFIX.length + raw.length];
        System.arraycopy(ED25519_X509_PREFIX, 0, x509, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(raw, 0, x509, ED25519_X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static boolean signatureHolds(PublicKey key, DinerQrCode code) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(code.payload());
            return verifier.verify(code.signature());
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of Java 15 and later", e);
        }
    }
}
