package org.tongpos.app.reports.domain;

/**
 * A period's sales in total: sales (journal SALE entries) and their amount, the lines and their quantity, refunds
 * (journal REFUND entries), voids before payment (the audit log's VOID_LINE and VOID_SALE) and the part of the lines
 * whose cost at the time of sale is recorded, with that cost.
 */
public record SalesTotals(long sales, long salesFen, long lines, long refunds, long refundsFen, long voids,
                          long voidsFen, long costedAmountFen, long costFen) {

    public static final SalesTotals NONE = new SalesTotals(0, 0, 0, 0, 0, 0, 0, 0, 0);

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
