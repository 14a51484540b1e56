package org.tongpos.app.checkout.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.checkout.domain.Quote;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.SellingStoppedException;
import org.tongpos.app.checkout.service.CheckoutService;
import org.tongpos.app.checkout.service.CodePayments;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.hardware.scanner.ScanClassifier;
import org.tongpos.hardware.scanner.ScanKind;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Taking cash for a sale: the amount tendered (prefilled with the total), the change shown live as it is typed, and
 * the commit of the sale off the FX thread. The sale is recorded durably before {@code onPaid} is told, so nothing is
 * shown as paid that is not on disk. A short or unreadable amount records nothing and says why.
 */
public final class PaymentViewModel {

    private final CheckoutService checkout;
    private final TaskRunner tasks;
    private final Cart cart;
    private final Session session;
    private final Consumer<CompletedSale> onPaid;
    private final Money cashDue;
    private final Money total;
    private Customer customer;
    private final StringProperty tendered = new SimpleStringProperty("");
    private final ObjectProperty<Optional<Money>> change = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<Money>> shortBy = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final IntegerProperty secondsLeft = new SimpleIntegerProperty(-1);
    private final ScanClassifier classifier = new ScanClassifier();
    private CodeTill codes;
    private boolean codeRunning;
    private volatile boolean cancelRequested;
    private final BooleanProperty cardStep = new SimpleBooleanProperty(false);
    private final StringProperty cardAmount = new SimpleStringProperty("");
    private final StringProperty cardReference = new SimpleStringProperty("");
    private final StringProperty cardNumber = new SimpleStringProperty("");
    private final ObjectProperty<Optional<Payment.Offer>> cardPart = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Money> due = new SimpleObjectProperty<>();

    /**
     * {@code cart} must be a copy that nothing else changes while the payment runs; {@code session} is the operator
     * taking it (the cashier of record).
     */
    public PaymentViewModel(CheckoutService checkout, TaskRunner tasks, Cart cart, Session session,
                            Consumer<CompletedSale> onPaid) {
        this(checkout, tasks, cart, session, onPaid, Customer.NOBODY);
    }

    /** As above, for {@code customer} (the member entered at the till): the promotions' price is what is due. */
    public PaymentViewModel(CheckoutService checkout, TaskRunner tasks, Cart cart, Session session,
                            Consumer<CompletedSale> onPaid, Customer customer) {
        this.checkout = checkout;
        this.tasks = tasks;
        this.cart = cart;
        this.session = session;
        this.onPaid = onPaid;
        this.customer = customer;
        Quote cash = checkout.quote(cart, customer, List.of(new Payment.Offer(TenderMethod.CASH, cart.total(), "")));
        this.total = cash.total();
        this.cashDue = cash.payable();
        due.set(cashDue);
        tendered.addListener((obs, old, text) -> recompute(text));
        tendered.set(cashDue.toYuanString());
    }

    /** What is due after the promotions (before cash rounding). */
    public Money total() {
        return total;
    }

    /** What is due when paid in cash: the total after the cash rounding policy (抹零). */
    public Money cashDue() {
        return cashDue;
    }

    /** The cash rounding taken off (positive) or added (negative); zero under the policy none. */
    public Money rounding() {
        return total.minus(cashDue);
    }

    public StringProperty tendered() {
        return tendered;
    }

    /** The change for what is typed, when it covers the total. */
    public ReadOnlyObjectProperty<Optional<Money>> change() {
        return change;
    }

    /** How much is missing, when what is typed is less than the total. */
    public ReadOnlyObjectProperty<Optional<Money>> shortBy() {
        return shortBy;
    }

    public ObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyBooleanProperty working() {
        return working;
    }

    /** Lets this payment take the customer's payment code (付款码); without it the step takes cash only. */
    public void acceptCodes(CodeTill till) {
        this.codes = till;
    }

    /** Seconds left while the bank waits for the customer to confirm on the phone; -1 when not waiting. */
    public ReadOnlyIntegerProperty secondsLeft() {
        return secondsLeft;
    }

