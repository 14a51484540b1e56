package org.tongpos.app.checkout.ui;

/**
 * The till the screen runs on, read from settings at start: what the status bar and the receipt show. (The cashier
 * is the operator logged in: the operators feature shows them in the status bar.)
 */
public record Station(String terminalId, String storeName, int receiptColumns) {
}
