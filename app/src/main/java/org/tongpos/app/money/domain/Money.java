package org.tongpos.app.money.domain;

import java.util.Objects;

/**
 * An amount of Chinese yuan held as integer fen (分). Immutable; arithmetic throws on overflow instead of
 * wrapping. Any division goes through {@link Rounding}, the one rounding policy of the terminal.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    private final long fen;

    private Money(long fen) {
        this.fen = fen;
    }

    public static Money ofFen(long fen) {
        return fen == 0 ? ZERO : new Money(fen);
    }

    /**
     * Parses a yuan amount with at most two decimals ({@code "12"}, {@code "12.5"}, {@code "12.50"}, {@code "-3.05"}).
     *
     * @throws IllegalArgumentException when the text is not such an amount
     */
    public static Money parseYuan(String text) {
        return ofFen(YuanText.parseFen(text));
    }

    public long fen() {
        return fen;
    }

    public Money plus(Money other) {
        return ofFen(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return ofFen(Math.multiplyExact(fen, factor));
    }

    public Money negate() {
        return ofFen(Math.negateExact(fen));
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isLessThan(Money other) {
        return fen < other.fen;
    }

    /** Plain yuan text with two decimals, e.g. {@code 12.50} or {@code -0.05}; no currency sign. */
    public String toYuanString() {
        return YuanText.format(fen);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && other.fen == fen;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fen);
    }

    @Override
    public String toString() {
        return "¥" + toYuanString();
    }

    /** Text conversions between fen and yuan. */
    static final class YuanText {
        private YuanText() {
        }

        static String format(long fen) {
            String sign = fen < 0 ? "-" : "";
            long abs = Math.abs(fen);
            long yuan = abs / 100;
            long cents = abs % 100;
            return sign + yuan + '.' + (cents < 10 ? "0" : "") + cents;
        }

        /** Parses {@code -?\d{1,15}(\.\d{1,2})?} (ASCII digits, after strip) by hand: an import parses prices by the 100,000. */
        static long parseFen(String text) {
            Objects.requireNonNull(text, "text");
            String s = text.strip();
            int i = s.startsWith("-") ? 1 : 0;
            int digitsFrom = i;
            long yuan = 0;
            while (i < s.length() && isDigit(s.charAt(i))) {
                yuan = yuan * 10 + (s.charAt(i++) - '0');
            }
            int yuanDigits = i - digitsFrom;
            long cents = 0;
            int centDigits = 0;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                while (i < s.length() && isDigit(s.charAt(i)) && centDigits < 3) {
                    cents = cents * 10 + (s.charAt(i++) - '0');
                    centDigits++;
                }
                if (centDigits == 0 || centDigits > 2) {
                    throw notAnAmount(text);
                }
                cents = centDigits == 1 ? cents * 10 : cents;
            }
            if (yuanDigits < 1 || yuanDigits > 15 || i != s.length()) {
                throw notAnAmount(text);
            }
            long fen = yuan * 100 + cents; // at most 15 digits of yuan: cannot overflow
            return digitsFrom == 1 ? -fen : fen;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static IllegalArgumentException notAnAmount(String text) {
            return new IllegalArgumentException("not a yuan amount with at most two decimals: '" + text + "'");
        }
    }
}
