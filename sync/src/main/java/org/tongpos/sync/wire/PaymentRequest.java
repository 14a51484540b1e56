package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code POST /v1/payments}; {@code out_trade_no} is also the Idempotency-Key. */
@JsonPropertyOrder({"out_trade_no", "auth_code", "amount_fen", "description"})
public record PaymentRequest(
        @JsonProperty("out_trade_no") String outTradeNo,
        @JsonProperty("auth_code") String authCode,
        @JsonProperty("amount_fen") long amountFen,
        @JsonProperty("description") String description) {
}
