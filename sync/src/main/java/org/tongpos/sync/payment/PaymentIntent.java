package org.tongpos.sync.payment;

import java.time.OffsetDateTime;

/** A durable record of one payment-code charge; the auth code itself is never stored, only masked. */
public record PaymentIntent(String outTradeNo, long amountFen, String description, String authCodeMasked,
                            PaymentState state, String tradeNo, String channel, String failCode,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
