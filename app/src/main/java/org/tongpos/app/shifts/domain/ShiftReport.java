package org.tongpos.app.shifts.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tongpos.app.money.domain.Money;

/**
 * An X report (at any time, the shift stays open) or a Z report (closes the shift, with the drawer's count).
 *
 * @param voids       voids of lines and sales in the shift, from the audit log
 * @param discounts   discounts by promotion name, as the sales recorded them
 * @param count       Z only: what the cashier counted
 * @param reason      Z only: why over or short (empty when within tolerance)
 */
public record ShiftReport(Kind kind, Shift shift, String printedAt, String printedBy, ShiftFigures figures,
                          List<CashMovement> movements, VoidSummary voids, Map<String, Money> discounts,
                          Optional<DrawerCount> count, String reason) {

    /** X reads, Z closes. */
    public enum Kind {
        X,
        Z
    }

    /** How many voids and their amount. */
    public record VoidSummary(int lines, int sales, Money amount) {
    }

    public ShiftReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(shift, "shift");
        movements = List.copyOf(movements);
        discounts = Map.copyOf(discounts);
        Objects.requireNonNull(count, "count");
        reason = reason == null ? "" : reason;
    }

    /** Counted minus expected: positive over, negative short; empty on an X report. */
    public Optional<Money> overShort() {
        return count.map(c -> c.total().minus(figures.expectedCash()));
    }
}
