package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answer of {@code POST /v1/payments} and {@code GET /v1/payments/{out_trade_no}}. */
@JsonPropertyOrder({"out_trade_no", "trade_no", "channel", "status", "fail_code"})
public record PaymentResult(
        @JsonProperty("out_trade_no") String outTradeNo,
        @JsonProperty("trade_no") String tradeNo,
        @JsonProperty("channel") PaymentChannel channel,
        @JsonProperty("status") PaymentStatus status,
        @JsonProperty("fail_code") String failCode) {

    public PaymentResult {
        failCode = failCode == null ? "" : failCode;
        tradeNo = tradeNo == null ? "" : tradeNo;
    }
}
