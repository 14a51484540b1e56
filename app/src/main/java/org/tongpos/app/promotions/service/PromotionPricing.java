package org.tongpos.app.promotions.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpos.app.promotions.domain.BankTender;
import org.tongpos.app.promotions.domain.Member;
import org.tongpos.app.promotions.domain.PricedCart;
import org.tongpos.app.promotions.domain.PricingContext;
import org.tongpos.app.promotions.domain.PricingLine;

/**
 * What the till calls to price its cart: the active promotions at this moment (the injected clock, in the store's
 * time zone), for the member if one was identified, and with the bank tender once the customer says how they pay
 * (this reads the payer's uses of capped offers today). Reads the database only for those uses; the promotions are
 * held in memory.
 */
public final class PromotionPricing {

    private final PromotionService promotions;
    private final BankOfferCaps caps;
    private final Clock clock;

    public PromotionPricing(PromotionService promotions, BankOfferCaps caps, Clock clock) {
        this.promotions = promotions;
        this.caps = caps;
        this.clock = clock;
    }

    /** Prices the cart now. */
    public PricedCart price(List<PricingLine> lines, Optional<Member> member, Optional<BankTender> tender) {
        return price(lines, member, tender, LocalDateTime.now(clock));
    }

    /** Prices the cart as at {@code at}, the store's local time (support: "what would it have cost?"). */
    public PricedCart price(List<PricingLine> lines, Optional<Member> member, Optional<BankTender> tender,
                            LocalDateTime at) {
        Map<String, Integer> uses = tender.map(t -> caps.usesOn(t, at.toLocalDate())).orElse(Map.of());
        PricingContext context = new PricingContext(at, member, tender, uses);
        return promotions.book().price(lines, context);
    }
}
