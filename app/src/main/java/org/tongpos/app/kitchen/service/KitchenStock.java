package org.tongpos.app.kitchen.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.tongpos.app.kitchen.domain.CostPerMeal;
import org.tongpos.app.kitchen.domain.HeadcountForecast;
import org.tongpos.app.kitchen.domain.Quantities;
import org.tongpos.app.kitchen.domain.StockException;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.kitchen.domain.StockMoveKind;
import org.tongpos.app.kitchen.store.KitchenStore;
import org.tongpos.app.kitchen.store.SalesPostingStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.AuditLog;
import org.tongpos.app.storage.DurableTransaction;

/**
 * Kitchen stock (食堂进销存): suppliers, items, purchases in, issues to the kitchen by meal period, stock counts with
 * their variance and reason, waste; stock on hand and its value; the cost per meal. A supermarket product becomes a
 * stock item when it is first received, counted or given a low level by one of its barcodes or its PLU; its sales and
 * returns are then posted from the journal ({@link SalesPosting}) before every operation and reading. Moving stock needs MANAGE_STOCK,
 * reading needs READ_REPORTS (an auditor reads and changes nothing). Every movement is written with its audit record in
 * one durable transaction. Stock is valued at the moving average cost: an issue, waste or count variance takes the
 * value on hand in proportion to the quantity (all of it when the last unit goes), a purchase adds its price.
 */
public final class KitchenStock {

    private final KitchenStore store;
    private final AuditLog audit;
    private final DurableTransaction durable;
    private final Clock clock;
    private final SalesPostingStore products;
    private final SalesPosting posting;

    public KitchenStock(KitchenStore store, SalesPostingStore products, AuditLog audit, DurableTransaction durable,
                        Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.products = Objects.requireNonNull(products);
        this.posting = new SalesPosting(store, products);
        this.audit = Objects.requireNonNull(audit);
        this.durable = Objects.requireNonNull(durable);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A purchase received, as a line of a CSV import or the command line. */
    public record Purchase(LocalDate date, String itemCode, long quantityMilli, long unitPriceFen, String supplier) {
    }

    public synchronized void addSupplier(Session session, String name, String contact) {
        session.require(Permission.MANAGE_STOCK);
        String n = required(name, "stock.error.name");
        durable.run(c -> {
            if (store.supplierId(c, n).isPresent()) {
                throw new StockException("stock.error.supplierExists", n);
            }
            store.addSupplier(c, n, contact == null ? "" : contact.strip());
            audit.append(c, AuditEntry.by(session, AuditAction.STOCK_MOVE).subject(n).detail("supplier added"));
            return null;
        });
    }

    public synchronized void addItem(Session session, String code, String name, String unit, long perMealMilli,
                                     long lowMilli) {
        session.require(Permission.MANAGE_STOCK);
        String k = required(code, "stock.error.code");
        String n = required(name, "stock.error.name");
        String u = required(unit, "stock.error.unit");
        if (perMealMilli < 0 || lowMilli < 0) {
            throw new StockException("stock.error.quantity", Quantities.format(Math.min(perMealMilli, lowMilli)));
        }
        durable.run(c -> {
            if (store.itemId(c, k).isPresent()) {
                throw new StockException("stock.error.itemExists", k);
            }
            store.addItem(c, k, n, u, perMealMilli, lowMilli);
            audit.append(c, AuditEntry.by(session, AuditAction.STOCK_MOVE).subject(k).detail("item added: " + n));
            return null;
        });
    }

    /** Receives a purchase; the supplier must exist. Returns its value in fen. */
    public synchronized long receive(Session session, Purchase purchase) {
        session.require(Permission.MANAGE_STOCK);
        return durable.run(c -> {
            posting.catchUp(c);
            return receive(c, session, purchase, false);
        });
    }

    /**
     * Receives a purchase from a supplier that is added, in the same transaction and audited, when it is not known yet
     * (the stock screen, like the CSV import): a purchase refused leaves no new supplier behind. Returns its value.
     */
    public synchronized long receiveAddingSupplier(Session session, Purchase purchase) {
        session.require(Permission.MANAGE_STOCK);
        String supplier = required(purchase.supplier(), "stock.error.supplier");
        return durable.run(c -> {
            posting.catchUp(c);
            return receive(c, session, new Purchase(purchase.date(), purchase.itemCode(), purchase.quantityMilli(),
                    purchase.unitPriceFen(), supplier), true);
        });
    }

    /** Every supplier's name, in order. */
    public List<String> suppliers(Session session) {
        session.require(Permission.READ_REPORTS);
        return store.supplierNames();
    }

    /**
     * Receives every purchase of a CSV file ({@code date,item,quantity,unit_price,supplier}, a header line first), all
     * or nothing: one bad line and nothing is recorded (the exception names the line). New suppliers are added.
     */
    public synchronized int importPurchases(Session session, List<String> lines) {
        session.require(Permission.MANAGE_STOCK);
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            int lineNo = i + 1;
            if (f.length != 5) {
                throw new StockException("stock.error.csvLine", lineNo, line);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[0].strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new StockException("stock.error.csvLine", lineNo, line);
            }
            OptionalLong quantity = Quantities.parse(f[2]);
            Money price;
            try {
                price = Money.parseYuan(f[3].strip());
            } catch (IllegalArgumentException e) {
                throw new StockException("stock.error.csvLine", lineNo, line);
            }
            if (quantity.isEmpty() || quantity.getAsLong() <= 0 || price.fen() < 0 || f[4].isBlank()) {
                throw new StockException("stock.error.csvLine", lineNo, line);
            }
            purchases.add(new Purchase(date, f[1].strip(), quantity.getAsLong(), price.fen(), f[4].strip()));
        }
        return durable.run(c -> {
            posting.catchUp(c);
            for (Purchase p : purchases) {
                receive(c, session, p, true);
            }
            return purchases.size();
        });
    }

