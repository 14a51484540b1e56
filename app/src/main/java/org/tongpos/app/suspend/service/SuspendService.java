package org.tongpos.app.suspend.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.app.suspend.domain.ResumedSale;
import org.tongpos.app.suspend.domain.SuspendedSale;
import org.tongpos.app.suspend.store.SuspendedSaleStore;
import org.tongpos.sync.journal.ApiTimes;

/**
 * Suspend and resume (挂单): a cart put aside is stored (committed and forced to disk) and kept across a restart; any
 * number can wait, listed with time and total. Resuming prices the goods again as of now and says what changed.
 */
public final class SuspendService {

    private final SuspendedSaleStore store;
    private final CatalogService catalog;
    private final DurableTransaction durable;
    private final Clock clock;

    public SuspendService(SuspendedSaleStore store, CatalogService catalog, DurableTransaction durable, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.durable = durable;
        this.clock = clock;
    }

    /** Stores the cart as a suspended sale and returns it; the caller clears the cart. */
    public SuspendedSale suspend(Session session, Cart cart) {
        session.require(Permission.SELL);
        if (cart.isEmpty()) {
            throw new IllegalArgumentException("nothing to suspend");
        }
        List<SuspendedSale.Line> lines = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            lines.add(new SuspendedSale.Line(line.product().primaryBarcode(), line.product().name(), line.quantity(),
                    line.unitPrice(), line.amount()));
        }
        String at = ApiTimes.format(OffsetDateTime.now(clock).withNano(0));
        long id = durable.run(c -> store.insert(c, at, session.recordedAs(), cart.total(), lines));
        return new SuspendedSale(id, at, session.recordedAs(), cart.total(), lines);
    }

    /** The suspended sales, oldest first. */
    public List<SuspendedSale> list() {
        return store.list();
    }

    /**
     * Takes a suspended sale back into a new cart at today's prices (a scale-priced package keeps its label's price),
     * and removes it from the list.
     *
     * @return empty when no such suspended sale is waiting (resumed already)
     */
    public Optional<ResumedSale> resume(Session session, long id) {
        session.require(Permission.SELL);
        Optional<SuspendedSale> found = store.byId(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Cart cart = new Cart();
        List<ResumedSale.PriceChange> changes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (SuspendedSale.Line line : found.get().lines()) {
            Optional<Product> product = catalog.byBarcode(line.barcode());
            if (product.isEmpty()) {
                missing.add(line.name());
                continue;
            }
            Product p = product.get();
            CartLine now;
            if (line.quantity() == 0) {
                now = CartLine.scalePriced(p, line.amount());
            } else if (p.isWeighed()) {
                now = CartLine.weighed(p, line.quantity());
            } else {
                now = CartLine.pieces(p, line.quantity());
            }
            cart.append(now);
            if (line.quantity() != 0 && !now.unitPrice().equals(line.unitPrice())) {
                changes.add(new ResumedSale.PriceChange(p.name(), line.unitPrice(), now.unitPrice()));
            }
        }
        boolean removed = durable.run(c -> store.delete(c, id));
        return removed ? Optional.of(new ResumedSale(cart, changes, missing)) : Optional.empty();
    }
}
