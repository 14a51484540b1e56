package org.tongpos.hardware.receipt;

import java.util.List;
import java.util.Objects;

/**
 * One sold item: quantity in thousandths (2 pieces = 2000, 1.234 kg = 1234), unit price and line amount in fen.
 * The amount is given, not computed here: rounding of weighed goods and discounts is the sale's business.
 * {@code notes} print under the item, indented (an item discount: 第二件半价 -1.50).
 */
public record ReceiptLine(String name, long quantityThousandths, long unitPriceFen, long amountFen,
                          List<ReceiptField> notes) {

    public ReceiptLine {
        Objects.requireNonNull(name, "name");
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An item without notes. */
    public ReceiptLine(String name, long quantityThousandths, long unitPriceFen, long amountFen) {
        this(name, quantityThousandths, unitPriceFen, amountFen, List.of());
    }

    public static ReceiptLine pieces(String name, long pieces, long unitPriceFen) {
        return new ReceiptLine(name, Math.multiplyExact(pieces, 1000L), unitPriceFen, Math.multiplyExact(pieces, unitPriceFen));
    }
}
