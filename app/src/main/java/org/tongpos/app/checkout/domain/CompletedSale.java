package org.tongpos.app.checkout.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.Discount;

/**
 * A sale that is on disk with its journal entry: what the receipt shows. {@code total} is what was paid (the journal
 * amount); {@code rounding} is the cash rounding (抹零) taken off what the promotions left to pay, zero when none;
 * {@code discounts} are the promotions' discounts (negative), each printed with its name: item discounts under their
 * line ({@link Discount#lastLine()}), then the cart's and the bank's.
 */
public record CompletedSale(String txnId, long seq, String receiptNo, OffsetDateTime occurredAt,
                            LocalDate businessDate, String cashier, List<CartLine> lines, Money total,
                            List<Tender> tenders, Money rounding, List<Discount> discounts) {

    public CompletedSale {
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        rounding = rounding == null ? Money.ZERO : rounding;
        discounts = discounts == null ? List.of() : List.copyOf(discounts);
    }

    /** A sale without promotions. */
    public CompletedSale(String txnId, long seq, String receiptNo, OffsetDateTime occurredAt, LocalDate businessDate,
                         String cashier, List<CartLine> lines, Money total, List<Tender> tenders, Money rounding) {
        this(txnId, seq, receiptNo, occurredAt, businessDate, cashier, lines, total, tenders, rounding, List.of());
    }

    /** A sale without cash rounding. */
    public CompletedSale(String txnId, long seq, String receiptNo, OffsetDateTime occurredAt, LocalDate businessDate,
                         String cashier, List<CartLine> lines, Money total, List<Tender> tenders) {
        this(txnId, seq, receiptNo, occurredAt, businessDate, cashier, lines, total, tenders, Money.ZERO, List.of());
    }

    /** The lines' sum before discounts. */
    public Money subtotal() {
        Money sum = Money.ZERO;
        for (CartLine line : lines) {
            sum = sum.plus(line.amount());
        }
        return sum;
    }

    /** Every promotion discount together (negative, or zero). */
    public Money totalDiscount() {
        Money sum = Money.ZERO;
        for (Discount d : discounts) {
            sum = sum.plus(d.amount());
        }
        return sum;
    }

    public Money change() {
        Money change = Money.ZERO;
        for (Tender tender : tenders) {
            change = change.plus(tender.change());
        }
        return change;
    }

    public long itemCount() {
        long count = 0;
        for (CartLine line : lines) {
            count += line.itemCount();
        }
        return count;
    }
}
