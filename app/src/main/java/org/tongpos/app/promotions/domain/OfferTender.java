package org.tongpos.app.promotions.domain;

import java.util.Locale;
import java.util.Optional;

/** The tender a bank offer asks for: the bank's card, the bank's payment code, or either; NONE for other promotions. */
public enum OfferTender {
    NONE,
    BANK_CARD,
    PAYMENT_CODE,
    ANY;

    public boolean accepts(BankTender.Kind kind) {
        return switch (this) {
            case NONE -> false;
            case ANY -> true;
            case BANK_CARD -> kind == BankTender.Kind.BANK_CARD;
            case PAYMENT_CODE -> kind == BankTender.Kind.PAYMENT_CODE;
        };
    }

    /** {@code BANK_CARD}, {@code PAYMENT_CODE}, {@code ANY} (any case); empty is NONE. */
    public static Optional<OfferTender> parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.of(NONE);
        }
        try {
            return Optional.of(valueOf(t));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