    /** True from a code's scan until the bank's answer: Esc then cancels (and reverses) it. */
    public boolean codeRunning() {
        return codeRunning;
    }

    /** A code scanned at the payment step: the customer's payment code pays the total, anything else is refused. */
    public void scanned(String code) {
        if (cardStep.get() && code != null && code.strip().matches("[A-Za-z0-9-]{1,64}")) {
            cardReference.set(code.strip()); // the reference number scanned from the card terminal's slip
            return;
        }
        if (isPaymentCode(code) && cardPart.get().isEmpty()) {
            Optional<Money> cash = parse(tendered.get());
            if (cash.isPresent() && cash.get().isPositive() && cash.get().isLessThan(cashDue)) {
                payPartByCode(code.strip(), cash.get());
            } else {
                payByCode(code.strip());
            }
        } else {
            refuseScan();
        }
    }

    /**
     * Split tender: the cashier typed the cash the customer hands over (less than is due), then scanned the customer's
     * code, which pays the rest ({@link #total()} less the cash: no cash rounding on a split, no bank offer since the
     * code does not pay it all). One sale with both tenders, recorded only once the bank confirms the code's part.
     */
    public boolean payPartByCode(String code, Money cash) {
        if (!cash.isPositive() || !cash.isLessThan(total)) {
            notice.set(Notice.error("checkout.payment.invalid"));
            return false;
        }
        Money rest = total.minus(cash);
        return startCode(till -> till.payments().pay(cart, customer,
                List.of(new Payment.Offer(TenderMethod.CASH, cash, "")), rest, code, session, progress(till)),
                Notice.info("payment.code.sendingPart", cash.toYuanString(), rest.toYuanString()));
    }

    /**
     * A customer's payment code: WeChat, Alipay or UnionPay shaped, or 16 to 24 digits shaped like none of them — the
     * bank's own code (as the bank routes it), which unlocks the bank's offers (docs/promotions.md).
     */
    private boolean isPaymentCode(String text) {
        if (text == null) {
            return false;
        }
        String code = text.strip();
        ScanKind kind = classifier.classify(code).kind();
        return kind == ScanKind.PAYMENT_CODE || kind == ScanKind.UNKNOWN && code.matches("\\d{16,24}");
    }

    /**
     * Charges the total to the customer's payment code through the bank, off the FX thread. The sale is recorded only
     * once the bank confirms; the seconds left show while the customer confirms. Returns false when nothing started.
     */
    public boolean payByCode(String code) {
        return startCode(till -> till.payments().payAll(cart, customer, code, session, progress(till)),
                Notice.info("payment.code.sending"));
    }

    /** A code payment to start off the FX thread, with the till's code service. */
    private interface CodeWork {
        CodePayments.Outcome run(CodeTill till) throws Exception;
    }

    /** Shows the seconds left while the customer confirms; false (stop waiting) once Esc asked to cancel. */
    private org.tongpos.sync.payment.PaymentCodeService.Progress progress(CodeTill till) {
        return left -> {
            int seconds = (int) Math.max(0, left.toSeconds());
            till.screen().execute(() -> {
                if (codeRunning) {
                    secondsLeft.set(seconds);
                }
            });
            return !cancelRequested;
        };
    }

    private boolean startCode(CodeWork work, Notice sending) {
        if (working.get()) {
            return false;
        }
        if (codes == null) {
            notice.set(Notice.error("payment.code.offline"));
            return false;
        }
        working.set(true);
        codeRunning = true;
        cancelRequested = false;
        notice.set(sending);
        CodeTill till = codes;
        tasks.run(() -> work.run(till), outcome -> {
            codeEnded();
            if (outcome instanceof CodePayments.Outcome.Paid paid) {
                onPaid.accept(paid.sale());
            } else if (outcome instanceof CodePayments.Outcome.Refused refused) {
                notice.set(Notice.error(CodePayments.reasonKey(refused.failCode()), refused.failCode()));
            } else if (outcome instanceof CodePayments.Outcome.NotConfirmed unconfirmed) {
                notice.set(Notice.error(unconfirmed.cancelled() ? "payment.code.cancelled"
                        : unconfirmed.reversed() ? "payment.code.notConfirmed" : "payment.code.reversalPending"));
            } else {
                notice.set(Notice.error("payment.code.offline"));
            }
        }, failure -> {
            codeEnded();
            failed(failure);
        });
        return true;
    }

