package org.tongpos.app.promotions.service;

import java.util.Optional;
import org.tongpos.app.promotions.domain.BankTender;
import org.tongpos.hardware.scanner.ScanClassification;
import org.tongpos.hardware.scanner.ScanClassifier;
import org.tongpos.hardware.scanner.ScanKind;
import org.tongpos.sync.payment.AuthCodes;
import org.tongpos.sync.wire.PaymentChannel;

/**
 * Tells whether a tender is the bank's own, which is what unlocks bank offers. A payment code that looks like WeChat,
 * Alipay or UnionPay (the scanner's routing hints) is not the bank's; any other valid code is, as the bank routes it
 * (channel {@code BANK}). The bank's answer names the channel for certain: the till checks it after {@code SUCCESS}.
 */
public final class BankTenders {

    private final ScanClassifier classifier = new ScanClassifier();

    /** The bank's card, paid on the bank's card terminal; the masked number identifies the payer for caps. */
    public BankTender card(String maskedCardNumber) {
        return BankTender.card(maskedCardNumber);
    }

    /** The bank tender of a scanned payment code, or empty when the code is another network's (or not a code). */
    public Optional<BankTender> paymentCode(String authCode, String payerKey) {
        if (!AuthCodes.isValid(authCode)) {
            return Optional.empty();
        }
        ScanClassification scan = classifier.classify(authCode);
        if (scan.kind() == ScanKind.PAYMENT_CODE && scan.provider().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(BankTender.paymentCode(payerKey));
    }

    /** The bank tender of a payment the bank answered, by its channel; empty unless the channel is the bank's. */
    public Optional<BankTender> paidThrough(PaymentChannel channel, String payerKey) {
        return channel == PaymentChannel.BANK ? Optional.of(BankTender.paymentCode(payerKey)) : Optional.empty();
    }
}
