package org.tongpos.app.returns.domain;

/**
 * A line of a return without a receipt: a product at today's price. {@code units} counts pieces; a line from a scale
 * label ({@code whole}) comes back as the label's amount, 1 unit.
 */
public record NoReceiptLine(long productId, String barcode, String name, boolean whole, long units, long amountFen) {

    public NoReceiptLine {
        if (units <= 0 || amountFen <= 0) {
            throw new IllegalArgumentException("a returned line needs units and an amount: " + units + ", " + amountFen);
        }
    }
}
