package org.tongpos.app.checkout.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.tongpos.app.checkout.service.CodePayments;

/**
 * What the payment step needs to take payment codes: the service, and where the seconds left are shown (the FX
 * thread in the window, a direct executor in tests). Without one the till takes cash only.
 */
public record CodeTill(CodePayments payments, Executor screen) {

    public CodeTill {
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(screen, "screen");
    }
}
