package org.tongpos.hardware.receipt;

/** Prints fen as yuan with two decimals, integer arithmetic only. */
public final class Fen {

    private Fen() {
    }

    public static String format(long fen) {
        StringBuilder sb = new StringBuilder(12);
        append(sb, fen);
        return sb.toString();
    }

    static void append(StringBuilder sb, long fen) {
        if (fen < 0) {
            sb.append('-');
            if (fen == Long.MIN_VALUE) {
                throw new ArithmeticException("amount out of range");
            }
            fen = -fen;
        }
        long cents = fen % 100;
        sb.append(fen / 100).append('.');
        if (cents < 10) {
            sb.append('0');
        }
        sb.append(cents);
    }

    /** 2000 → "2", 1234 → "1.234", 1500 → "1.5". */
    public static String quantity(long thousandths) {
        StringBuilder sb = new StringBuilder(8);
        if (thousandths < 0) {
            sb.append('-');
            thousandths = -thousandths;
        }
        sb.append(thousandths / 1000);
        long fraction = thousandths % 1000;
        if (fraction != 0) {
            String digits = Long.toString(1000 + fraction).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb.toString();
    }
}
