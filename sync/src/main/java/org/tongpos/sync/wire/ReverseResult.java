package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code 200 {out_trade_no, status: "SUCCESS"}} of {@code POST /v1/payments/{out_trade_no}/reverse}. */
@JsonPropertyOrder({"out_trade_no", "status"})
public record ReverseResult(
        @JsonProperty("out_trade_no") String outTradeNo,
        @JsonProperty("status") String status) {

    public static final String SUCCESS = "SUCCESS";
}
