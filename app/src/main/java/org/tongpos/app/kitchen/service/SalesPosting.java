package org.tongpos.app.kitchen.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.tongpos.app.kitchen.store.KitchenStore;
import org.tongpos.app.kitchen.store.SalesPostingStore;

/**
 * Posts the sales and returns of supermarket products that have a stock item from the journal into their stock, once
 * each and in journal order (docs/decisions/0011-product-stock-posted-from-the-journal.md). The till's durable sale
 * does not wait for stock: every stock operation and reading first posts what the journal holds beyond the cursor,
 * in the same transaction that moves the cursor. A sale takes the value on hand at the moving average cost; selling
 * more than is on hand takes the rest at the last purchase price (or the product's cost) and leaves a negative stock
 * that the next count corrects; a return comes back at the average cost on hand.
 */
final class SalesPosting {

    private final KitchenStore stock;
    private final SalesPostingStore store;

    SalesPosting(KitchenStore stock, SalesPostingStore store) {
        this.stock = stock;
        this.store = store;
    }

    /** Posts everything up to the journal's head; returns how many lines moved stock. */
    int catchUp(Connection c) throws SQLException {
        long cursor = store.lockCursor(c);
        long head = store.journalHead(c);
        if (head <= cursor) {
            return 0;
        }
        Map<Long, long[]> onHand = new HashMap<>();
        Map<Long, Long> prices = new HashMap<>();
        int posted = 0;
        for (SalesPostingStore.PendingLine line : store.pending(c, cursor, head)) {
            long[] level = onHand.get(line.itemId());
            if (level == null) {
                level = stock.onHand(c, line.itemId());
                onHand.put(line.itemId(), level);
                prices.put(line.itemId(), stock.lastPrice(c, line.itemId())
                        .orElseGet(() -> productCost(c, line.itemId())));
            }
            long price = prices.get(line.itemId());
            long value = line.quantityMilli() < 0 ? -valueOut(level, -line.quantityMilli(), price)
                    : valueBack(level, line.quantityMilli(), price);
            store.post(c, line, value);
            level[0] += line.quantityMilli();
            level[1] += value;
            posted++;
        }
        store.moveCursor(c, head);
        return posted;
    }

    private long productCost(Connection c, long itemId) {
        try {
            return store.productCost(c, itemId);
        } catch (SQLException e) {
            throw new org.tongpos.app.storage.StorageException("cannot read the product's cost", e);
        }
    }

    /** The value of {@code quantity} thousandths leaving a stock of {@code level} = {quantity, value}. */
    static long valueOut(long[] level, long quantity, long unitPriceFen) {
        if (level[0] > 0 && quantity <= level[0]) {
            return quantity == level[0] ? level[1] : Math.round((double) level[1] * quantity / level[0]);
        }
        long beyond = level[0] > 0 ? quantity - level[0] : quantity;
        return (level[0] > 0 ? level[1] : 0) + Math.round(beyond * (double) unitPriceFen / 1000);
    }

    /** The value of {@code quantity} thousandths coming back into a stock of {@code level}. */
    static long valueBack(long[] level, long quantity, long unitPriceFen) {
        return level[0] > 0 ? Math.round((double) level[1] * quantity / level[0])
                : Math.round(quantity * (double) unitPriceFen / 1000);
    }
}
