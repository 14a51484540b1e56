package org.tongpos.app.catalog.domain;

/** Retail barcodes with a GS1 check digit: EAN-13, EAN-8 and UPC-A. */
public final class Gtin {

    private Gtin() {
    }

    /** True for an all-digit EAN-13, EAN-8 or UPC-A code whose check digit is right. */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        int length = code.length();
        if (length != 8 && length != 12 && length != 13) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checkDigit(code.substring(0, length - 1)) == code.charAt(length - 1) - '0';
    }

    /** The GS1 check digit for the digits before it (weights 3,1,3,… from the right). */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        boolean weightThree = true;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            int d = digitsWithoutCheck.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit string: " + digitsWithoutCheck);
            }
            sum += weightThree ? d * 3 : d;
            weightThree = !weightThree;
        }
        return (10 - sum % 10) % 10;
    }

    /** Appends the check digit: {@code withCheckDigit("690123456789") → "6901234567892"}. */
    public static String withCheckDigit(String digitsWithoutCheck) {
        return digitsWithoutCheck + checkDigit(digitsWithoutCheck);
    }

    /** A UPC-A code is the EAN-13 code with a leading zero; other codes are returned unchanged. */
    public static String normalize(String code) {
        return code.length() == 12 ? "0" + code : code;
    }
}
