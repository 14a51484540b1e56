package org.tongpos.app.reports.domain;

/**
 * One row of a breakdown: its key (an hour "09", a date, a category, a product's name, a tender, a cashier), how many
 * sales (or lines, for products and categories) fell in it, the quantity sold (pieces or grams; 0 where it does not
 * apply), the amount, and the amount and cost of the part whose cost is known (the margin is their difference).
 */
public record ReportRow(String key, long count, long quantity, long amountFen, long costedAmountFen, long costFen) {

    /** Gross margin over the lines with a recorded cost. */
    public long marginFen() {
        return costedAmountFen - costFen;
    }

    /** True when every line of the row has a recorded cost. */
    public boolean costComplete() {
        return costedAmountFen == amountFen;
    }
}
