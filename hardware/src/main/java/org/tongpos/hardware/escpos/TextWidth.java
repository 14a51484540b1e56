package org.tongpos.hardware.escpos;

/**
 * Printed width in columns: in Chinese mode a thermal printer prints every double-byte character (汉字, full-width
 * ￥, Chinese punctuation) in a double-width cell, and ASCII in a single one.
 */
public final class TextWidth {

    private TextWidth() {
    }

    public static int columns(int codePoint) {
        return codePoint < 0x80 ? 1 : 2;
    }

    public static int columns(CharSequence text) {
        int columns = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            columns += c < 0x80 ? 1 : 2;
        }
        return columns;
    }
}
