package org.tongpos.app.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {"6901028075831", "4006381333931", "96385074", "036000291452", "6920000000012"})
    void acceptsRealCodesWithTheirCheckDigit(String code) {
        assertThat(Gtin.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6901028075832", "96385075", "036000291453", "690102807583", "69010280758311", "",
            "69010280758a1", "６901028075831"})
    void refusesWrongCheckDigitsLengthsAndCharacters(String code) {
        assertThat(Gtin.isValid(code)).isFalse();
    }

    @Test
    void computesTheCheckDigit() {
        assertThat(Gtin.withCheckDigit("690102807583")).isEqualTo("6901028075831");
        assertThat(Gtin.withCheckDigit("9638507")).isEqualTo("96385074");
    }

    @Test
    void upcAIsTheEan13WithALeadingZero() {
        assertThat(Gtin.normalize("036000291452")).isEqualTo("0036000291452");
        assertThat(Gtin.isValid(Gtin.normalize("036000291452"))).isTrue();
    }
}
