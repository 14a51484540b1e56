package org.tongpos.app.kitchen.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tongpos.app.kitchen.domain.Quantities;
import org.tongpos.app.kitchen.domain.StockException;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.service.ReportTables;
import org.tongpos.app.ui.Notice;

/**
 * The stock screen's one open form (none, a purchase received, a count, waste, a low level): its fields as typed, the
 * item they name among the items read (its unit and the quantity on the books), a count's variance as typed, and
 * {@link #read()}, which checks the fields and makes the movement to send, or says what is wrong.
 */
public final class StockForm {

    /** Which form is open. */
    public enum Kind {
        NONE, RECEIVE, COUNT, WASTE, LOW
    }

    /** Checked input, ready to be recorded; returns what to tell the person. */
    @FunctionalInterface
    public interface Movement {
        Notice record(KitchenStock stock, Session session);
    }

    static final int SUPPLIER_MAX = 100;
    static final int REASON_MAX = 200;

    private final List<StockLevel> levels;
    private final List<String> suppliers;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.NONE);
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty unitPrice = new SimpleStringProperty("");
    private final StringProperty supplier = new SimpleStringProperty("");
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<StockLevel> level = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> varianceMilli = new ReadOnlyObjectWrapper<>();

    /** @param levels the items read (live), @param suppliers the suppliers known (live) */
    StockForm(List<StockLevel> levels, List<String> suppliers) {
        this.levels = levels;
        this.suppliers = suppliers;
        item.addListener((o, was, now) -> follow());
        quantity.addListener((o, was, now) -> follow());
        kind.addListener((o, was, now) -> follow());
    }

    public ReadOnlyObjectProperty<Kind> kind() {
        return kind;
    }

    public StringProperty item() {
        return item;
    }

    /** The quantity received, counted, wasted, or the low level. */
    public StringProperty quantity() {
        return quantity;
    }

    /** Yuan per unit of the item. */
    public StringProperty unitPrice() {
        return unitPrice;
    }

    public StringProperty supplier() {
        return supplier;
    }

    /** The business date, ISO (2026-11-30). */
    public StringProperty date() {
        return date;
    }

    public StringProperty reason() {
        return reason;
    }

    /** The item the code names among those read; null when it names none (yet: a product's barcode may). */
    public ReadOnlyObjectProperty<StockLevel> level() {
        return level.getReadOnlyProperty();
    }

    /** A count's variance against the books as typed; null when it cannot be told (no item, no number). */
    public ReadOnlyObjectProperty<Long> varianceMilli() {
        return varianceMilli.getReadOnlyProperty();
    }

    void start(Kind opened, StockLevel selected, LocalDate today) {
        item.set(selected == null ? "" : selected.code());
        quantity.set(opened == Kind.LOW && selected != null ? Quantities.format(selected.lowMilli()) : "");
        unitPrice.set("");
        supplier.set(selected == null ? "" : selected.supplier());
        date.set(today.toString());
        reason.set("");
        kind.set(opened);
    }

    void close() {
        kind.set(Kind.NONE);
    }

    private void follow() {
        String code = text(item);
        StockLevel named = levels.stream().filter(l -> l.code().equals(code)).findFirst().orElse(null);
        level.set(named);
        OptionalLong counted = Quantities.parse(text(quantity));
        varianceMilli.set(kind.get() == Kind.COUNT && named != null && counted.isPresent()
                ? counted.getAsLong() - named.onHandMilli() : null);
    }

    /** Refreshes what the item names after the items were read again. */
    void itemsChanged() {
        follow();
    }

    /** The movement the fields say; a {@link StockException} with the reason when one is wrong. */
    Movement read() {
        String code = text(item);
        if (code.isEmpty()) {
            throw new StockException("stock.error.code");
        }
        StockLevel named = level.get();
        String what = named == null ? code : named.name();
        return switch (kind.get()) {
            case RECEIVE -> receive(code, what, named);
            case COUNT -> {
                long counted = quantity(false);
                String why = limited(text(reason), REASON_MAX, "stock.field.reason");
                LocalDate day = day();
                yield (stock, who) -> {
                    long variance = stock.count(who, code, counted, why, day);
                    return Notice.info("stock.done.counted", what,
                            (variance > 0 ? "+" : "") + withUnit(variance, named));
                };
            }
            case WASTE -> {
                long wasted = quantity(true);
                String why = limited(text(reason), REASON_MAX, "stock.field.reason");
                if (why.isEmpty()) {
                    throw new StockException("stock.error.reason");
                }
                LocalDate day = day();
                yield (stock, who) -> Notice.info("stock.done.wasted", what, withUnit(wasted, named),
                        ReportTables.yuan(stock.waste(who, code, wasted, why, day)));
            }
            case LOW -> {
                long low = quantity(false);
                yield (stock, who) -> {
                    stock.setLow(who, code, low);
                    return Notice.info("stock.done.low", what, withUnit(low, named));
                };
            }
            case NONE -> throw new IllegalStateException("no form is open");
        };
    }

    /** "25 kg" for an item read, "25" for a code that names none yet (a product received for the first time). */
    private static String withUnit(long milli, StockLevel named) {
        return Quantities.format(milli) + (named == null ? "" : " " + named.unit());
    }

    private Movement receive(String code, String what, StockLevel named) {
        long received = quantity(true);
        long price = price();
        String from = limited(text(supplier), SUPPLIER_MAX, "stock.field.supplier");
        if (from.isEmpty()) {
            throw new StockException("stock.error.supplier");
        }
        LocalDate day = day();
        boolean newSupplier = !suppliers.contains(from);
        KitchenStock.Purchase purchase = new KitchenStock.Purchase(day, code, received, price, from);
        return (stock, who) -> {
            String value = ReportTables.yuan(stock.receiveAddingSupplier(who, purchase));
            String quantityText = withUnit(received, named);
            return newSupplier ? Notice.info("stock.done.receivedNewSupplier", what, quantityText, value, from)
                    : Notice.info("stock.done.received", what, quantityText, value);
        };
    }

    /** The quantity typed: a number with at most three decimals, above zero when {@code positive}, else not below. */
    private long quantity(boolean positive) {
        String typed = text(quantity);
        OptionalLong q = Quantities.parse(typed);
        if (q.isEmpty() || q.getAsLong() < 0 || positive && q.getAsLong() == 0) {
            throw new StockException("stock.error.quantity", typed);
        }
        return q.getAsLong();
    }

    private long price() {
        String typed = text(unitPrice);
        long fen;
        try {
            fen = Money.parseYuan(typed).fen();
        } catch (IllegalArgumentException e) {
            throw new StockException("stock.error.price", typed);
        }
        if (fen < 0) {
            throw new StockException("stock.error.price", typed);
        }
        return fen;
    }

    private LocalDate day() {
        String typed = text(date);
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            throw new StockException("stock.error.date", typed);
        }
    }

    private static String limited(String text, int max, String fieldKey) {
        if (text.length() > max) {
            throw new StockException("stock.error.tooLong", new Notice.Key(fieldKey), max);
        }
        return text;
    }

    private static String text(StringProperty field) {
        return field.get() == null ? "" : field.get().strip();
    }
}
