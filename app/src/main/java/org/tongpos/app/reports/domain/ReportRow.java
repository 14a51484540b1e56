package org.tongpos.app.reports.domain;

/**
 * One row of a breakdown: its key (an hour "09", a date, a category, a product's name, a tender, a cashier), how many
 * sales (or lines, for products and categories) fell in it, the quantity sold (pieces or grams; 0 where it does not
 * apply), the amount, and the amount and cost of the part whose cost is known (the margin is their difference); and
 * the refunds (journal REFUND entries) that fall in it: by hour and day when refunded, by tender as refunded, by cashier
 * who refunded, by product and category the returned lines (a refund without return lines counts only in the totals).
 */
public record ReportRow(String key, long count, long quantity, long amountFen, long costedAmountFen, long costFen,
                        long refunds, long refundFen) {

    public ReportRow(String key, long count, long quantity, long amountFen, long costedAmountFen, long costFen) {
        this(key, count, quantity, amountFen, costedAmountFen, costFen, 0, 0);
    }

    /** The same row with these refunds. */
    public ReportRow withRefunds(long refundCount, long refundAmountFen) {
        return new ReportRow(key, count, quantity, amountFen, costedAmountFen, costFen, refundCount, refundAmountFen);
    }

    /** Sales less refunds. */
    public long netFen() {
        return amountFen - refundFen;
    }

    /** Gross margin over the lines with a recorded cost. */
    public long marginFen() {
        return costedAmountFen - costFen;
    }

    /** True when every line of the row has a recorded cost. */
    public boolean costComplete() {
        return costedAmountFen == amountFen;
    }
}
