package org.tongpos.app.checkout.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongpos.app.money.domain.Money;

/**
 * A sale that is on disk with its journal entry: what the receipt shows. {@code total} is what was paid (the journal
 * amount); {@code rounding} is the cash rounding (抹零) taken off the lines' sum, zero when none.
 */
public record CompletedSale(String txnId, long seq, String receiptNo, OffsetDateTime occurredAt,
                            LocalDate businessDate, String cashier, List<CartLine> lines, Money total,
                            List<Tender> tenders, Money rounding) {

    public CompletedSale {
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        rounding = rounding == null ? Money.ZERO : rounding;
    }

    /** A sale without cash rounding. */
    public CompletedSale(String txnId, long seq, String receiptNo, OffsetDateTime occurredAt, LocalDate businessDate,
                         String cashier, List<CartLine> lines, Money total, List<Tender> tenders) {
        this(txnId, seq, receiptNo, occurredAt, businessDate, cashier, lines, total, tenders, Money.ZERO);
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
