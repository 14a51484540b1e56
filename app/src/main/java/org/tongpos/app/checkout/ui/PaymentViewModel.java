package org.tongpos.app.checkout.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.checkout.domain.SellingStoppedException;
import org.tongpos.app.checkout.service.CheckoutService;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.OperatorNotices;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
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
    private final StringProperty tendered = new SimpleStringProperty("");
    private final ObjectProperty<Optional<Money>> change = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<Money>> shortBy = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);

    /**
     * {@code cart} must be a copy that nothing else changes while the payment runs; {@code session} is the operator
     * taking it (the cashier of record).
     */
    public PaymentViewModel(CheckoutService checkout, TaskRunner tasks, Cart cart, Session session,
                            Consumer<CompletedSale> onPaid) {
        this.checkout = checkout;
        this.tasks = tasks;
        this.cart = cart;
        this.session = session;
        this.onPaid = onPaid;
        tendered.addListener((obs, old, text) -> recompute(text));
        tendered.set(cart.total().toYuanString());
    }

    public Money total() {
        return cart.total();
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

    /** A quick-cash button: the customer handed over a {@code yuan} note. */
    public void offerNote(int yuan) {
        tendered.set(Money.ofFen(yuan * 100L).toYuanString());
    }

    /** Takes the payment. Returns false (and says why) when nothing was started. */
    public boolean confirm() {
        if (working.get()) {
            return false;
        }
        Optional<Money> amount = parse(tendered.get());
        if (amount.isEmpty()) {
            notice.set(Notice.error("checkout.payment.invalid"));
            return false;
        }
        if (amount.get().isLessThan(cart.total())) {
            notice.set(Notice.error("payment.refused.SHORT", cart.total().minus(amount.get()).toYuanString()));
            return false;
        }
        working.set(true);
        notice.set(null);
        List<Payment.Offer> offers = List.of(new Payment.Offer(TenderMethod.CASH, amount.get(), ""));
        tasks.run(() -> checkout.pay(cart, offers, session), sale -> {
            working.set(false);
            onPaid.accept(sale);
        }, failure -> {
            working.set(false);
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
        });
        return true;
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
        Money difference = amount.get().minus(cart.total());
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
