package org.tongpos.app.checkout.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.checkout.domain.Quote;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.payment.AuthCodes;
import org.tongpos.sync.payment.PaymentCodeService;
import org.tongpos.sync.payment.PaymentIntent;
import org.tongpos.sync.payment.PaymentState;

/**
 * A sale paid (in part) by the customer's payment code (付款码), for the till and the CLI alike. The split is checked
 * before the bank is asked; the code is charged through the {@link PaymentCodeService} (a durable intent first); the
 * sale is journaled with a {@code PAYMENT_CODE} tender whose reference is the bank's {@code trade_no} only after the
 * bank said SUCCESS. A payment that could not be journaled is reversed at once; a crash between SUCCESS and the
 * journal is resolved on the next start ({@code OpenIntentResolver}: confirmed but unused → reversed).
 */
public final class CodePayments {

    private static final Logger LOG = LoggerFactory.getLogger(CodePayments.class);

    /** How a code payment ended. */
    public sealed interface Outcome {
        /** Paid and journaled. */
        record Paid(CompletedSale sale) implements Outcome {
        }

        /** The bank refused the code ({@code failCode}: AUTH_CODE_INVALID, NOT_ENOUGH_BALANCE, …); nothing charged. */
        record Refused(String failCode) implements Outcome {
        }

        /**
         * Not confirmed in time, or cancelled at the till: reversed ({@code reversed}) or a reversal still due, which
         * the next start finishes. Nothing journaled.
         */
        record NotConfirmed(boolean cancelled, boolean reversed) implements Outcome {
        }

        /** No bank is configured: payment codes need the bank; other tenders still work. */
        record Offline() implements Outcome {
        }
    }

    private final CheckoutService checkout;
    private final Supplier<Optional<PaymentCodeService>> bank;

    /** {@code bank} is empty when the terminal is offline by configuration. */
    public CodePayments(CheckoutService checkout, Supplier<Optional<PaymentCodeService>> bank) {
        this.checkout = checkout;
        this.bank = bank;
    }

    /** True when a bank is configured (codes can be taken); asking builds the bank's services. */
    public boolean available() {
        return bank.get().isPresent();
    }

    /** The till's own refusal: a code priced with the bank's offer was taken by another network (reversed). */
    public static final String NOT_BANK_CODE = "NOT_BANK_CODE";

    /** Fail codes the bank documents, each with a text of its own ({@code payment.code.fail.CODE}). */
    private static final java.util.Set<String> KNOWN_FAILS = java.util.Set.of("AUTH_CODE_INVALID",
            "NOT_ENOUGH_BALANCE", "AUTH_CODE_EXPIRED", "PAYMENT_DECLINED", "PARAM_ERROR", NOT_BANK_CODE);

    /** The message key saying why the bank refused a code; {@code payment.code.fail.other} takes the code as {0}. */
    public static String reasonKey(String failCode) {
        return KNOWN_FAILS.contains(failCode) ? "payment.code.fail." + failCode : "payment.code.fail.other";
    }

    /** Whether {@code text} can be a customer's payment code (1 to 32 digits). */
    public static boolean isCode(String text) {
        return text != null && AuthCodes.isValid(text.strip());
    }

    /**
     * Charges {@code codeAmount} to {@code authCode} and records the sale with {@code otherOffers} (cash, card). Blocks
     * up to the payment-code service's wait (about 45 s): call it off the FX thread.
     *
     * @throws PaymentException when the offers with the code do not settle the total: checked before the bank is asked
     */
    public Outcome pay(Cart cart, List<Payment.Offer> otherOffers, Money codeAmount, String authCode, Session session,
                       PaymentCodeService.Progress progress) throws PaymentException {
        return pay(cart, Customer.NOBODY, otherOffers, codeAmount, authCode, session, progress);
    }

    /**
     * The code pays all that {@code customer} owes for the cart: priced first (with the bank's offers when the code is
     * the bank's own), and that amount charged. See {@link #pay(Cart, Customer, List, Money, String, Session,
     * PaymentCodeService.Progress)}.
     */
    public Outcome payAll(Cart cart, Customer customer, String authCode, Session session,
                          PaymentCodeService.Progress progress) throws PaymentException {
        Quote quote = checkout.quote(cart, customer,
                List.of(new Payment.Offer(TenderMethod.PAYMENT_CODE, cart.total(), authCode.strip())));
        return pay(cart, customer, List.of(), quote.payable(), authCode, session, progress);
    }

    /**
     * As {@link #pay(Cart, List, Money, String, Session, PaymentCodeService.Progress)}, priced for {@code customer}:
     * when the code pays the whole sale and is the bank's own, the bank's offers apply (their daily caps are taken only
     * when the sale is journaled, so a refused or cancelled payment uses none).
     */
    public Outcome pay(Cart cart, Customer customer, List<Payment.Offer> otherOffers, Money codeAmount,
                       String authCode, Session session, PaymentCodeService.Progress progress)
            throws PaymentException {
        session.require(Permission.SELL);
        String code = authCode.strip();
        if (!AuthCodes.isValid(code)) {
            throw new IllegalArgumentException("a payment code is 1 to 32 digits");
        }
        List<Payment.Offer> offers = new ArrayList<>(otherOffers);
        offers.add(new Payment.Offer(TenderMethod.PAYMENT_CODE, codeAmount, code));
        Quote quote = checkout.quote(cart, customer, offers);
        Payment.settle(quote.payable(), offers);
        Optional<PaymentCodeService> service = bank.get();
        if (service.isEmpty()) {
            return new Outcome.Offline();
        }
        String outTradeNo = PaymentCodeService.newOutTradeNo();
        boolean[] cancelled = {false};
        PaymentIntent intent = service.get().pay(outTradeNo, code, codeAmount.fen(), "TongPOS sale", left -> {
            boolean carryOn = progress.waiting(left);
            cancelled[0] = !carryOn;
            return carryOn;
        });
        return switch (intent.state()) {
            case SUCCESS -> journal(service.get(), intent, cart, otherOffers, codeAmount, session, quote);
            case FAILED -> new Outcome.Refused(intent.failCode() == null ? "" : intent.failCode());
            default -> new Outcome.NotConfirmed(cancelled[0], intent.state() == PaymentState.REVERSED);
        };
    }

    private Outcome journal(PaymentCodeService service, PaymentIntent intent, Cart cart, List<Payment.Offer> others,
                            Money codeAmount, Session session, Quote quote) throws PaymentException {
        List<Payment.Offer> offers = new ArrayList<>(others);
        offers.add(new Payment.Offer(TenderMethod.PAYMENT_CODE, codeAmount, intent.tradeNo()));
        if (!quote.priced().discountsOf(org.tongpos.app.promotions.domain.Stage.TENDER).isEmpty()
                && intent.channel() != null && !intent.channel().isBlank() && !"BANK".equals(intent.channel())) {
            // priced with the bank's offer, but the bank says another network took it: not the bank's tender
            LOG.warn("payment {} went through channel {}, not the bank's: the bank offer does not apply; reversing",
                    intent.outTradeNo(), intent.channel());
            service.reverse(intent.outTradeNo());
            return new Outcome.Refused(NOT_BANK_CODE);
        }
        try {
            return new Outcome.Paid(checkout.pay(cart, offers, session, quote));
        } catch (PaymentException | RuntimeException e) {
            LOG.error("payment {} (trade {}) succeeded but the sale was not recorded: reversing it",
                    intent.outTradeNo(), intent.tradeNo(), e);
            service.reverse(intent.outTradeNo());
            throw e;
        }
    }
}
