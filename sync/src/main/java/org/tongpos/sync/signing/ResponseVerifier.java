package org.tongpos.sync.signing;

import java.util.Objects;

/**
 * Checks the bank's response signature. A response that fails here must be treated as if no
 * response had arrived, whatever its status: it may be forged.
 */
public final class ResponseVerifier {

    private final Credentials credentials;

    public ResponseVerifier(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * @param timestamp    the {@code Tong-Timestamp} header, or {@code null} when absent
     * @param nonce        the {@code Tong-Nonce} header, or {@code null}
     * @param signature    the {@code Tong-Signature} header, or {@code null}
     * @param requestNonce the nonce this request was signed with
     * @return true only when all three headers are present and the signature is right
     */
    public boolean verifies(int status, String timestamp, String nonce, String signature, String requestNonce,
                            byte[] body) {
        if (timestamp == null || nonce == null || signature == null || requestNonce == null) {
            return false;
        }
        String expected = ResponseSigner.signature(credentials, status, timestamp, nonce, requestNonce, body);
        return HmacSha256.constantTimeEquals(expected, signature);
    }

    /** Same as {@link #verifies(int, String, String, String, String, byte[])} with the headers as one value. */
    public boolean verifies(int status, ResponseSignature headers, String requestNonce, byte[] body) {
        return headers != null && verifies(status, headers.timestamp(), headers.nonce(), headers.signature(),
                requestNonce, body);
    }
}
