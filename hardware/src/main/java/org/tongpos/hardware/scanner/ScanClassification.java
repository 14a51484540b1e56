package org.tongpos.hardware.scanner;

import java.util.Optional;

public record ScanClassification(ScanKind kind, Optional<PaymentProvider> provider, String code) {

    static ScanClassification of(ScanKind kind, String code) {
        return new ScanClassification(kind, Optional.empty(), code);
    }

    static ScanClassification payment(PaymentProvider provider, String code) {
        return new ScanClassification(ScanKind.PAYMENT_CODE, Optional.of(provider), code);
    }
}
