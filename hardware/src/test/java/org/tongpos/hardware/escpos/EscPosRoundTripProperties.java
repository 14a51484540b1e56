package org.tongpos.hardware.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class EscPosRoundTripProperties {

    @Provide
    Arbitrary<String> receiptText() {
        Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~');
        Arbitrary<Character> hanzi = Arbitraries.chars().range('\u4E00', '\u9FA5');
        Arbitrary<Character> punctuation = Arbitraries.of('，', '。', '（', '）', '：', '￥', '·', '—');
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, ascii), net.jqwik.api.Tuple.of(5, hanzi), net.jqwik.api.Tuple.of(1, punctuation))
                .list().ofMaxSize(40)
                .map(chars -> {
                    StringBuilder sb = new StringBuilder();
                    chars.forEach(sb::append);
                    return sb.toString();
                });
    }

    @Property
    void chineseTextComesBackAsTheSameCharacters(@ForAll("receiptText") String text) {
        byte[] bytes = new EscPosEncoder().initialize().chineseMode(true).line(text).toBytes();
        assertThat(EscPosDecoder.textLines(bytes)).containsExactly(text);
    }

    @Property
    void qrStoreLengthIsTheUtf8ByteLengthForAnyText(@ForAll @StringLength(min = 1, max = 300) String data) {
        int utf8 = data.getBytes(StandardCharsets.UTF_8).length;
        byte[] bytes = new EscPosEncoder().qrCode(data, 4, QrErrorCorrection.L).toBytes();
        int store = 9 + 8 + 8;
        assertThat((bytes[store + 3] & 0xFF) | (bytes[store + 4] & 0xFF) << 8).isEqualTo(utf8 + 3);
        List<EscPosElement> elements = EscPosDecoder.decode(bytes);
        assertThat(((EscPosElement.QrCode) elements.get(0)).data()).isEqualTo(data.getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void columnsOfEncodedTextMatchTheGb18030Width(@ForAll("receiptText") String text) {
        byte[] gb = text.replace('\u00A5', '\uFFE5').getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertThat(TextWidth.columns(text)).isEqualTo(gb.length);
    }

    @Property
    void ean13WithComputedCheckDigitIsAlwaysAccepted(@ForAll @IntRange(min = 0, max = 999_999) int a,
                                                     @ForAll @IntRange(min = 0, max = 999_999) int b) {
        String twelve = String.format("%06d%06d", a, b);
        String code = twelve + Ean13.checkDigit(twelve);
        assertThat(Ean13.hasValidCheckDigit(code)).isTrue();
        byte[] bytes = new EscPosEncoder().barcode(BarcodeType.EAN13, code, 60, 2, false).toBytes();
        assertThat(((EscPosElement.Barcode) EscPosDecoder.decode(bytes).get(0)).data()).isEqualTo(twelve);
    }
}
