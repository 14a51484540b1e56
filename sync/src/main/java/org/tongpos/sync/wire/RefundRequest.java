package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code POST /v1/refunds}; {@code out_refund_no} is also the Idempotency-Key. */
@JsonPropertyOrder({"out_refund_no", "out_trade_no", "amount_fen", "reason"})
public record RefundRequest(
        @JsonProperty("out_refund_no") String outRefundNo,
        @JsonProperty("out_trade_no") String outTradeNo,
        @JsonProperty("amount_fen") long amountFen,
        @JsonProperty("reason") String reason) {
}
