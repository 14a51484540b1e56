package org.tongpos.app.money.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesYuanWithAtMostTwoDecimals() {
        assertThat(Money.parseYuan("12").fen()).isEqualTo(1200);
        assertThat(Money.parseYuan("12.5").fen()).isEqualTo(1250);
        assertThat(Money.parseYuan(" 0.05 ").fen()).isEqualTo(5);
        assertThat(Money.parseYuan("-3.05").fen()).isEqualTo(-305);
    }

    @Test
    void refusesTextThatIsNotAYuanAmount() {
        for (String bad : new String[] {"", "1.234", "abc", "1,5", "1e3", "¥3", ".5", "--1"}) {
            assertThatThrownBy(() -> Money.parseYuan(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesTheFormsTheHandParserCouldSlipOn() {
        for (String bad : new String[] {"-", "1.", "-.5", "+1", "1.2.3", "1 2", "1234567890123456", "1.5-", "٣",
                "1.٣", "12,", " - 1"}) {
            assertThatThrownBy(() -> Money.parseYuan(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not a yuan amount with at most two decimals: '" + bad + "'");
        }
        assertThat(Money.parseYuan("123456789012345.99").fen()).isEqualTo(12_345_678_901_234_599L);
        assertThat(Money.parseYuan("-0").fen()).isZero();
        assertThat(Money.parseYuan("007.1").fen()).isEqualTo(710);
    }

    @Property
    void parsesValidAmountsAsBigDecimalDoes(@ForAll("yuanTexts") String text) {
        long expected = new BigDecimal(text).movePointRight(2).longValueExact();
        assertThat(Money.parseYuan(text).fen()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> yuanTexts() {
        Arbitrary<String> sign = Arbitraries.of("", "-");
        Arbitrary<String> yuan = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15);
        Arbitrary<String> decimals = Arbitraries.of("", ".", ".")
                .flatMap(dot -> dot.isEmpty() ? Arbitraries.just("")
                        : Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(2).map(d -> "." + d));
        return Combinators.combine(sign, yuan, decimals).as((s, y, d) -> s + y + d);
    }

    @Property
    void acceptsExactlyWhatTheFormerPatternAccepted(@ForAll("nearlyAmounts") String text) {
        boolean pattern = text.strip().matches("-?\\d{1,15}(\\.\\d{1,2})?");
        boolean parsed;
        try {
            Money.parseYuan(text);
            parsed = true;
        } catch (IllegalArgumentException e) {
            parsed = false;
        }
        assertThat(parsed).as("'%s'", text).isEqualTo(pattern);
    }

    /** Short strings of the characters an amount is made of, plus a few that must spoil it. */
    @Provide
    Arbitrary<String> nearlyAmounts() {
        return Arbitraries.strings().withChars("0123456789.-- +a٣").ofMaxLength(20);
    }

    @Test
    void formatsWithTwoDecimals() {
        assertThat(Money.ofFen(1555).toYuanString()).isEqualTo("15.55");
        assertThat(Money.ofFen(5).toYuanString()).isEqualTo("0.05");
        assertThat(Money.ofFen(-1205).toYuanString()).isEqualTo("-12.05");
    }

    @Test
    void arithmeticThrowsOnOverflowInsteadOfWrapping() {
        Money max = Money.ofFen(Long.MAX_VALUE);
        assertThatThrownBy(() -> max.plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE).negate()).isInstanceOf(ArithmeticException.class);
    }

    @Property
    void formattingThenParsingGivesTheSameAmount(@ForAll @LongRange(min = -99_999_999_999L, max = 99_999_999_999L) long fen) {
        assertThat(Money.parseYuan(Money.ofFen(fen).toYuanString()).fen()).isEqualTo(fen);
    }

    @Test
    void weighedGoodsRoundHalfUpToTheFen() {
        // 12.80/kg × 0.512 kg = 6.5536 → 6.55; 3.33/kg × 0.5 kg = 1.665 → 1.67
        assertThat(Rounding.weighedAmount(Money.ofFen(1280), 512).fen()).isEqualTo(655);
        assertThat(Rounding.weighedAmount(Money.ofFen(333), 500).fen()).isEqualTo(167);
        assertThat(Rounding.percentOf(Money.ofFen(999), 15).fen()).isEqualTo(150);
        assertThat(Rounding.divideHalfUp(-5, 10)).isEqualTo(-1);
        assertThat(Rounding.divideHalfUp(-4, 10)).isEqualTo(0);
    }
}
