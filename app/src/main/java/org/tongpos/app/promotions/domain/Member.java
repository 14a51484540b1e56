package org.tongpos.app.promotions.domain;

import java.util.Objects;

/**
 * A member of the store's loyalty scheme, known by phone number or by the UID of a member card (hex, as the card
 * reader gives it). Members get member prices and members-only promotions.
 */
public record Member(String phone, String cardUid, String name, boolean active) {

    public Member {
        phone = phone == null ? "" : phone.strip();
        cardUid = cardUid == null ? "" : cardUid.strip().toUpperCase(java.util.Locale.ROOT);
        name = Objects.requireNonNullElse(name, "").strip();
        if (phone.isEmpty() && cardUid.isEmpty()) {
            throw new IllegalArgumentException("a member needs a phone number or a card UID");
        }
    }

    public static boolean isPhone(String text) {
        return text != null && text.strip().matches("1\\d{10}");
    }

    public static boolean isCardUid(String text) {
        return text != null && text.strip().matches("[0-9A-Fa-f]{8,20}") && text.strip().length() % 2 == 0;
    }
}
