package org.tongpos.hardware.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosElement;
import org.tongpos.hardware.escpos.TextWidth;

class ReceiptLayoutProperties {

    @Provide
    Arbitrary<List<ReceiptLine>> lines() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').withCharRange('a', 'z')
                .withChars(' ', '（', '）', '0', '9').ofMinLength(1).ofMaxLength(40);
        Arbitrary<Long> quantity = Arbitraries.longs().between(1, 9_999_999_999L);
        Arbitrary<Long> price = Arbitraries.longs().between(0, 999_999_999L);
        Arbitrary<Long> amount = Arbitraries.longs().between(-99_999_999_999L, 999_999_999_999L);
        return Combinators.combine(names, quantity, price, amount).as(ReceiptLine::new).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<PaperWidth> papers() {
        return Arbitraries.of(PaperWidth.MM58, PaperWidth.MM80, PaperWidth.MM80_42);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').withCharRange('a', 'z').withChars(' ')
                .ofMinLength(1).ofMaxLength(30);
    }

    @Property(tries = 200)
    void noPrintedLineIsWiderThanThePaperAndEveryNameSurvives(@ForAll("lines") List<ReceiptLine> lines,
                                                              @ForAll("papers") PaperWidth paper,
                                                              @ForAll("names") String tenderMethod,
                                                              @ForAll("names") String cashier) {
        Receipt receipt = new Receipt("测试店", "R1", LocalDateTime.of(2024, 1, 1, 0, 0), cashier, lines, 0,
                lines.stream().mapToLong(ReceiptLine::amountFen).sum(), List.of(new ReceiptTender(tenderMethod, 1)), 0, "R1",
                List.of());
        byte[] bytes = new ReceiptLayout(paper, ReceiptLabels.chinese()).encode(receipt, false);

        StringBuilder all = new StringBuilder();
        for (EscPosElement element : EscPosDecoder.decode(bytes)) {
            if (element instanceof EscPosElement.TextLine line) {
                int columns = line.runs().stream().mapToInt(r -> TextWidth.columns(r.text()) * r.widthMultiplier()).sum();
                assertThat(columns).as(line.text()).isLessThanOrEqualTo(paper.columns());
                all.append(line.text()).append('\n');
            }
        }
        String printed = all.toString();
        int nameColumns = paper.columns() - 28;
        for (ReceiptLine line : lines) {
            boolean wrappedAlone = ReceiptLayout.wrap(line.name(), paper.columns()).stream().allMatch(printed::contains);
            boolean wrappedBesideNumbers = paper.columns() >= 42
                    && ReceiptLayout.wrap(line.name(), nameColumns).stream().allMatch(printed::contains);
            assertThat(wrappedAlone || wrappedBesideNumbers).as(line.name()).isTrue();
            assertThat(printed).contains(Fen.format(line.amountFen()));
        }
    }
}
