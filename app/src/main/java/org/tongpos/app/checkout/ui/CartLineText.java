package org.tongpos.app.checkout.ui;

import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.i18n.Messages;

/** How a cart line and a product read on screen: quantity, unit price and amount. */
public final class CartLineText {

    private final Messages messages;

    public CartLineText(Messages messages) {
        this.messages = messages;
    }

    public String quantity(CartLine line) {
        if (line.quantity() == 0) {
            return messages.get("receipt.scalePriced");
        }
        return measured(line);
    }

    /** The quantity of a counted or weighed line: {@code 3}, {@code 0.512 kg}. */
    public static String measured(CartLine line) {
        return line.isWeighed() ? QuantityText.kilograms(line.quantity()) + " kg" : Long.toString(line.quantity());
    }

    public String unitPrice(CartLine line) {
        return price(line.product());
    }

    public String amount(CartLine line) {
        return line.amount().toYuanString();
    }

    /** A product's price with its unit: {@code 3.00/瓶}, {@code 12.80/kg}. */
    public String price(Product product) {
        return product.price().toYuanString() + "/" + product.unit().label();
    }
}
