package org.tongpos.app.promotions.store;

import org.tongpos.app.storage.Database;
import org.tongpos.app.storage.DurableTransaction;

/** The promotions feature's stores over one database, made by the composition root. */
public record PromotionStores(PromotionStore promotions, MemberStore members, BankOfferUseStore offerUses,
                              DurableTransaction durable) {

    public static PromotionStores over(Database database) {
        return new PromotionStores(new PromotionStore(database.dataSource()), new MemberStore(database.dataSource()),
                new BankOfferUseStore(database.dataSource()), new DurableTransaction(database));
    }
}
