package org.tongpos.app.promotions.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tongpos.app.promotions.domain.BankTender;
import org.tongpos.app.promotions.domain.CapUse;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.store.BankOfferUseStore;
import org.tongpos.app.storage.DurableTransaction;

/**
 * The per-day caps of bank offers (用本行卡满50减5, once a day per card), kept durably on this terminal: how often a
 * payer used each offer today (pricing asks before it offers one), and the record of the uses of a sale when it
 * commits, checked again so that a cap is never exceeded. Payers are kept as SHA-256 hashes of their key.
 */
public final class BankOfferCaps {

    private final BankOfferUseStore store;
    private final DurableTransaction durable;

    public BankOfferCaps(BankOfferUseStore store, DurableTransaction durable) {
        this.store = store;
        this.durable = durable;
    }

    /** A capped offer this sale was priced with is used up: price again, the customer no longer gets it. */
    public static final class OfferUsedUpException extends RuntimeException {
        private final String promotionId;

        public OfferUsedUpException(String promotionId) {
            super("bank offer " + promotionId + " is used up for this payer today");
            this.promotionId = promotionId;
        }

        public String promotionId() {
            return promotionId;
        }
    }

    /** How often the tender's payer used each offer on {@code businessDate}; empty when the payer is not known. */
    public Map<String, Integer> usesOn(BankTender tender, LocalDate businessDate) {
        if (!tender.knowsPayer()) {
            return Map.of();
        }
        return store.usesOn(hash(tender.payerKey()), businessDate.toString());
    }

    /** Whether a capped offer is still there for this payer on {@code businessDate} ("is it still available today?"). */
    public boolean isAvailable(Promotion offer, String payerKey, LocalDate businessDate) {
        if (!offer.isCapped()) {
            return true;
        }
        if (payerKey == null || payerKey.isBlank()) {
            return false;
        }
        return store.usesOn(hash(payerKey.strip()), businessDate.toString()).getOrDefault(offer.id(), 0)
                < offer.conditions().dailyCap();
    }

    /**
     * Records the capped offers a committed sale used, in one transaction of its own, on disk when it returns. The
     * same sale again changes nothing.
     *
     * @throws OfferUsedUpException when a use would exceed its cap; nothing is recorded then
     */
    public synchronized void record(String txnId, LocalDate businessDate, List<CapUse> uses) {
        if (uses.isEmpty()) {
            return;
        }
        durable.run(c -> {
            record(c, txnId, businessDate, uses);
            return null;
        });
    }

    /**
     * Records the uses on {@code c}, inside the caller's transaction (the sale's own, so that the sale and its uses
     * commit together). The caller holds the sale writer's lock, so no other sale records in between.
     *
     * @throws OfferUsedUpException when a use would exceed its cap; the caller rolls back
     */
    public void record(Connection c, String txnId, LocalDate businessDate, List<CapUse> uses) throws SQLException {
        List<BankOfferUseStore.Use> rows = new ArrayList<>();
        for (CapUse use : uses) {
            String payer = hash(use.payerKey());
            if (BankOfferUseStore.usesOf(c, use.promotionId(), payer, businessDate.toString(), txnId)
                    >= use.dailyCap()) {
                throw new OfferUsedUpException(use.promotionId());
            }
            rows.add(new BankOfferUseStore.Use(use.promotionId(), payer));
        }
        BankOfferUseStore.record(c, txnId, businessDate.toString(), rows);
    }

    /** Gives back the uses of a sale that did not happen after all; returns how many there were. */
    public int release(String txnId) {
        return store.release(txnId);
    }

    /** The payer as stored: hex SHA-256 of the key's UTF-8 bytes (a sale records its cap uses so). */
    public static String payerHash(String payerKey) {
        return hash(payerKey);
    }

    static String hash(String payerKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(payerKey.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
