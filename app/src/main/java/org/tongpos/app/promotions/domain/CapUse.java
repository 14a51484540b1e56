package org.tongpos.app.promotions.domain;

/**
 * A bank offer with a per-day cap used by this sale's payer: to record when the sale commits. {@code dailyCap} is the
 * cap the sale was priced with, so that recording can check it again.
 */
public record CapUse(String promotionId, String payerKey, int dailyCap) {
}
