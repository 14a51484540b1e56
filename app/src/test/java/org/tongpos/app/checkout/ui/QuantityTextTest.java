package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTextTest {

    @ParameterizedTest
    @CsvSource({"1,1", "12,12", " 3 ,3", "9999,9999"})
    void readsWholePieces(String text, long pieces) {
        assertThat(QuantityText.pieces(text)).hasValue(pieces);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "1.5", "10000", "abc", "1e3"})
    void refusesAnythingButPiecesFromOneTo9999(String text) {
        assertThat(QuantityText.pieces(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0.512,512", "1.5,1500", "2,2000", ".25,250", "0.001,1", "99.999,99999", "1.,1000"})
    void readsKilogramsAsGrams(String text, long grams) {
        assertThat(QuantityText.grams(text)).hasValue(grams);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0.000", "0.0004", "100", "-1", "1,5", "kg", "1.2345"})
    void refusesWeightsOutsideOneGramTo99Kilograms(String text) {
        assertThat(QuantityText.grams(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"512,0.512", "1500,1.500", "7,0.007", "99999,99.999"})
    void writesGramsAsKilograms(long grams, String text) {
        assertThat(QuantityText.kilograms(grams)).isEqualTo(text);
    }
}
