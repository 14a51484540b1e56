package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Count and totals of a business day, as the bank holds them ({@code bank} of a settlement result). */
@JsonPropertyOrder({"count", "debit_total_fen", "credit_total_fen"})
public record DayTotals(
        @JsonProperty("count") long count,
        @JsonProperty("debit_total_fen") long debitTotalFen,
        @JsonProperty("credit_total_fen") long creditTotalFen) {
}
