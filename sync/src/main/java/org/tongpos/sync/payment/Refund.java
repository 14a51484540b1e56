package org.tongpos.sync.payment;

import java.time.OffsetDateTime;

/** A durable refund request; {@code out_refund_no} guarantees the bank never refunds it twice. */
public record Refund(String outRefundNo, String outTradeNo, long amountFen, String reason, RefundState state,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
