package org.tongpos.app.reports.domain;

/**
 * One sale line as the drill-down shows it: when it was sold (the journal's time), the receipt, the cashier, the
 * product's name as printed, the quantity (pieces or grams), what was paid for it, and its cost at the time of sale
 * (null when not recorded).
 */
public record SaleLineDetail(String occurredAt, String receiptNo, String cashier, int lineNo, String product,
                             long quantity, boolean weighed, long amountFen, Long costFen) {

    /** The hour of the sale ("09"), as the by-hour breakdown keys it. */
    public String hour() {
        return occurredAt.length() >= 13 ? occurredAt.substring(11, 13) : "";
    }

    /** Paid less cost; 0 when the cost is not recorded. */
    public long marginFen() {
        return costFen == null ? 0 : amountFen - costFen;
    }
}
