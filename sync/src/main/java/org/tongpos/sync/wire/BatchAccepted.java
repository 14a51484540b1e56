package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code 201} of a batch upload and the body of {@code GET …/batches/{batch_id}}. */
@JsonPropertyOrder({"batch_id", "status", "first_seq", "last_seq", "count", "debit_total_fen", "credit_total_fen",
        "accepted_at"})
public record BatchAccepted(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("status") String status,
        @JsonProperty("first_seq") long firstSeq,
        @JsonProperty("last_seq") long lastSeq,
        @JsonProperty("count") long count,
        @JsonProperty("debit_total_fen") long debitTotalFen,
        @JsonProperty("credit_total_fen") long creditTotalFen,
        @JsonProperty("accepted_at") String acceptedAt) {

    public static final String ACCEPTED = "ACCEPTED";
}
