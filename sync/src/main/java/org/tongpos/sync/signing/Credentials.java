package org.tongpos.sync.signing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A terminal's enrolment: its id and the decoded secret key (32 bytes). The HMAC key is the
 * base64-<em>decoded</em> secret, never the base64 text. {@link #toString()} never shows the key.
 */
public final class Credentials {

    /** Length of the secret the bank issues at enrolment. */
    public static final int KEY_BYTES = 32;

    private final String terminalId;
    private final byte[] key;

    private Credentials(String terminalId, byte[] key) {
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        if (terminalId.isBlank() || terminalId.indexOf('"') >= 0 || terminalId.indexOf('/') >= 0) {
            throw new IllegalArgumentException("terminal id must be non-blank and contain no '\"' or '/'");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a terminal key is " + KEY_BYTES + " bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** From the secret as issued: standard base64 of 32 random bytes. */
    public static Credentials fromBase64(String terminalId, String base64Secret) {
        Objects.requireNonNull(base64Secret, "base64Secret");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64Secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("terminal key is not valid base64", e);
        }
        return new Credentials(terminalId, decoded);
    }

    public static Credentials ofKey(String terminalId, byte[] key) {
        return new Credentials(terminalId, key);
    }

    public String terminalId() {
        return terminalId;
    }

    /** A copy of the decoded key. */
    public byte[] key() {
        return key.clone();
    }

    /** The key as standard base64, as it is written in configuration. */
    public String base64Key() {
        return Base64.getEncoder().encodeToString(key);
    }

    String signBase64(String text) {
        return HmacSha256.base64(key, text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials other && terminalId.equals(other.terminalId) && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return terminalId.hashCode();
    }

    @Override
    public String toString() {
        return "Credentials[terminal=" + terminalId + ", key=***]";
    }
}
