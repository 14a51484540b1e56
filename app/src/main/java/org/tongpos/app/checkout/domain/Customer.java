package org.tongpos.app.checkout.domain;

import java.util.Optional;
import org.tongpos.app.promotions.domain.Member;

/**
 * Who buys, as far as the till knows: the member the cashier entered (member prices, members-only promotions) and the
 * masked number of the bank card the customer pays with, when the card reader read it (card prefixes and the daily
 * cap of bank offers). {@link #NOBODY} for an anonymous sale.
 */
public record Customer(Optional<Member> member, String cardNumber) {

    public static final Customer NOBODY = new Customer(Optional.empty(), "");

    public Customer {
        member = member == null ? Optional.empty() : member;
        cardNumber = cardNumber == null ? "" : cardNumber.strip();
    }

    public static Customer member(Member member) {
        return new Customer(Optional.of(member), "");
    }

    public Customer withCard(String maskedCardNumber) {
        return new Customer(member, maskedCardNumber);
    }

    /** Who pays a payment code, for the daily caps of bank offers: the member's phone, else the card UID; "" unknown. */
    public String codePayerKey() {
        return member.map(m -> m.phone().isEmpty() ? m.cardUid() : m.phone()).orElse("");
    }
}
