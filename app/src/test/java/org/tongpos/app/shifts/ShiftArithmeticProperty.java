package org.tongpos.app.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.shifts.domain.CashMovement;
import org.tongpos.app.shifts.domain.ShiftFigures;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/** Expected cash = float + cash sales − cash refunds + paid-in − paid-out, to the fen, whatever the mix. */
class ShiftArithmeticProperty {

    /** One journal entry's kind and its tenders (cash and another method). */
    record Txn(EntryKind kind, long cashFen, TenderMethod other, long otherFen) {
    }

    @Property(tries = 300)
    void expectedCashIsFloatPlusCashSalesMinusCashRefundsPlusPaidInMinusPaidOut(
            @ForAll @LongRange(min = 0, max = 10_000_00) long floatFen,
            @ForAll("txns") List<Txn> txns,
            @ForAll("movements") List<CashMovement> movements) {
        List<JournalEntry> entries = new ArrayList<>();
        long cashSales = 0;
        long cashRefunds = 0;
        long seq = 1;
        for (Txn txn : txns) {
            List<EntryTender> tenders = new ArrayList<>();
            if (txn.cashFen() > 0) {
                tenders.add(new EntryTender(TenderMethod.CASH, txn.cashFen(), ""));
            }
            if (txn.otherFen() > 0) {
                tenders.add(new EntryTender(txn.other(), txn.otherFen(), "R" + seq));
            }
            if (tenders.isEmpty()) {
                continue;
            }
            String original = txn.kind().isCredit() ? UUID.randomUUID().toString() : "";
            entries.add(JournalEntry.create(seq++, UUID.randomUUID().toString(), txn.kind(), "2026-12-05T10:00:00+08:00",
                    "2026-12-05", txn.cashFen() + txn.otherFen(), tenders, original, "0".repeat(64)));
            switch (txn.kind()) {
                case SALE -> cashSales += txn.cashFen();
                case REFUND -> cashRefunds += txn.cashFen();
                default -> { } // meals are not the till's cash
            }
        }
        long paidIn = movements.stream().filter(m -> m.kind() == CashMovement.Kind.PAID_IN)
                .mapToLong(m -> m.amount().fen()).sum();
        long paidOut = movements.stream().filter(m -> m.kind() == CashMovement.Kind.PAID_OUT)
                .mapToLong(m -> m.amount().fen()).sum();

        ShiftFigures figures = ShiftFigures.of(Money.ofFen(floatFen), entries, movements);

        assertThat(figures.expectedCash().fen()).isEqualTo(floatFen + cashSales - cashRefunds + paidIn - paidOut);
        assertThat(figures.net(TenderMethod.CASH).fen()).isEqualTo(cashSales - cashRefunds);
        long salesTotal = entries.stream().filter(e -> e.kind() == EntryKind.SALE).mapToLong(JournalEntry::amountFen)
                .sum();
        assertThat(figures.salesTotal().fen()).isEqualTo(salesTotal);
    }

    @Provide
    Arbitrary<List<Txn>> txns() {
        return Combinators.combine(Arbitraries.of(EntryKind.class), Arbitraries.longs().between(0, 500_00),
                        Arbitraries.of(TenderMethod.PAYMENT_CODE, TenderMethod.BANK_CARD), Arbitraries.longs().between(0, 500_00))
                .as(Txn::new).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<CashMovement>> movements() {
        return Combinators.combine(Arbitraries.of(CashMovement.Kind.class), Arbitraries.longs().between(1, 2_000_00),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8))
                .as((kind, fen, reason) -> new CashMovement(kind, Money.ofFen(fen), reason, "2026-12-05T10:00:00+08:00",
                        "001"))
                .list().ofMaxSize(10);
    }
}
