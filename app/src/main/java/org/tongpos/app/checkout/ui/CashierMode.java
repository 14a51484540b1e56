package org.tongpos.app.checkout.ui;

/** What the cashier screen is doing: scanning, or one of its dialogs. */
public enum CashierMode {
    SCANNING, SEARCH, ENTRY, CONFIRM_CLEAR, VOID_REASON, APPROVAL, PAYMENT, RECEIPT, SETTINGS
}
