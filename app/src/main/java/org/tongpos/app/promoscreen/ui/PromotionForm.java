package org.tongpos.app.promoscreen.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.OfferTender;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.Stage;
import org.tongpos.app.promotions.domain.TargetType;
import org.tongpos.app.promotions.domain.TimeWindow;

/**
 * The promotion form as the manager fills it: every field as typed (text, so that a bad value can be said back
 * instead of lost), the kind, the goods chosen, the weekdays ticked. Only JavaFX properties, no controls: the
 * {@link PromotionFormView} binds to it and {@link PromotionFormReader} reads it into a {@link Promotion} or the reasons
 * it cannot be one. A form holds values for every kind; the reader reads only those its kind uses, so switching the
 * kind back and forth loses nothing typed.
 */
public final class PromotionForm {

    /** A product or category chosen for the promotion: its code (or category name) and what the screen shows. */
    public record Goods(String code, String label) {
        @Override
        public String toString() {
            return label.isEmpty() || label.equals(code) ? code : code + "  " + label;
        }
    }

    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<PromotionKind> kind = new SimpleObjectProperty<>(PromotionKind.PERCENT_OFF);
    private final ObjectProperty<TargetType> targetType = new SimpleObjectProperty<>(TargetType.PRODUCT);
    private final ObservableList<Goods> goods = FXCollections.observableArrayList();
    private final ObservableList<Goods> getGoods = FXCollections.observableArrayList();
    private final StringProperty buyQty = new SimpleStringProperty("");
    private final StringProperty getQty = new SimpleStringProperty("");
    private final StringProperty percent = new SimpleStringProperty("");
    private final StringProperty price = new SimpleStringProperty("");
    private final StringProperty minSpend = new SimpleStringProperty("");
    private final StringProperty amountOff = new SimpleStringProperty("");
    private final StringProperty maxOff = new SimpleStringProperty("");
    private final BooleanProperty stepped = new SimpleBooleanProperty(false);
    private final BooleanProperty mix = new SimpleBooleanProperty(false);
    private final BooleanProperty membersOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<OfferTender> tender = new SimpleObjectProperty<>(OfferTender.ANY);
    private final StringProperty cardPrefixes = new SimpleStringProperty("");
    private final StringProperty dailyCap = new SimpleStringProperty("");
    private final StringProperty dateFrom = new SimpleStringProperty("");
    private final StringProperty dateTo = new SimpleStringProperty("");
    private final Map<DayOfWeek, BooleanProperty> weekdays = new EnumMap<>(DayOfWeek.class);
    private final StringProperty timeFrom = new SimpleStringProperty("");
    private final StringProperty timeTo = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final BooleanProperty exclusive = new SimpleBooleanProperty(false);
    private final StringProperty priority = new SimpleStringProperty(
            Integer.toString(Promotion.Combination.DEFAULT_PRIORITY));
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final BooleanProperty existing = new SimpleBooleanProperty(false);

