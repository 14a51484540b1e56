package org.tongpos.app.operators.service;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PINs as slow salted hashes: PBKDF2-HMAC-SHA256 from the JDK, 210,000 iterations, a random 16-byte salt per PIN,
 * a 32-byte result, stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (base64) so that the iteration count can be
 * raised later: a stored hash with fewer iterations is replaced at the operator's next right PIN. About 50 ms per
 * hash on the terminal's kind of machine once the JIT has compiled it; see docs/decisions/0006.
 */
public final class PinHasher {

    public static final int ITERATIONS = 210_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;
    /** Checked against when the operator does not exist, so that an unknown number takes as long as a wrong PIN. */
    private volatile String decoy;

    public PinHasher() {
        this(ITERATIONS, new SecureRandom());
    }

    PinHasher(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
    }

    public String hash(char[] pin) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(pin, salt);
    }

    /** The hash with a given salt (for documented demo PINs, whose hashes are written in the code). */
    String hash(char[] pin, byte[] salt) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(pin, salt, iterations));
    }

    /** True when {@code pin} is the one {@code stored} was made from; false for a malformed stored value. */
    public boolean verify(char[] pin, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (storedIterations < 1 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(pin, salt, storedIterations);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one check against nothing: for an operator number that does not exist. */
    void verifyDecoy(char[] pin) {
        String against = decoy;
        if (against == null) {
            against = hash(new char[] {'0'}, new byte[SALT_BYTES]);
            decoy = against;
        }
        verify(pin, against);
    }

    /** True when {@code stored} was made with fewer iterations than this hasher uses (or is not understood). */
    public boolean needsRehash(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            return parts.length != 4 || !parts[0].equals(SCHEME) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK 17", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Overwrites a PIN held in memory once it is no longer needed. */
    public static void wipe(char[] pin) {
        if (pin != null) {
            Arrays.fill(pin, '\0');
        }
    }
}