    private long receive(Connection c, Session session, Purchase p, boolean addSupplier) throws SQLException {
        if (p.quantityMilli() <= 0) {
            throw new StockException("stock.error.quantity", Quantities.format(p.quantityMilli()));
        }
        long item = item(c, session, p.itemCode());
        Long supplier = store.supplierId(c, p.supplier()).orElse(null);
        if (supplier == null) {
            if (!addSupplier) {
                throw new StockException("stock.error.noSupplier", p.supplier());
            }
            supplier = store.addSupplier(c, p.supplier(), "");
            audit.append(c, AuditEntry.by(session, AuditAction.STOCK_MOVE).subject(p.supplier())
                    .detail("supplier added"));
        }
        long value = Math.round(p.quantityMilli() * (double) p.unitPriceFen() / 1000);
        store.insert(c, new KitchenStore.Move(item, StockMoveKind.IN, p.date(), "", p.quantityMilli(), value,
                p.unitPriceFen(), supplier, "", session.recordedAs(), now()));
        audit.append(c, AuditEntry.by(session, AuditAction.STOCK_MOVE).subject(p.itemCode())
                .amount(Money.ofFen(value)).detail("IN " + Quantities.format(p.quantityMilli()) + " from "
                        + p.supplier()));
        return value;
    }

    /** Issues stock to the kitchen for a meal period; returns the value issued (at the average cost on hand). */
    public synchronized long issue(Session session, String code, long quantityMilli, String period, LocalDate date) {
        return out(session, StockMoveKind.ISSUE, code, quantityMilli, period == null ? "" : period.strip(), "",
                date);
    }

    /** Records waste, with its reason; returns the value thrown away. */
    public synchronized long waste(Session session, String code, long quantityMilli, String reason, LocalDate date) {
        return out(session, StockMoveKind.WASTE, code, quantityMilli, "", required(reason, "stock.error.reason"),
                date);
    }

    private long out(Session session, StockMoveKind kind, String code, long quantityMilli, String period,
                     String reason, LocalDate date) {
        session.require(Permission.MANAGE_STOCK);
        if (quantityMilli <= 0) {
            throw new StockException("stock.error.quantity", Quantities.format(quantityMilli));
        }
        return durable.run(c -> {
            posting.catchUp(c);
            long item = item(c, session, code);
            long[] onHand = store.onHand(c, item);
            if (quantityMilli > onHand[0]) {
                throw new StockException("stock.error.short", code, Quantities.format(onHand[0]));
            }
            long value = quantityMilli == onHand[0] ? onHand[1]
                    : Math.round((double) onHand[1] * quantityMilli / onHand[0]);
            store.insert(c, new KitchenStore.Move(item, kind, date, period, -quantityMilli, -value, null, null,
                    reason, session.recordedAs(), now()));
            audit.append(c, AuditEntry.by(session, AuditAction.STOCK_MOVE).subject(code).amount(Money.ofFen(value))
                    .detail(kind + " " + Quantities.format(quantityMilli) + (period.isEmpty() ? "" : " " + period)
                            + (reason.isEmpty() ? "" : ", " + reason)));
            return value;
        });
    }

