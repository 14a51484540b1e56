package org.tongpos.app.promotions.service;

import java.time.Clock;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.promotions.store.PromotionStores;

/**
 * The promotions feature as the composition root wires it: the promotions themselves, members, the caps of bank
 * offers, pricing, and recognising the bank's tenders.
 */
public final class Promotions {

    private final PromotionService promotions;
    private final MemberService members;
    private final BankOfferCaps caps;
    private final PromotionPricing pricing;
    private final BankTenders bankTenders = new BankTenders();

    public Promotions(PromotionStores stores, CatalogService catalog, Clock clock) {
        this.promotions = new PromotionService(stores.promotions(), catalog, clock);
        this.members = new MemberService(stores.members());
        this.caps = new BankOfferCaps(stores.offerUses(), stores.durable());
        this.pricing = new PromotionPricing(promotions, caps, clock);
    }

    public PromotionService promotions() {
        return promotions;
    }

    public MemberService members() {
        return members;
    }

    public BankOfferCaps caps() {
        return caps;
    }

    public PromotionPricing pricing() {
        return pricing;
    }

    public BankTenders bankTenders() {
        return bankTenders;
    }
}