    /** Esc while a code is being paid: stop waiting and reverse it. False when no code payment is running. */
    public boolean cancelCode() {
        if (!codeRunning) {
            return false;
        }
        cancelRequested = true;
        notice.set(Notice.info("payment.code.cancelling"));
        return true;
    }

    private void codeEnded() {
        working.set(false);
        codeRunning = false;
        secondsLeft.set(-1);
    }

    /** True while the bank-card step shows (amount charged on the card terminal, its reference number). */
    public ReadOnlyBooleanProperty cardStep() {
        return cardStep;
    }

    /** What the bank's card terminal charged, as typed (prefilled with what the card pays when it pays it all). */
    public StringProperty cardAmount() {
        return cardAmount;
    }

    /** The card terminal's reference number (参考号), typed or scanned from its slip. */
    public StringProperty cardReference() {
        return cardReference;
    }

    /** The masked number of the card the till's reader read, or empty. */
    public ReadOnlyStringProperty cardNumber() {
        return cardNumber;
    }

    /** The card's part of a split payment, once recorded: cash pays the rest. */
    public ReadOnlyObjectProperty<Optional<Payment.Offer>> cardPart() {
        return cardPart;
    }

    /** What cash must still cover: the cash total, or the rest after the card's part. */
    public ReadOnlyObjectProperty<Money> due() {
        return due;
    }

    /**
     * The bank-card key: the customer pays on the bank's own card terminal; the cashier types (or scans) its
     * reference number and, when only part goes on the card, that amount. False when nothing opened.
     */
    public boolean card() {
        if (working.get() || cardPart.get().isPresent()) {
            return false;
        }
        cardAmount.set(cardOnlyDue().toYuanString());
        cardReference.set("");
        cardStep.set(true);
        notice.set(Notice.info("payment.card.prompt"));
        return true;
    }

    /**
     * The till's card reader read a bank card: its masked number goes with the card tender (receipt, card prefixes
     * and caps of bank offers); the card step opens when it is not open.
     */
    public void cardRead(String maskedNumber) {
        if (working.get() || cardPart.get().isPresent() || maskedNumber == null || maskedNumber.isBlank()) {
            return;
        }
        cardNumber.set(maskedNumber.strip());
        customer = customer.withCard(cardNumber.get());
        if (cardStep.get()) {
            cardAmount.set(cardOnlyDue().toYuanString());
            notice.set(Notice.info("payment.card.read", cardNumber.get()));
        } else {
            card();
            notice.set(Notice.info("payment.card.read", cardNumber.get()));
        }
    }

    /** Esc on the card step: back to cash. False when the card step does not show. */
    public boolean leaveCard() {
        if (!cardStep.get() || working.get()) {
            return false;
        }
        cardStep.set(false);
        notice.set(null);
        return true;
    }

    /** What the card pays when it pays all (the bank's offers count then). */
    private Money cardOnlyDue() {
        return checkout.quote(cart, customer, List.of(new Payment.Offer(TenderMethod.BANK_CARD, total,
                "x", cardNumber.get()))).payable();
    }

