package org.tongpos.app.checkout.domain;

import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Settles a cart total against what the customer offers. Cash is applied last so that any change comes from cash
 * only; non-cash methods may never exceed what is still due.
 */
public final class Payment {

    private Payment() {
    }

    /** A method and the amount offered with it; {@code cardNumber} the masked bank card number, when read. */
    public record Offer(TenderMethod method, Money offered, String reference, String cardNumber) {

        public Offer(TenderMethod method, Money offered, String reference) {
            this(method, offered, reference, "");
        }

        public Offer {
            cardNumber = cardNumber == null ? "" : cardNumber;
        }
    }

    /**
     * Turns offers into tenders for {@code total}.
     *
     * @throws PaymentException with {@link PaymentException.Reason} when the offers do not pay the total exactly
     *                          (short payment, overpaid card, two offers of one method, nothing due)
     */
    public static List<Tender> settle(Money total, List<Offer> offers) throws PaymentException {
        if (!total.isPositive()) {
            throw new PaymentException(PaymentException.Reason.NOTHING_DUE, total);
        }
        List<Offer> ordered = new ArrayList<>(offers.size());
        offers.stream().filter(o -> o.method() != TenderMethod.CASH).forEach(ordered::add);
        offers.stream().filter(o -> o.method() == TenderMethod.CASH).forEach(ordered::add);
        List<Tender> tenders = new ArrayList<>();
        Money due = total;
        java.util.EnumSet<TenderMethod> used = java.util.EnumSet.noneOf(TenderMethod.class);
        for (Offer offer : ordered) {
            if (!used.add(offer.method())) {
                throw new PaymentException(PaymentException.Reason.DUPLICATE_METHOD, due);
            }
            if (!offer.offered().isPositive()) {
                throw new PaymentException(PaymentException.Reason.NOT_POSITIVE, due);
            }
            if (!due.isPositive()) {
                throw new PaymentException(PaymentException.Reason.OVERPAID, due);
            }
            boolean cash = offer.method() == TenderMethod.CASH;
            if (!cash && due.isLessThan(offer.offered())) {
                throw new PaymentException(PaymentException.Reason.OVERPAID, due);
            }
            Money applied = due.isLessThan(offer.offered()) ? due : offer.offered();
            tenders.add(new Tender(offer.method(), applied, offer.offered(), offer.reference(),
                    offer.cardNumber()));
            due = due.minus(applied);
        }
        if (due.isPositive()) {
            throw new PaymentException(PaymentException.Reason.SHORT, due);
        }
        return tenders;
    }
}
