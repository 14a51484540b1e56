package org.tongpos.app.promotions.domain;

/** A bank offer with a per-day cap used by this sale's payer; recorded when the sale commits. */
public record CapUse(String promotionId, String payerKey) {
}