    public PromotionForm() {
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays.put(day, new SimpleBooleanProperty(false));
        }
        // product codes are not categories: another kind of goods starts an empty list
        targetType.addListener((obs, old, now) -> goods.clear());
    }

    /** An empty form for a new promotion (九折 on chosen products, every day, switched on). */
    public static PromotionForm blank() {
        return new PromotionForm();
    }

    /**
     * The form of a saved promotion, its goods labelled by {@code label} (a product's name, a category as is). Its id
     * cannot be changed: saving it updates that promotion.
     */
    public static PromotionForm of(Promotion p, java.util.function.UnaryOperator<String> label) {
        PromotionForm f = new PromotionForm();
        f.id.set(p.id());
        f.name.set(p.name());
        f.kind.set(p.kind());
        f.targetType.set(p.target().type());
        for (String code : p.target().values()) {
            f.goods.add(new Goods(code, p.target().type() == TargetType.PRODUCT ? label.apply(code) : code));
        }
        for (String code : p.terms().getTarget().values()) {
            f.getGoods.add(new Goods(code, label.apply(code)));
        }
        Promotion.Terms t = p.terms();
        f.buyQty.set(number(t.buyQty()));
        f.getQty.set(number(t.getQty()));
        f.percent.set(number(t.percent()));
        f.price.set(yuan(t.price()));
        f.minSpend.set(yuan(t.minSpend()));
        f.amountOff.set(yuan(t.amountOff()));
        f.maxOff.set(yuan(t.maxOff()));
        f.stepped.set(t.stepped());
        f.mix.set(t.mix());
        Promotion.Conditions c = p.conditions();
        f.membersOnly.set(c.membersOnly());
        f.tender.set(c.tender() == OfferTender.NONE ? OfferTender.ANY : c.tender());
        f.cardPrefixes.set(String.join(";", c.cardPrefixes()));
        f.dailyCap.set(number(c.dailyCap()));
        TimeWindow w = c.window();
        f.dateFrom.set(w.from().map(LocalDate::toString).orElse(""));
        f.dateTo.set(w.to().map(LocalDate::toString).orElse(""));
        w.weekdays().forEach(day -> f.weekdays.get(day).set(true));
        f.timeFrom.set(w.start().map(LocalTime::toString).orElse(""));
        f.timeTo.set(w.end().map(LocalTime::toString).orElse(""));
        f.group.set(p.combination().group());
        f.exclusive.set(p.combination().exclusive());
        f.priority.set(Integer.toString(p.combination().priority()));
        f.active.set(p.active());
        f.existing.set(true);
        return f;
    }

    private static String number(int value) {
        return value == 0 ? "" : Integer.toString(value);
    }

    private static String yuan(Money value) {
        return value.isZero() ? "" : value.toYuanString();
    }

    public StringProperty id() {
        return id;
    }

    public StringProperty name() {
        return name;
    }

    public ObjectProperty<PromotionKind> kind() {
        return kind;
    }

    public ObjectProperty<TargetType> targetType() {
        return targetType;
    }

    /** The products (barcode or PLU) or categories the promotion covers; unused when it covers the whole cart. */
    public ObservableList<Goods> goods() {
        return goods;
    }

    /** For buy X get Y: the products given, when they are not the goods bought. */
    public ObservableList<Goods> getGoods() {
        return getGoods;
    }

    public StringProperty buyQty() {
        return buyQty;
    }

    public StringProperty getQty() {
        return getQty;
    }

    public StringProperty percent() {
        return percent;
    }

    public StringProperty price() {
        return price;
    }

    public StringProperty minSpend() {
        return minSpend;
    }

    public StringProperty amountOff() {
        return amountOff;
    }

    public StringProperty maxOff() {
        return maxOff;
    }

    public BooleanProperty stepped() {
        return stepped;
    }

    public BooleanProperty mix() {
        return mix;
    }

    /** Members only (always so for a member price). */
    public BooleanProperty membersOnly() {
        return membersOnly;
    }

    public ObjectProperty<OfferTender> tender() {
        return tender;
    }

    public StringProperty cardPrefixes() {
        return cardPrefixes;
    }

    public StringProperty dailyCap() {
        return dailyCap;
    }

    /** The first day, as typed or picked ({@code 2026-12-24}); empty for no start. */
    public StringProperty dateFrom() {
        return dateFrom;
    }

    public StringProperty dateTo() {
        return dateTo;
    }

    /** Whether the promotion runs on {@code day}; none ticked means every day. */
    public BooleanProperty weekday(DayOfWeek day) {
        return weekdays.get(day);
    }

    /** The days ticked. */
    public List<DayOfWeek> weekdaysTicked() {
        List<DayOfWeek> days = new ArrayList<>();
        weekdays.forEach((day, ticked) -> {
            if (ticked.get()) {
                days.add(day);
            }
        });
        return days;
    }

    public StringProperty timeFrom() {
        return timeFrom;
    }

    public StringProperty timeTo() {
        return timeTo;
    }

    public StringProperty group() {
        return group;
    }

    public BooleanProperty exclusive() {
        return exclusive;
    }

    public StringProperty priority() {
        return priority;
    }

    public BooleanProperty active() {
        return active;
    }

    /** True for a saved promotion being edited (its id is fixed). */
    public BooleanProperty existing() {
        return existing;
    }

    /** Whether the kind chosen combines by group and exclusivity (满减 and bank offers; item promotions do not). */
    public boolean combines() {
        return kind.get().stage() != Stage.ITEM;
    }

    /** Adds goods unless already there; false when it was. */
    public boolean addGoods(ObservableList<Goods> list, Goods item) {
        boolean known = list.stream().anyMatch(g -> g.code().equals(item.code()));
        if (!known) {
            list.add(item);
        }
        return !known;
    }
}
