package org.tongpos.app.checkout.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.money.domain.Money;

/**
 * The goods of the sale in progress. Scanning the same piece product again adds to its line when it is the last
 * line (as cashiers expect: "3 × cola" for three scans in a row), otherwise starts a new line.
 * The total is kept up to date on every change so reading it costs nothing.
 */
public final class Cart {

    private final List<CartLine> lines = new ArrayList<>();
    private Money total = Money.ZERO;
    private long itemCount;

    /** Adds {@code count} pieces; returns the index of the line that changed. */
    public int addPieces(Product product, long count) {
        if (!lines.isEmpty()) {
            int last = lines.size() - 1;
            CartLine line = lines.get(last);
            if (line.canMergeWith(product)) {
                replace(last, line.withQuantity(Math.addExact(line.quantity(), count)));
                return last;
            }
        }
        return append(CartLine.pieces(product, count));
    }

    /** Appends a line (weighed goods and scale-priced lines are never merged). */
    public int append(CartLine line) {
        lines.add(line);
        total = total.plus(line.amount());
        itemCount = Math.addExact(itemCount, line.itemCount());
        return lines.size() - 1;
    }

    public void changeQuantity(int index, long quantity) {
        CartLine line = lines.get(index);
        if (line.quantity() == 0) {
            throw new IllegalArgumentException("the scale priced this line; scan it again instead");
        }
        replace(index, line.withQuantity(quantity));
    }

    public CartLine remove(int index) {
        CartLine removed = lines.remove(index);
        total = total.minus(removed.amount());
        itemCount -= removed.itemCount();
        return removed;
    }

    public void clear() {
        lines.clear();
        total = Money.ZERO;
        itemCount = 0;
    }

    public List<CartLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public CartLine line(int index) {
        return lines.get(index);
    }

    public int size() {
        return lines.size();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public Money total() {
        return total;
    }

    public long itemCount() {
        return itemCount;
    }

    private void replace(int index, CartLine line) {
        CartLine old = lines.set(index, line);
        total = total.minus(old.amount()).plus(line.amount());
        itemCount = itemCount - old.itemCount() + line.itemCount();
    }
}