    /**
     * A stock count: the variance between what was counted and what the movements say is recorded (valued at the
     * average cost, or the last purchase price when nothing is on hand), with its reason when there is a variance.
     * Returns the variance in thousandths.
     */
    public synchronized long count(Session session, String code, long countedMilli, String reason, LocalDate date) {
        session.require(Permission.MANAGE_STOCK);
        if (countedMilli < 0) {
            throw new StockException("stock.error.quantity", Quantities.format(countedMilli));
        }
        String why = reason == null ? "" : reason.strip();
        return durable.run(c -> {
            posting.catchUp(c);
            long item = item(c, session, code);
            long[] onHand = store.onHand(c, item);
            long variance = countedMilli - onHand[0];
            if (variance != 0 && why.isEmpty()) {
                throw new StockException("stock.error.reason");
            }
            long value;
            if (countedMilli == 0) {
                value = -onHand[1];
            } else if (onHand[0] > 0) {
                value = Math.round((double) onHand[1] * variance / onHand[0]);
            } else {
                value = Math.round(variance * (double) store.lastPrice(c, item).orElse(0) / 1000);
            }
            store.insert(c, new KitchenStore.Move(item, StockMoveKind.COUNT, date, "", variance, value, null, null,
                    why, session.recordedAs(), now()));
            audit.append(c, AuditEntry.by(session, AuditAction.STOCK_MOVE).subject(code).amount(Money.ofFen(
                    Math.abs(value))).detail("COUNT " + Quantities.format(countedMilli) + ", variance "
                    + Quantities.format(variance) + (why.isEmpty() ? "" : ", " + why)));
            return variance;
        });
    }

    /** Sets the level at or under which an item (or a product, made a stock item) is low. */
    public synchronized void setLow(Session session, String code, long lowMilli) {
        session.require(Permission.MANAGE_STOCK);
        if (lowMilli < 0) {
            throw new StockException("stock.error.quantity", Quantities.format(lowMilli));
        }
        durable.run(c -> {
            posting.catchUp(c);
            long item = item(c, session, code);
            products.setLow(c, item, lowMilli);
            audit.append(c, AuditEntry.by(session, AuditAction.STOCK_MOVE).subject(code)
                    .detail("LOW " + Quantities.format(lowMilli)));
            return null;
        });
    }

    /**
     * Every item with its stock on hand and value, the products' sales and returns posted first (derived from the
     * journal: reading as an auditor posts them too, and changes nothing anyone recorded).
     */
    public List<StockLevel> levels(Session session) {
        session.require(Permission.READ_REPORTS);
        durable.run(posting::catchUp);
        return store.levels();
    }

    /**
     * The stock item named by {@code code}; a product's barcode or PLU names the product's item, made at its first use
     * (code and name from the product, unit kg for weighed goods), audited.
     */
    private long item(Connection c, Session session, String code) throws SQLException {
        Optional<Long> id = store.itemId(c, code);
        if (id.isPresent()) {
            return id.get();
        }
        SalesPostingStore.ProductRef product = products.product(c, code)
                .orElseThrow(() -> new StockException("stock.error.noItem", code));
        Optional<String> linked = products.itemCodeOf(c, product.id());
        if (linked.isPresent()) {
            return store.itemId(c, linked.get()).orElseThrow();
        }
        store.addItem(c, code, product.name(), product.weighed() ? "kg" : product.unit(), 0, 0);
        products.link(c, code, product.id());
        audit.append(c, AuditEntry.by(session, AuditAction.STOCK_MOVE).subject(code)
                .detail("product item added: " + product.name()));
        return store.itemId(c, code).orElseThrow();
    }

    /** Cost per meal per day and period: value issued ÷ meals served. */
    public List<CostPerMeal> costPerMeal(Session session, LocalDate from, LocalDate to) {
        session.require(Permission.READ_REPORTS);
        return store.costPerMeal(from, to);
    }

    /** A forecast of diners with its measured error and the purchases it suggests. */
    public record Forecast(List<HeadcountForecast.Day> days, HeadcountForecast.Error error,
                           List<Suggestion> purchases) {
    }

    /** What to buy for the forecast: meals × quantity per meal, less what is on hand (never below zero). */
    public record Suggestion(String code, String name, String unit, long neededMilli, long onHandMilli) {
        public long toBuyMilli() {
            return Math.max(0, neededMilli - onHandMilli);
        }
    }

    /**
     * Forecasts diners per period for {@code days} days from today, from the meals of the last {@code weeks} × 3 weeks
     * (see {@link HeadcountForecast}), with the error over the last 28 days, and the purchase suggestion from the items'
     * quantities per meal.
     */
    public Forecast forecast(Session session, int days, int weeks, java.util.Set<LocalDate> closed) {
        session.require(Permission.READ_REPORTS);
        LocalDate today = LocalDate.now(clock);
        HeadcountForecast model = new HeadcountForecast(store.mealsByDayAndPeriod(
                today.minusWeeks(weeks * 3L + 5), today.minusDays(1)), weeks);
        List<HeadcountForecast.Day> forecast = model.forecast(today, days, closed);
        long meals = forecast.stream().mapToLong(HeadcountForecast.Day::meals).sum();
        List<Suggestion> purchases = new ArrayList<>();
        for (StockLevel level : store.levels()) {
            if (level.perMealMilli() > 0) {
                purchases.add(new Suggestion(level.code(), level.name(), level.unit(), meals * level.perMealMilli(),
                        level.onHandMilli()));
            }
        }
        return new Forecast(forecast, model.error(today, 28), purchases);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withNano(0);
    }

    private static String required(String text, String key) {
        if (text == null || text.isBlank()) {
            throw new StockException(key);
        }
        return text.strip();
    }
}
