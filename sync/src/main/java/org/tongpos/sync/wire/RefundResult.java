package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answer of {@code POST /v1/refunds}. */
@JsonPropertyOrder({"out_refund_no", "status"})
public record RefundResult(
        @JsonProperty("out_refund_no") String outRefundNo,
        @JsonProperty("status") RefundStatus status) {
}
