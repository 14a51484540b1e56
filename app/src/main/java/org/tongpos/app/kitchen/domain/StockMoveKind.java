package org.tongpos.app.kitchen.domain;

/** A movement of kitchen stock. */
public enum StockMoveKind {
    /** A purchase received: quantity and value in. */
    IN,
    /** Issued to the kitchen for a meal period: out at the average cost on hand. */
    ISSUE,
    /** A stock count: the variance against what the movements say, with a reason. */
    COUNT,
    /** Thrown away: out at the average cost on hand, with a reason. */
    WASTE
}
