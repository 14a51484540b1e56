package org.tongpos.hardware.scanner;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Sends each scan to the use it belongs to: goods to the cart, payment codes to payment, diner codes to the
 * canteen, the rest to an error handler. Register it as a {@link ScanListener} on any scanner.
 */
public final class ScanRouter implements ScanListener {

    private final ScanClassifier classifier;
    private final Consumer<Scan> goods;
    private final BiConsumer<Scan, PaymentProvider> paymentCode;
    private final Consumer<Scan> dinerCode;
    private final Consumer<Scan> unknown;

    public ScanRouter(ScanClassifier classifier, Consumer<Scan> goods, BiConsumer<Scan, PaymentProvider> paymentCode,
                      Consumer<Scan> dinerCode, Consumer<Scan> unknown) {
        this.classifier = Objects.requireNonNull(classifier);
        this.goods = Objects.requireNonNull(goods);
        this.paymentCode = Objects.requireNonNull(paymentCode);
        this.dinerCode = Objects.requireNonNull(dinerCode);
        this.unknown = Objects.requireNonNull(unknown);
    }

    @Override
    public void scanned(Scan scan) {
        ScanClassification classification = classifier.classify(scan.code());
        switch (classification.kind()) {
            case GOODS -> goods.accept(scan);
            case PAYMENT_CODE -> paymentCode.accept(scan, classification.provider().orElseThrow());
            case DINER_CODE -> dinerCode.accept(scan);
            case UNKNOWN -> unknown.accept(scan);
        }
    }
}
