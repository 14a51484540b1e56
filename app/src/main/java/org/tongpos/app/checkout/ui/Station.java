package org.tongpos.app.checkout.ui;

/** The till the screen runs on, read from settings at start: what the status bar and the receipt show. */
public record Station(String terminalId, String storeName, String cashier, int receiptColumns) {
}
