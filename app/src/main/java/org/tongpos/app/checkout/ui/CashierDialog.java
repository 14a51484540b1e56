package org.tongpos.app.checkout.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/** A dialog of the cashier screen, drawn over it: its content and the node that takes the keyboard when shown. */
interface CashierDialog {

    Region root();

    Node focusTarget();

    /** Called once the dialog shows and has the focus. */
    default void shown() {
    }
}
