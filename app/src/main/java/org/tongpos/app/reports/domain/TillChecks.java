package org.tongpos.app.reports.domain;

import java.util.List;

/**
 * What the till's own records add to a sales report: the discounts given, by promotion, and the cash over or short
 * counted at each shift closed in the range.
 */
public record TillChecks(List<Discount> discounts, List<ShiftCount> shifts) {

    public static final TillChecks NONE = new TillChecks(List.of(), List.of());

    public TillChecks {
        discounts = List.copyOf(discounts);
        shifts = List.copyOf(shifts);
    }

    /** The discounts of one promotion on the range's sales: how many sales had it, and how much it took off. */
    public record Discount(String promotionId, String name, long sales, long amountFen) {
    }

    /** A shift closed in the range: the cash the drawer should have held and what was counted. */
    public record ShiftCount(long shiftId, String openedBy, String closedAt, String closedBy, long expectedFen,
                             long countedFen, String reason) {
        public long overShortFen() {
            return countedFen - expectedFen;
        }
    }

    public long discountFen() {
        return discounts.stream().mapToLong(Discount::amountFen).sum();
    }

    public long overShortFen() {
        return shifts.stream().mapToLong(ShiftCount::overShortFen).sum();
    }
}
