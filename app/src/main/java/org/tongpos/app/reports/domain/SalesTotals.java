package org.tongpos.app.reports.domain;

/**
 * A period's sales in total: sales (journal SALE entries) and their amount, the lines and their quantity, refunds
 * (journal REFUND entries), voids before payment (the audit log's VOID_LINE and VOID_SALE) and the part of the lines
 * whose cost at the time of sale is recorded, with that cost.
 */
public record SalesTotals(long sales, long salesFen, long lines, long refunds, long refundsFen, long voids,
                          long voidsFen, long costedAmountFen, long costFen, long returnedCostedFen,
                          long returnedCostFen) {

    public static final SalesTotals NONE = new SalesTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Totals without returned lines' cost (nothing returned with a recorded cost). */
    public SalesTotals(long sales, long salesFen, long lines, long refunds, long refundsFen, long voids,
                       long voidsFen, long costedAmountFen, long costFen) {
        this(sales, salesFen, lines, refunds, refundsFen, voids, voidsFen, costedAmountFen, costFen, 0, 0);
    }

    /**
     * Gross margin net of returns: the margin of the lines sold with a recorded cost, less that of the returned lines
     * with a recorded cost (their refund less their cost at the time of sale, pro rata to the quantity returned).
     * Refunds without return lines (no line known) are not in it.
     */
    public long netMarginFen() {
        return marginFen() - (returnedCostedFen - returnedCostFen);
    }

    /** Sales less refunds. */
    public long netFen() {
        return salesFen - refundsFen;
    }

    /** Average sale (basket) in fen, 0 without sales. */
    public long averageSaleFen() {
        return sales == 0 ? 0 : Math.round((double) salesFen / sales);
    }

    public long marginFen() {
        return costedAmountFen - costFen;
    }
}
