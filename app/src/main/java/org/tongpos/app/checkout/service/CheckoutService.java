package org.tongpos.app.checkout.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.ScanOutcome;
import org.tongpos.app.checkout.domain.SellingStoppedException;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.checkout.store.SaleStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.sync.journal.ApiTimes;
import org.tongpos.sync.journal.JournalEntry;

/** The till's use cases: put scanned goods into the cart, and take payment, recording the sale durably. */
public final class CheckoutService {

    private final ScanResolver resolver;
    private final SaleStore sales;
    private final Clock clock;
    private final String terminalId;
    private volatile org.tongpos.app.checkout.domain.CashRounding rounding =
            org.tongpos.app.checkout.domain.CashRounding.NONE;

    public CheckoutService(ScanResolver resolver, SaleStore sales, Clock clock, String terminalId) {
        this.resolver = resolver;
        this.sales = sales;
        this.clock = clock;
        this.terminalId = terminalId;
    }

    /** The cash rounding policy (抹零); read from the settings when the terminal opens. */
    public void useCashRounding(org.tongpos.app.checkout.domain.CashRounding policy) {
        this.rounding = policy;
    }

    /** What a sale of {@code total} costs: rounded by the cash rounding policy when paid wholly in cash. */
    public Money payable(Money total, boolean allCash) {
        return allCash ? rounding.apply(total) : total;
    }

    /** Resolves a code and, when it names goods, adds them to the cart. The cart is unchanged otherwise. */
    public ScanOutcome scan(Cart cart, String code) {
        ScanOutcome outcome = resolver.resolve(code);
        if (outcome instanceof ScanOutcome.Goods goods) {
            if (goods.line().isWeighed() || goods.line().quantity() == 0) {
                cart.append(goods.line());
            } else {
                cart.addPieces(goods.line().product(), goods.line().quantity());
            }
        }
        return outcome;
    }

    public ScanOutcome resolve(String code) {
        return resolver.resolve(code);
    }

    /**
     * Takes payment for the cart and records the sale with its journal entry, on disk and fsynced, before returning.
     * The cart is left as it was; the caller starts the next sale. The session's operator is the cashier of record
     * (recorded with the sale and printed on the receipt).
     *
     * @throws PaymentException        when the offers do not settle the total; nothing is recorded then
     * @throws AccessDeniedException   when the session may not sell (an auditor); nothing is recorded then
     * @throws SellingStoppedException when selling has stopped ({@link #sellingStopped()}), or when this sale's
     *                                 outcome is unknown until a restart
     */
    public CompletedSale pay(Cart cart, List<Payment.Offer> offers, Session session) throws PaymentException {
        session.require(Permission.SELL);
        String cashier = session.recordedAs();
        boolean allCash = !offers.isEmpty()
                && offers.stream().allMatch(o -> o.method() == org.tongpos.sync.journal.TenderMethod.CASH);
        Money payable = payable(cart.total(), allCash);
        List<Tender> tenders = Payment.settle(payable, offers);
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        String txnId = UUID.randomUUID().toString();
        long change = 0;
        for (Tender t : tenders) {
            change += t.change().fen();
        }
        SaleStore.Draft draft = new SaleStore.Draft(txnId, ApiTimes.format(now), now.toLocalDate().toString(),
                cashier, cart.lines(), payable.fen(), tenders, change);
        JournalEntry entry = sales.record(draft, terminalId);
        return new CompletedSale(txnId, entry.seq(), SaleStore.receiptNumber(terminalId, entry.seq()), now,
                now.toLocalDate(), cashier, cart.lines(), payable, tenders, cart.total().minus(payable));
    }

    /**
     * Why selling has stopped, if it has (issue 7): a sale counts but the database could not take it yet (BEHIND:
     * the next sale tries again, a restart replays it), or a failing disk left a sale's outcome unknown (UNKNOWN:
     * until a restart). The screen shows it; {@link #pay} refuses while it lasts.
     */
    public Optional<SellingStoppedException> sellingStopped() {
        return sales.stopped();
    }
}
