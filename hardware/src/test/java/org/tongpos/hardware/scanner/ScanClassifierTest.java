package org.tongpos.hardware.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanClassifierTest {

    private final ScanClassifier classifier = new ScanClassifier();

    @ParameterizedTest
    @CsvSource({
        "134567890123456789, WECHAT",
        "104567890123456789, WECHAT",
        "154567890123456789, WECHAT",
        "2812345678901234, ALIPAY",
        "301234567890123456789012, ALIPAY",
        "284123456789012345, ALIPAY",
        "6212345678901234567, UNIONPAY"
    })
    void paymentCodesAreRecognisedWithTheirProvider(String code, PaymentProvider provider) {
        ScanClassification c = classifier.classify(code);
        assertThat(c.kind()).isEqualTo(ScanKind.PAYMENT_CODE);
        assertThat(c.provider()).contains(provider);
    }

    @ParameterizedTest
    @CsvSource({"6901234567892", "96385074", "036000291452", "12345678901231", "A-1001", "1001"})
    void goodsBarcodesAreGoods(String code) {
        assertThat(classifier.classify(code)).isEqualTo(new ScanClassification(ScanKind.GOODS, Optional.empty(), code));
    }

    @Test
    void dinerCodesAreRecognisedByPrefix() {
        assertThat(classifier.classify("TQ1.eyJkIjoxfQ.sig").kind()).isEqualTo(ScanKind.DINER_CODE);
        assertThat(classifier.classify("TQ1.").kind()).isEqualTo(ScanKind.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource({
        "6901234567891",            // wrong check digit
        "164567890123456789",       // 18 digits, prefix 16: no known provider, never goods
        "3112345678901234",         // 16 digits prefix 31
        "6312345678901234567",      // 19 digits prefix 63
        "https://example.com/x",
        "'中文'"
    })
    void everythingElseIsUnknownAndNeverGoesToTheCart(String code) {
        assertThat(classifier.classify(code).kind()).isEqualTo(ScanKind.UNKNOWN);
    }
}
