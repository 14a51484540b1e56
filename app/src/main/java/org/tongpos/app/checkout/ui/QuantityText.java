package org.tongpos.app.checkout.ui;

import java.util.OptionalLong;

/** Reads what the cashier types as a quantity: whole pieces, or kilograms with up to three decimals (to grams). */
public final class QuantityText {

    public static final long MAX_PIECES = 9999;
    public static final long MAX_GRAMS = 99_999;

    private QuantityText() {
    }

    /** A piece count from 1 to {@value #MAX_PIECES}. */
    public static OptionalLong pieces(String text) {
        String s = text == null ? "" : text.strip();
        if (!s.matches("\\d{1,4}")) {
            return OptionalLong.empty();
        }
        long count = Long.parseLong(s);
        return count >= 1 && count <= MAX_PIECES ? OptionalLong.of(count) : OptionalLong.empty();
    }

    /** Kilograms such as {@code 0.512}, {@code 1.5} or {@code 2} as grams, from 1 g to {@value #MAX_GRAMS} g. */
    public static OptionalLong grams(String text) {
        String s = text == null ? "" : text.strip();
        if (!s.matches("\\d{1,2}(\\.\\d{0,3})?|\\.\\d{1,3}")) {
            return OptionalLong.empty();
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String fraction = dot < 0 ? "" : s.substring(dot + 1);
        long grams = (whole.isEmpty() ? 0 : Long.parseLong(whole)) * 1000
                + (fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, 3)));
        return grams >= 1 && grams <= MAX_GRAMS ? OptionalLong.of(grams) : OptionalLong.empty();
    }

    /** Grams as the kilograms a person reads: {@code 512 → 0.512}. */
    public static String kilograms(long grams) {
        return grams / 1000 + "." + String.format("%03d", grams % 1000);
    }
}
