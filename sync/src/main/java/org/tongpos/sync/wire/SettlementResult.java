package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The {@code 200} of a settlement. Out of balance is not an error: the day still closes. */
@JsonPropertyOrder({"settlement_id", "status", "bank"})
public record SettlementResult(
        @JsonProperty("settlement_id") String settlementId,
        @JsonProperty("status") SettlementStatus status,
        @JsonProperty("bank") DayTotals bank) {
}
