package org.tongpos.app.catalog.domain;

/**
 * How this store's scales print EAN-13 barcodes: {@code FLAG ITEM VALUE C}, e.g. {@code 20 | 12345 | 01234 | C}
 * for flag {@code "20"}, a 5-digit item code and a 5-digit price in fen. The flag, the lengths and whether the value
 * is a price (fen) or a weight (grams) are per store, so they come from configuration.
 */
public record ScaleBarcodeLayout(String flag, int itemDigits, int valueDigits, ValueKind valueKind) {

    /** What the value digits of a scale barcode carry. */
    public enum ValueKind {
        /** The line's price in fen. */
        PRICE,
        /** The weight in grams. */
        WEIGHT
    }

    public static final ScaleBarcodeLayout DEFAULT = new ScaleBarcodeLayout("20", 5, 5, ValueKind.PRICE);

    public ScaleBarcodeLayout {
        if (flag == null || !flag.matches("2\\d?")) {
            throw new IllegalArgumentException("scale barcode flag must be '2' or two digits starting with 2: " + flag);
        }
        if (itemDigits < 1 || valueDigits < 1 || flag.length() + itemDigits + valueDigits != 12) {
            throw new IllegalArgumentException("flag, item and value must fill the 12 data digits of an EAN-13");
        }
    }

    /** Parses {@code "20:5:5:PRICE"} (flag:itemDigits:valueDigits:PRICE|WEIGHT). */
    public static ScaleBarcodeLayout parse(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("scale layout must look like 20:5:5:PRICE, got: " + text);
        }
        try {
            return new ScaleBarcodeLayout(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    ValueKind.valueOf(parts[3].toUpperCase(java.util.Locale.ROOT)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scale layout must look like 20:5:5:PRICE, got: " + text, e);
        }
    }

    public String format() {
        return flag + ":" + itemDigits + ":" + valueDigits + ":" + valueKind;
    }

    /** True when {@code code} is a valid EAN-13 that starts with this store's flag. */
    public boolean matches(String code) {
        return code.length() == 13 && code.startsWith(flag) && Gtin.isValid(code);
    }

    /** Splits a matching code into item code and value; call only when {@link #matches(String)} is true. */
    public ScaleBarcode decode(String code) {
        if (!matches(code)) {
            throw new IllegalArgumentException("not a scale barcode of this store: " + code);
        }
        int itemStart = flag.length();
        int valueStart = itemStart + itemDigits;
        String item = code.substring(itemStart, valueStart);
        long value = Long.parseLong(code.substring(valueStart, valueStart + valueDigits));
        return new ScaleBarcode(code, item, valueKind, value);
    }

    /** Builds a scale barcode for an item and value, as a scale would print it (used by demo data and tests). */
    public String encode(String itemCode, long value) {
        String item = leftPad(itemCode, itemDigits);
        String val = leftPad(Long.toString(value), valueDigits);
        if (item.length() != itemDigits || val.length() != valueDigits) {
            throw new IllegalArgumentException("item code or value too long for this layout");
        }
        return Gtin.withCheckDigit(flag + item + val);
    }

    private static String leftPad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
