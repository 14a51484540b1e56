package org.tongpos.app.promotions.domain;

import org.tongpos.app.money.domain.Money;

/** The part of a discount that falls on one line of the cart (negative), so that a return refunds what was paid. */
public record LineShare(int line, Money amount) {
}
