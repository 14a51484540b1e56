package org.tongpos.hardware.escpos;

/** EAN-13 / EAN-8 / UPC check digits (weights 3 and 1 from the right). */
public final class Ean13 {

    private Ean13() {
    }

    /** Check digit for the digits without it. */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            sum += (digitsWithoutCheck.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether an all-digit code of any GTIN length ends in its correct check digit. */
    public static boolean hasValidCheckDigit(String code) {
        if (code.length() < 2 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0';
    }
}
