package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A key the bank signs diner QR codes with: standard base64 of the raw 32-byte Ed25519 public key. */
@JsonPropertyOrder({"key_id", "algorithm", "public_key"})
public record BankKey(
        @JsonProperty("key_id") String keyId,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("public_key") String publicKey) {

    public static final String ED25519 = "Ed25519";
}
