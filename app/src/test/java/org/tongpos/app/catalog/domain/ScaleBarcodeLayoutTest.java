package org.tongpos.app.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleBarcodeLayoutTest {

    @Test
    void decodesFlagItemAndPrice() {
        ScaleBarcodeLayout layout = ScaleBarcodeLayout.parse("20:5:5:PRICE");
        String code = layout.encode("10001", 655);
        assertThat(code).startsWith("201000100655").hasSize(13);
        ScaleBarcode decoded = layout.decode(code);
        assertThat(decoded.itemCode()).isEqualTo("10001");
        assertThat(decoded.value()).isEqualTo(655);
        assertThat(decoded.kind()).isEqualTo(ScaleBarcodeLayout.ValueKind.PRICE);
    }

    @Test
    void layoutIsConfigurationNotCode() {
        ScaleBarcodeLayout weight = ScaleBarcodeLayout.parse("2:6:5:WEIGHT");
        String code = weight.encode("010001", 512);
        assertThat(weight.matches(code)).isTrue();
        assertThat(weight.decode(code).value()).isEqualTo(512);
        assertThat(weight.decode(code).kind()).isEqualTo(ScaleBarcodeLayout.ValueKind.WEIGHT);
    }

    @Test
    void otherFlagsAndBadCheckDigitsDoNotMatch() {
        ScaleBarcodeLayout layout = ScaleBarcodeLayout.DEFAULT;
        assertThat(layout.matches("6920000000012")).isFalse();
        String code = layout.encode("10001", 655);
        String wrongCheck = code.substring(0, 12) + ((code.charAt(12) - '0' + 1) % 10);
        assertThat(layout.matches(wrongCheck)).isFalse();
        assertThat(ScaleBarcodeLayout.parse("21:5:5:PRICE").matches(code)).isFalse();
    }

    @Test
    void refusesLayoutsThatDoNotFillAnEan13() {
        assertThatThrownBy(() -> ScaleBarcodeLayout.parse("20:5:4:PRICE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScaleBarcodeLayout.parse("30:5:5:PRICE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScaleBarcodeLayout.parse("20:x:5:PRICE")).isInstanceOf(IllegalArgumentException.class);
    }
}
