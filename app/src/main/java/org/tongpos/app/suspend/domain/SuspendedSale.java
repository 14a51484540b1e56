package org.tongpos.app.suspend.domain;

import java.util.List;
import org.tongpos.app.money.domain.Money;

/** A suspended sale (挂单) as the list shows it, with its lines as they were priced when it was suspended. */
public record SuspendedSale(long id, String suspendedAt, String cashier, Money total, List<Line> lines) {

    public SuspendedSale {
        lines = List.copyOf(lines);
    }

    /** A line as suspended: quantity is pieces, grams, or 0 for a scale-priced package. */
    public record Line(String barcode, String name, long quantity, Money unitPrice, Money amount) {
    }
}