    /**
     * Enter on the card step: the whole amount on the card pays the sale; less records the card's part, and cash pays
     * the rest (no cash rounding on a split, no bank offer unless the card pays all).
     */
    public boolean confirmCard() {
        if (!cardStep.get() || working.get()) {
            return false;
        }
        String reference = cardReference.get() == null ? "" : cardReference.get().strip();
        if (!reference.matches("[A-Za-z0-9-]{1,64}")) {
            notice.set(Notice.error("payment.card.referenceNeeded"));
            return false;
        }
        Optional<Money> amount = parse(cardAmount.get());
        if (amount.isEmpty() || !amount.get().isPositive()) {
            notice.set(Notice.error("checkout.payment.invalid"));
            return false;
        }
        Money cardOnly = cardOnlyDue();
        Payment.Offer offer = new Payment.Offer(TenderMethod.BANK_CARD, amount.get(), reference, cardNumber.get());
        if (amount.get().equals(cardOnly)) {
            pay(List.of(offer));
            return true;
        }
        if (!amount.get().isLessThan(total)) {
            notice.set(Notice.error("payment.card.tooMuch", cardOnly.toYuanString()));
            return false;
        }
        cardPart.set(Optional.of(offer));
        cardStep.set(false);
        due.set(total.minus(amount.get()));
        tendered.set(due.get().toYuanString());
        recompute(tendered.get());
        notice.set(Notice.info("payment.card.part", amount.get().toYuanString(), reference,
                due.get().toYuanString()));
        return true;
    }

    private void pay(List<Payment.Offer> offers) {
        working.set(true);
        notice.set(null);
        tasks.run(() -> checkout.pay(cart, offers, session, customer), sale -> {
            working.set(false);
            onPaid.accept(sale);
        }, failure -> {
            working.set(false);
            failed(failure);
        });
    }

    /** A quick-cash button: the customer handed over a {@code yuan} note. */
    public void offerNote(int yuan) {
        tendered.set(Money.ofFen(yuan * 100L).toYuanString());
    }

    /** Takes the payment. Returns false (and says why) when nothing was started. */
    public boolean confirm() {
        if (working.get()) {
            return false;
        }
        if (cardStep.get()) {
            return confirmCard();
        }
        if (isPaymentCode(tendered.get()) && cardPart.get().isEmpty()) {
            String code = tendered.get().strip();
            tendered.set(cashDue.toYuanString());
            return payByCode(code);
        }
        Optional<Money> amount = parse(tendered.get());
        if (amount.isEmpty()) {
            notice.set(Notice.error("checkout.payment.invalid"));
            return false;
        }
        if (amount.get().isLessThan(due.get())) {
            notice.set(Notice.error("payment.refused.SHORT", due.get().minus(amount.get()).toYuanString()));
            return false;
        }
        Payment.Offer cash = new Payment.Offer(TenderMethod.CASH, amount.get(), "");
        pay(cardPart.get().map(card -> List.of(card, cash)).orElse(List.of(cash)));
        return true;
    }

    private void failed(Exception failure) {
        {
            if (failure instanceof PaymentException refused) {
                notice.set(Notice.error("payment.refused." + refused.reason().name(),
                        refused.stillDue().toYuanString()));
            } else if (failure instanceof AccessDeniedException denied) {
                notice.set(OperatorNotices.denied(denied));
            } else if (failure instanceof SellingStoppedException stopped) {
                notice.set(CashierViewModel.stopNotice(stopped));
            } else {
                notice.set(Notice.error("checkout.payment.failed", String.valueOf(failure.getMessage())));
            }
        }
    }

    /** A scan arrived while paying: it is refused, the payment goes on. */
    public void refuseScan() {
        notice.set(Notice.error("checkout.notice.scanDuringPayment"));
    }

    private void recompute(String text) {
        Optional<Money> amount = parse(text);
        if (amount.isEmpty()) {
            change.set(Optional.empty());
            shortBy.set(Optional.empty());
            return;
        }
        Money difference = amount.get().minus(due.get() == null ? cashDue : due.get());
        change.set(difference.isNegative() ? Optional.empty() : Optional.of(difference));
        shortBy.set(difference.isNegative() ? Optional.of(difference.negate()) : Optional.empty());
        if (!difference.isNegative() && notice.get() != null) {
            notice.set(null);
        }
    }

    private static Optional<Money> parse(String text) {
        try {
            Money amount = Money.parseYuan(text == null ? "" : text);
            return amount.isNegative() ? Optional.empty() : Optional.of(amount);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
