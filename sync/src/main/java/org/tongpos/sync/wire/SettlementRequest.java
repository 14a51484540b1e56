package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code POST /v1/terminals/{tid}/settlements}: the terminal's totals for the date. */
@JsonPropertyOrder({"settlement_id", "business_date", "count", "debit_total_fen", "credit_total_fen"})
public record SettlementRequest(
        @JsonProperty("settlement_id") String settlementId,
        @JsonProperty("business_date") String businessDate,
        @JsonProperty("count") long count,
        @JsonProperty("debit_total_fen") long debitTotalFen,
        @JsonProperty("credit_total_fen") long creditTotalFen) {
}
