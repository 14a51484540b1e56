package org.tongpos.app.checkout.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.checkout.domain.Quote;
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
import org.tongpos.app.promotions.domain.BankTender;
import org.tongpos.app.promotions.domain.CapUse;
import org.tongpos.app.promotions.domain.Discount;
import org.tongpos.app.promotions.domain.PricedCart;
import org.tongpos.app.promotions.domain.PricingLine;
import org.tongpos.app.promotions.service.BankOfferCaps;
import org.tongpos.app.promotions.service.BankTenders;
import org.tongpos.app.promotions.service.PromotionPricing;
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
    /** The active promotions; null: none (every sale at list price). */
    private volatile PromotionPricing promotions;
    private final BankTenders bankTenders = new BankTenders();

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

    /** Prices every sale with the active promotions (docs/promotions.md); the composition root sets it. */
    public void usePromotions(PromotionPricing pricing) {
        this.promotions = pricing;
    }

    /**
     * What the cart costs {@code customer} paying with {@code offers} (their amounts do not matter here, only their
     * methods and references): the active promotions now, with the bank's offers when the bank's tender pays it all
     * (a single {@code BANK_CARD} offer, or a single {@code PAYMENT_CODE} offer whose code is the bank's), and cash
     * rounding when paid wholly in cash. Reads the database only for the payer's cap uses (with the bank's tender).
     */
    public Quote quote(Cart cart, Customer customer, List<Payment.Offer> offers) {
        PricedCart priced = price(cart, customer, bankTender(customer, offers));
        return new Quote(priced, payable(priced.payable(), allCash(offers)));
    }

    /** The cart priced for {@code customer} without a tender yet (what the screen shows while scanning). */
    public PricedCart price(Cart cart, Customer customer) {
        return price(cart, customer, java.util.Optional.empty());
    }

    private PricedCart price(Cart cart, Customer customer, java.util.Optional<BankTender> tender) {
        List<PricingLine> lines = new ArrayList<>(cart.size());
        for (CartLine line : cart.lines()) {
            lines.add(new PricingLine(line.product(), line.quantity(), line.amount()));
        }
        PromotionPricing pricing = promotions;
        if (pricing == null) {
            return new PricedCart(lines, cart.total(), List.of(), cart.total(), List.of(), List.of());
        }
        return pricing.price(lines, customer.member(), tender);
    }

    /** The bank's tender of a sale, when one tender of the bank's pays all of it (docs/promotions.md). */
    java.util.Optional<BankTender> bankTender(Customer customer, List<Payment.Offer> offers) {
        if (offers.size() != 1) {
            return java.util.Optional.empty();
        }
        Payment.Offer only = offers.get(0);
        return switch (only.method()) {
            case BANK_CARD -> java.util.Optional.of(bankTenders.card(customer.cardNumber()));
            case PAYMENT_CODE -> bankTenders.paymentCode(only.reference().strip(), customer.codePayerKey());
            default -> java.util.Optional.empty();
        };
    }

    private static boolean allCash(List<Payment.Offer> offers) {
        return !offers.isEmpty()
                && offers.stream().allMatch(o -> o.method() == org.tongpos.sync.journal.TenderMethod.CASH);
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
        return pay(cart, offers, session, Customer.NOBODY);
    }

    /** As {@link #pay(Cart, List, Session)}, priced for {@code customer} (member prices, the bank's offers). */
    public CompletedSale pay(Cart cart, List<Payment.Offer> offers, Session session, Customer customer)
            throws PaymentException {
        session.require(Permission.SELL);
        return pay(cart, offers, session, quote(cart, customer, offers));
    }

    /**
     * Records the sale at the price {@code quote} gave (a payment code was charged for it before this is called). The
     * capped bank offers it uses are checked against their caps and recorded in the sale's own transaction.
     *
     * @throws PaymentException with {@code OFFER_USED_UP} when a capped bank offer was used up meanwhile: nothing is
     *                          recorded, the cart must be priced again
     */
    public CompletedSale pay(Cart cart, List<Payment.Offer> offers, Session session, Quote quote)
            throws PaymentException {
        session.require(Permission.SELL);
        if (quote.priced().lines().size() != cart.size() || !quote.subtotal().equals(cart.total())) {
            throw new IllegalArgumentException("the quote is not for this cart");
        }
        String cashier = session.recordedAs();
        Money payable = quote.payable();
        List<Tender> tenders = Payment.settle(payable, offers);
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        String txnId = UUID.randomUUID().toString();
        long change = 0;
        for (Tender t : tenders) {
            change += t.change().fen();
        }
        PricedCart priced = quote.priced();
        long[] paid = new long[cart.size()];
        for (int i = 0; i < paid.length; i++) {
            paid[i] = priced.netOf(i).fen();
        }
        List<SaleStore.DiscountLine> discounts = new ArrayList<>(priced.discounts().size());
        for (Discount d : priced.discounts()) {
            discounts.add(new SaleStore.DiscountLine(d.promotionId(), d.name(), d.kind().name(), d.stage().name(),
                    d.amount().fen(), d.stage() == org.tongpos.app.promotions.domain.Stage.ITEM ? d.lastLine() + 1 : 0));
        }
        List<SaleStore.CapUse> caps = new ArrayList<>(priced.capUses().size());
        for (CapUse use : priced.capUses()) {
            caps.add(new SaleStore.CapUse(use.promotionId(), BankOfferCaps.payerHash(use.payerKey()), use.dailyCap()));
        }
        SaleStore.Draft draft = new SaleStore.Draft(txnId, ApiTimes.format(now), now.toLocalDate().toString(),
                cashier, cart.lines(), payable.fen(), tenders, change, paid, discounts, caps);
        JournalEntry entry;
        try {
            entry = sales.record(draft, terminalId);
        } catch (SaleStore.CapReachedException e) {
            throw new PaymentException(PaymentException.Reason.OFFER_USED_UP, payable);
        }
        return new CompletedSale(txnId, entry.seq(), SaleStore.receiptNumber(terminalId, entry.seq()), now,
                now.toLocalDate(), cashier, cart.lines(), payable, tenders, quote.rounding(), priced.discounts());
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
