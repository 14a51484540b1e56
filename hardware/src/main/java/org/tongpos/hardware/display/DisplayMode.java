package org.tongpos.hardware.display;

/** Which CD5220-family display is attached. */
public enum DisplayMode {
    /** Two 20-column text lines (VFD/LCD pole display). */
    TWO_LINE_TEXT,
    /** Chinese 8-digit LED price display: ESC s n picks the lamp (price, total, paid, change), ESC Q A the digits. */
    PRICE_LED
}
