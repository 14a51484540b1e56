package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code GET /v1/terminals/{tid}/cursor}: what the bank holds (0 and the genesis hash when empty). */
@JsonPropertyOrder({"last_seq", "last_entry_hash"})
public record Cursor(
        @JsonProperty("last_seq") long lastSeq,
        @JsonProperty("last_entry_hash") String lastEntryHash) {
}
