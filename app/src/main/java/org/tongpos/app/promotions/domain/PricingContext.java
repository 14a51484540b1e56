package org.tongpos.app.promotions.domain;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything besides the goods that decides the price: the moment (the store's local time; the engine never reads a
 * clock), the member if one was identified, the bank tender if the customer pays with the bank's card or code, and
 * how often that payer has already used each capped bank offer today (by promotion id).
 */
public record PricingContext(LocalDateTime at, Optional<Member> member, Optional<BankTender> tender,
                             Map<String, Integer> offerUsesToday) {

    public PricingContext {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(tender, "tender");
        offerUsesToday = Map.copyOf(offerUsesToday);
    }

    /** No member, no bank tender. */
    public static PricingContext at(LocalDateTime at) {
        return new PricingContext(at, Optional.empty(), Optional.empty(), Map.of());
    }

    public PricingContext withMember(Member value) {
        return new PricingContext(at, Optional.of(value), tender, offerUsesToday);
    }

    public PricingContext withTender(BankTender value, Map<String, Integer> usesToday) {
        return new PricingContext(at, member, Optional.of(value), usesToday);
    }

    int usesToday(String promotionId) {
        return offerUsesToday.getOrDefault(promotionId, 0);
    }
}
