package org.tongpos.app.shifts.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The money of a shift as its journal entries and drawer movements say: sales and refunds (count and amount), each
 * tender method's net (sales minus refunds), paid-in and paid-out, and the cash the drawer should hold:
 * {@code opening cash + cash sales − cash refunds + paid-in − paid-out}, to the fen. Meals are not the till's and are left out.
 */
public final class ShiftFigures {

    private final Money openingFloat;
    private int sales;
    private Money salesTotal = Money.ZERO;
    private int refunds;
    private Money refundsTotal = Money.ZERO;
    private final Map<TenderMethod, Money> salesByMethod = new EnumMap<>(TenderMethod.class);
    private final Map<TenderMethod, Money> refundsByMethod = new EnumMap<>(TenderMethod.class);
    private Money paidIn = Money.ZERO;
    private Money paidOut = Money.ZERO;

    private ShiftFigures(Money openingFloat) {
        this.openingFloat = openingFloat;
    }

    /** Sums {@code entries} (those of kinds other than SALE and REFUND are skipped) and {@code movements}. */
    public static ShiftFigures of(Money openingFloat, Iterable<JournalEntry> entries, List<CashMovement> movements) {
        ShiftFigures figures = new ShiftFigures(openingFloat);
        for (JournalEntry entry : entries) {
            figures.add(entry);
        }
        for (CashMovement movement : movements) {
            if (movement.kind() == CashMovement.Kind.PAID_IN) {
                figures.paidIn = figures.paidIn.plus(movement.amount());
            } else {
                figures.paidOut = figures.paidOut.plus(movement.amount());
            }
        }
        return figures;
    }

    private void add(JournalEntry entry) {
        Map<TenderMethod, Money> byMethod;
        if (entry.kind() == EntryKind.SALE) {
            sales++;
            salesTotal = salesTotal.plus(Money.ofFen(entry.amountFen()));
            byMethod = salesByMethod;
        } else if (entry.kind() == EntryKind.REFUND) {
            refunds++;
            refundsTotal = refundsTotal.plus(Money.ofFen(entry.amountFen()));
            byMethod = refundsByMethod;
        } else {
            return;
        }
        for (EntryTender tender : entry.tenders()) {
            byMethod.merge(tender.method(), Money.ofFen(tender.amountFen()), Money::plus);
        }
    }

    public Money openingFloat() {
        return openingFloat;
    }

    public int sales() {
        return sales;
    }

    public Money salesTotal() {
        return salesTotal;
    }

    public int refunds() {
        return refunds;
    }

    public Money refundsTotal() {
        return refundsTotal;
    }

    /** Sales by tender method (what went to each method, change not included). */
    public Map<TenderMethod, Money> salesByMethod() {
        return Collections.unmodifiableMap(salesByMethod);
    }

    public Map<TenderMethod, Money> refundsByMethod() {
        return Collections.unmodifiableMap(refundsByMethod);
    }

    /** Sales minus refunds of one method. */
    public Money net(TenderMethod method) {
        return salesByMethod.getOrDefault(method, Money.ZERO).minus(refundsByMethod.getOrDefault(method, Money.ZERO));
    }

    public Money paidIn() {
        return paidIn;
    }

    public Money paidOut() {
        return paidOut;
    }

    /** What the drawer should hold: opening cash + cash sales − cash refunds + paid-in − paid-out. */
    public Money expectedCash() {
        return openingFloat.plus(net(TenderMethod.CASH)).plus(paidIn).minus(paidOut);
    }
}
