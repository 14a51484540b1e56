package org.tongpos.app.promotions.domain;

import java.util.Objects;

/**
 * The customer pays with the bank's own tender: the bank's card (on the bank's card terminal), or the bank's payment
 * code (a code the bank itself issued, channel {@code BANK} in the Settlement API; WeChat, Alipay and UnionPay codes
 * are not the bank's). Only such a tender unlocks bank offers.
 *
 * @param cardNumber the card number as the till knows it (masked, e.g. {@code 6231 **** **** 1234}), for offers limited
 *                   to card prefixes; empty for payment codes
 * @param payerKey   who pays, for per-day caps: the masked card number, a member's phone, … ; empty when unknown
 */
public record BankTender(Kind kind, String cardNumber, String payerKey) {

    public enum Kind { BANK_CARD, PAYMENT_CODE }

    public BankTender {
        Objects.requireNonNull(kind, "kind");
        cardNumber = cardNumber == null ? "" : cardNumber.strip();
        payerKey = payerKey == null ? "" : payerKey.strip();
    }

    /** The bank's card; the masked card number also identifies the payer for per-day caps. */
    public static BankTender card(String maskedCardNumber) {
        return new BankTender(Kind.BANK_CARD, maskedCardNumber, maskedCardNumber);
    }

    /** The bank's payment code, paid by {@code payerKey} (empty when the till does not know who pays). */
    public static BankTender paymentCode(String payerKey) {
        return new BankTender(Kind.PAYMENT_CODE, "", payerKey);
    }

    /** The card number's digits before its first mask character or space ({@code 6231 **** 1234} → {@code 6231}). */
    public String cardPrefixDigits() {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < cardNumber.length(); i++) {
            char c = cardNumber.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                break;
            }
        }
        return digits.toString();
    }

    public boolean knowsPayer() {
        return !payerKey.isEmpty();
    }
}
