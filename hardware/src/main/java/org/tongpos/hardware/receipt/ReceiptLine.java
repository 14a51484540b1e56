package org.tongpos.hardware.receipt;

import java.util.Objects;

/**
 * One sold item: quantity in thousandths (2 pieces = 2000, 1.234 kg = 1234), unit price and line amount in fen.
 * The amount is given, not computed here: rounding of weighed goods and discounts is the sale's business.
 */
public record ReceiptLine(String name, long quantityThousandths, long unitPriceFen, long amountFen) {

    public ReceiptLine {
        Objects.requireNonNull(name, "name");
    }

    public static ReceiptLine pieces(String name, long pieces, long unitPriceFen) {
        return new ReceiptLine(name, Math.multiplyExact(pieces, 1000L), unitPriceFen, Math.multiplyExact(pieces, unitPriceFen));
    }
}
