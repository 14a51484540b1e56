package org.tongpos.app.canteen.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A diner QR code as the bank's app shows it (settlement-api.md, "Diner QR codes"): {@code TQ1.{payload}.{signature}},
 * both base64url without padding; the payload is UTF-8 {@code key_id|diner_id|account_id|issued_at|nonce} and the
 * signature Ed25519 over the payload bytes. Parsing checks the form only; {@link DinerQrVerifier} checks the rest.
 */
public record DinerQrCode(String keyId, String dinerId, String accountId, long issuedAt, String nonce, byte[] payload,
                          byte[] signature) {

    public static final String PREFIX = "TQ1.";
    /** Longer than any code the contract can make with ids of a sane length; anything longer is not read. */
    public static final int MAX_LENGTH = 1024;
    private static final int SIGNATURE_BYTES = 64;

    /** The code's fields, or empty when the text is not a well-formed diner QR code. */
    public static Optional<DinerQrCode> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()
                || !parts[0].matches("[A-Za-z0-9_-]+") || !parts[1].matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(parts[0]);
            signature = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (signature.length != SIGNATURE_BYTES) {
            return Optional.empty();
        }
        String fields;
        try {
            fields = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        String[] f = fields.split("\\|", -1);
        if (f.length != 5 || !f[0].matches("[A-Za-z0-9_-]{1,64}") || f[1].isBlank() || f[2].isBlank()
                || !f[3].matches("\\d{1,12}") || !f[4].matches("[\\x21-\\x7e]{1,64}")) {
            return Optional.empty();
        }
        return Optional.of(new DinerQrCode(f[0], f[1], f[2], Long.parseLong(f[3]), f[4], payload, signature));
    }

    /** Whether the text looks like it was meant to be a diner code (what the scanner classifies as one). */
    public static boolean looksLikeOne(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    @Override
    public String toString() {
        return "DinerQrCode[" + keyId + " " + dinerId + " " + accountId + " " + issuedAt + "]";
    }
}
