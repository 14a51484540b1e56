package org.tongpos.hardware.scanner;

import org.tongpos.hardware.escpos.Ean13;

/**
 * Tells payment codes, diner codes and goods barcodes apart so each goes to the right use.
 *
 * <ul>
 *   <li>WeChat Pay: 18 digits, prefix 10–15</li>
 *   <li>Alipay: 16–24 digits, prefix 25–30</li>
 *   <li>UnionPay QuickPass: 19 digits, prefix 62</li>
 *   <li>diner code: {@code TQ1.} prefix</li>
 *   <li>goods: EAN-8, UPC-A, EAN-13, GTIN-14 with a valid check digit (a wrong one is a misread: unknown), or a
 *       store code of up to 14 letters,
 *       digits and {@code -_.}; all-digit codes of 15 or more digits are never goods (they look like payment codes
 *       of another provider)</li>
 * </ul>
 */
public final class ScanClassifier {

    public static final String DINER_PREFIX = "TQ1.";

    public ScanClassification classify(String code) {
        if (code == null || code.isEmpty()) {
            return ScanClassification.of(ScanKind.UNKNOWN, "");
        }
        if (code.startsWith(DINER_PREFIX)) {
            boolean hasBody = code.length() > DINER_PREFIX.length();
            return ScanClassification.of(hasBody ? ScanKind.DINER_CODE : ScanKind.UNKNOWN, code);
        }
        boolean digits = allDigits(code);
        if (digits) {
            int length = code.length();
            int prefix = Integer.parseInt(code.substring(0, 2));
            if (length == 18 && prefix >= 10 && prefix <= 15) {
                return ScanClassification.payment(PaymentProvider.WECHAT, code);
            }
            if (length == 19 && prefix == 62) {
                return ScanClassification.payment(PaymentProvider.UNIONPAY, code);
            }
            if (length >= 16 && length <= 24 && prefix >= 25 && prefix <= 30) {
                return ScanClassification.payment(PaymentProvider.ALIPAY, code);
            }
            if (length == 8 || length == 12 || length == 13 || length == 14) {
                // a GTIN with a wrong check digit is a misread, not another product
                return ScanClassification.of(Ean13.hasValidCheckDigit(code) ? ScanKind.GOODS : ScanKind.UNKNOWN, code);
            }
            if (length >= 15) {
                return ScanClassification.of(ScanKind.UNKNOWN, code);
            }
        }
        if (code.length() <= 14 && isStoreCode(code)) {
            return ScanClassification.of(ScanKind.GOODS, code);
        }
        return ScanClassification.of(ScanKind.UNKNOWN, code);
    }

    private static boolean allDigits(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return code.length() >= 2;
    }

    private static boolean isStoreCode(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_'
                    || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
