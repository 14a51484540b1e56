package org.tongpos.app.checkout.ui;

import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.promotions.domain.Discount;
import org.tongpos.app.promotions.domain.Member;
import org.tongpos.app.promotions.domain.PricedCart;
import org.tongpos.app.ui.Subscriptions;

/**
 * How the cashier screen shows promotions: each item discount under its line in the cart (第二件半价 -1.50), and
 * above the total the sale's member, the subtotal and the cart's discounts (满减, the bank's offer). Only shows
 * {@link CartPromotionsViewModel}'s state.
 */
final class CartPromotionsView {

    private static final PseudoClass DISCOUNTED = PseudoClass.getPseudoClass("discounted");

    private CartPromotionsView() {
    }

    /** The line discount's text, as on the receipt: the promotion's name and the amount. */
    static String discountText(Discount discount) {
        return discount.name() + " " + discount.amount().toYuanString();
    }

    /** The name column shows the product's name and, under it, the line's discounts; their rows grow to fit. */
    static void showLineDiscounts(TableView<CartLine> table, TableColumn<CartLine, String> name,
                                  CartPromotionsViewModel promotions, Subscriptions subscriptions) {
        name.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                java.util.List<Discount> under = promotions.discountsUnder(getIndex());
                if (under.isEmpty()) {
                    setText(item);
                    setGraphic(null);
                    return;
                }
                VBox box = new VBox(2, new Label(item));
                for (Discount d : under) {
                    Label discount = new Label(discountText(d));
                    discount.getStyleClass().add("line-discount");
                    box.getChildren().add(discount);
                }
                setText(null);
                setGraphic(box);
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CartLine item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(DISCOUNTED, !empty && !promotions.discountsUnder(getIndex()).isEmpty());
            }
        });
        subscriptions.onChange(promotions.priced(), (obs, old, now) -> table.refresh());
    }

    /** Member, subtotal and the cart's discounts, above the total; empty when there is none of them. */
    static Node summary(CartPromotionsViewModel promotions, Messages messages, Subscriptions subscriptions) {
        VBox box = new VBox(2);
        box.setId("promo-summary");
        box.getStyleClass().add("promo-summary");
        box.setAlignment(Pos.CENTER_RIGHT);
        Runnable update = () -> fill(box, promotions, messages);
        subscriptions.onChange(promotions.priced(), (obs, old, now) -> update.run());
        subscriptions.onChange(promotions.member(), (obs, old, now) -> update.run());
        update.run();
        return box;
    }

    private static void fill(VBox box, CartPromotionsViewModel promotions, Messages messages) {
        box.getChildren().clear();
        Optional<Member> member = promotions.member().get();
        if (member.isPresent()) {
            Member m = member.get();
            Label who = new Label(messages.get("checkout.member.label",
                    m.name().isEmpty() ? (m.phone().isEmpty() ? m.cardUid() : m.phone()) : m.name()));
            who.setId("member-label");
            who.getStyleClass().add("member-label");
            box.getChildren().add(who);
        }
        PricedCart priced = promotions.priced().get();
        if (priced == null || priced.discounts().isEmpty()) {
            return;
        }
        Label subtotal = new Label(messages.get("checkout.promo.subtotal", priced.subtotal().toYuanString()));
        subtotal.setId("promo-subtotal");
        box.getChildren().add(subtotal);
        for (Discount d : promotions.cartDiscounts()) {
            Label discount = new Label(discountText(d));
            discount.getStyleClass().add("cart-discount");
            box.getChildren().add(discount);
        }
        Label saved = new Label(messages.get("checkout.promo.saved", priced.totalDiscount().negate().toYuanString()));
        saved.setId("promo-saved");
        saved.getStyleClass().add("promo-saved");
        box.getChildren().add(saved);
    }
}
