package org.tongpos.app.promotions.domain;

/**
 * A bank offer the customer would have had with this tender, but not now: the payer has used it up today, or the
 * till does not know who pays (a capped offer needs to know). The till says why instead of staying silent.
 */
public record UnavailableOffer(String promotionId, String name, Why why) {

    public enum Why { DAILY_CAP_REACHED, PAYER_UNKNOWN }
}
