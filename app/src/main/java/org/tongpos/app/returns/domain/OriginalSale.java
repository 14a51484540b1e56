package org.tongpos.app.returns.domain;

import java.util.List;
import org.tongpos.sync.journal.TenderMethod;

/**
 * A recorded sale as a return sees it: its lines with what is left to return, and its tenders with what is left to
 * refund to each.
 */
public record OriginalSale(String txnId, String receiptNo, long seq, long totalFen, List<Line> lines,
                           List<TenderLeft> tenders) {

    public OriginalSale {
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
    }

    /**
     * One line of the sale. {@code quantity} is pieces, or grams for weighed goods (returned whole); 0 for a scale
     * label's package (returned whole, as 1).
     */
    public record Line(int lineNo, String barcode, String name, boolean weighed, long quantity, long amountFen,
                       long returnedQuantity, long returnedFen) {

        /** Units as a return counts them: pieces, or 1 for a weighed line or a package. */
        public long units() {
            return weighed || quantity == 0 ? 1 : quantity;
        }

        /** Units of a weighed line or package already returned count as the whole. */
        public long unitsLeft() {
            return units() - (weighed || quantity == 0 ? Math.min(1, returnedQuantity) : returnedQuantity);
        }

        /** What returning {@code units} more of it pays back: exact to the fen over every return of the line. */
        public long amountFor(long units) {
            long before = units() - unitsLeft();
            return amountFen * (before + units) / units() - amountFen * before / units();
        }
    }

    /** A tender of the sale and how much of it has been refunded. */
    public record TenderLeft(TenderMethod method, long amountFen, String reference, long refundedFen) {
        public long leftFen() {
            return amountFen - refundedFen;
        }
    }
}
