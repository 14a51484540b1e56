package org.tongpos.app.kitchen.domain;

/**
 * An item's stock on hand: the sum of its movements (and, for a supermarket product, its sales and returns), in
 * thousandths of its unit, and their value at cost (fen); low when at or under the item's low level. {@code supplier}
 * is the supplier of its last purchase ("" before the first).
 */
public record StockLevel(String code, String name, String unit, long onHandMilli, long valueFen, long lowMilli,
                         long perMealMilli, boolean product, String supplier) {

    public boolean low() {
        return lowMilli > 0 && onHandMilli <= lowMilli;
    }

    /** Average cost of one unit on hand in whole fen (rounded half up), 0 when nothing is on hand. */
    public long averageFenPerUnit() {
        if (onHandMilli <= 0) {
            return 0;
        }
        return java.math.BigDecimal.valueOf(valueFen).movePointRight(3)
                .divide(java.math.BigDecimal.valueOf(onHandMilli), 0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
