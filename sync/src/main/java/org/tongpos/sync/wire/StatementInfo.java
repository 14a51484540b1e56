package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code GET /v1/terminals/{tid}/statements/{date}}: where the CSV is and its SHA-256. */
@JsonPropertyOrder({"business_date", "hash_type", "hash_value", "download_path"})
public record StatementInfo(
        @JsonProperty("business_date") String businessDate,
        @JsonProperty("hash_type") String hashType,
        @JsonProperty("hash_value") String hashValue,
        @JsonProperty("download_path") String downloadPath) {

    public static final String SHA_256 = "SHA-256";
}
