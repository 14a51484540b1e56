package org.tongpos.sync.signing;

/**
 * The signature of one request attempt. Keep {@link #nonce()}: the response is signed over it.
 *
 * @param authorization the full {@code Authorization} header value
 */
public record SignedRequest(String authorization, String timestamp, String nonce, String signature) {
}
