package org.tongpos.app.checkout.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.checkout.service.CheckoutService;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.Discount;
import org.tongpos.app.promotions.domain.Member;
import org.tongpos.app.promotions.domain.PricedCart;
import org.tongpos.app.promotions.domain.Stage;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The promotions part of the cashier screen: the cart priced with the active promotions after every change (each
 * item discount under its line, the cart's discounts, the payable total) and the member of the sale, entered by the
 * member key with the phone number or card UID typed in the code field. Pricing runs on the FX thread: without a
 * tender it reads no database and takes well under a millisecond (docs/performance.md); finding a member reads the
 * database, so that runs on the task runner.
 */
public final class CartPromotionsViewModel {

    private final CheckoutService checkout;
    private final TaskRunner tasks;
    private final ObjectProperty<PricedCart> priced = new SimpleObjectProperty<>();
    private final ObjectProperty<Optional<Member>> member = new SimpleObjectProperty<>(Optional.empty());
    private Function<String, Optional<Member>> members;

    CartPromotionsViewModel(CheckoutService checkout, TaskRunner tasks) {
        this.checkout = checkout;
        this.tasks = tasks;
    }

    /** Lets the member key find members (by phone number or card UID); without it the key says there are none. */
    public void useMembers(Function<String, Optional<Member>> finder) {
        this.members = finder;
    }

    /** The cart as last priced: its discounts and payable total. */
    public ReadOnlyObjectProperty<PricedCart> priced() {
        return priced;
    }

    /** The member of the sale in progress, if the cashier entered one. */
    public ReadOnlyObjectProperty<Optional<Member>> member() {
        return member;
    }

    /** Who buys: the member, for pricing and for the payment step. */
    public Customer customer() {
        return member.get().map(Customer::member).orElse(Customer.NOBODY);
    }

    /** Prices {@code cart} again (after every scan, quantity change, void, or a member entered or removed). */
    void reprice(Cart cart) {
        priced.set(checkout.price(cart, customer()));
    }

    /** What the customer pays as things stand. */
    Money payable() {
        return priced.get() == null ? Money.ZERO : priced.get().payable();
    }

    /** The item discounts printed under line {@code index} (a receipt shows them the same way). */
    public List<Discount> discountsUnder(int index) {
        PricedCart cart = priced.get();
        if (cart == null || index < 0) {
            return List.of();
        }
        List<Discount> under = new ArrayList<>();
        for (Discount d : cart.discounts()) {
            if (d.stage() == Stage.ITEM && d.lastLine() == index) {
                under.add(d);
            }
        }
        return under;
    }

    /** The cart's and the bank's discounts (满减), shown above the total. */
    public List<Discount> cartDiscounts() {
        PricedCart cart = priced.get();
        return cart == null ? List.of() : cart.discounts().stream().filter(d -> d.stage() != Stage.ITEM).toList();
    }

    /**
     * The member key with {@code typed} in the code field: finds that member (a phone number or a member card's UID)
     * and prices the sale for them; with nothing typed, removes the member entered. {@code notice} gets what to
     * show, {@code used} runs when the typed text was taken (the code field is cleared then), {@code changed} when
     * the member changed (the till prices its cart again).
     */
    void memberKey(String typed, Consumer<Notice> notice, Runnable used, Runnable changed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            if (member.get().isPresent()) {
                Member removed = member.get().get();
                member.set(Optional.empty());
                changed.run();
                notice.accept(Notice.info("checkout.member.cleared", removed.name()));
            } else {
                notice.accept(Notice.error("checkout.member.hint"));
            }
            return;
        }
        if (members == null || !(Member.isPhone(text) || Member.isCardUid(text))) {
            notice.accept(Notice.error("checkout.member.unknown", text));
            return;
        }
        Function<String, Optional<Member>> finder = members;
        tasks.run(() -> finder.apply(text), found -> {
            if (found.isEmpty()) {
                notice.accept(Notice.error("checkout.member.unknown", text));
                return;
            }
            member.set(found);
            changed.run();
            Member m = found.get();
            notice.accept(Notice.info("checkout.member.entered", m.name(), m.phone().isEmpty() ? m.cardUid()
                    : m.phone()));
            used.run();
        }, failure -> notice.accept(Notice.error("checkout.member.unknown", text)));
    }

    /** A new sale: no member. */
    void saleEnded() {
        member.set(Optional.empty());
    }
}
