package org.tongpos.hardware.scanner;

/** What a scanned code is for. */
public enum ScanKind {
    /** A payment code on the customer's phone: goes to payment, never into the cart. */
    PAYMENT_CODE,
    /** A diner's meal QR code ({@code TQ1.} prefix): goes to the canteen. */
    DINER_CODE,
    /** A goods barcode (GTIN with a valid check digit, or a short store code). */
    GOODS,
    /** Anything else: shown as an error, never guessed. */
    UNKNOWN
}
