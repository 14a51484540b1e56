package org.tongpos.app.promotions.domain;

/**
 * When a promotion is worked out. Item promotions first (each product takes at most one), then the store's cart
 * promotions on what the items cost after their discounts, then the bank's offers on what is left to pay.
 */
public enum Stage {
    ITEM,
    CART,
    TENDER
}
