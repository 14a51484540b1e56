package org.tongpos.sync.signing;

/** The three signature headers of a response. */
public record ResponseSignature(String timestamp, String nonce, String signature) {

    public static final String TIMESTAMP_HEADER = "Tong-Timestamp";
    public static final String NONCE_HEADER = "Tong-Nonce";
    public static final String SIGNATURE_HEADER = "Tong-Signature";
}
