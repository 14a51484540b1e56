package org.tongpos.app.canteen.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tongpos.app.canteen.domain.CalendarDay;
import org.tongpos.app.canteen.domain.CanteenSetting;
import org.tongpos.app.canteen.domain.DinerTypes;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.canteen.domain.MealPeriod;
import org.tongpos.app.canteen.domain.MealRules;
import org.tongpos.app.canteen.domain.PriceRule;
import org.tongpos.app.canteen.service.CanteenRules;
import org.tongpos.app.canteen.service.RuleProblem;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The meal-rules screen (the serving line's {@code key.meal-rules}, Ctrl+E): meal periods, prices per period and
 * diner type, today's menu, the limits and the closed days, as rows the manager edits in place and saves at once.
 * Saving turns the rows that differ from the stored rules into changes made through {@link CanteenRules}, the same
 * service the command line uses (so every change is checked there and audited); an operator who may not change the
 * rules is asked for a manager's number and PIN in place, and each change is then recorded with that approver. An
 * operator who may change nothing (an auditor) sees the rules read-only, and the service refuses such a change anyway.
 */
public final class MealRulesViewModel {

    /** A meal period as edited: the name only while it is new (renaming would orphan its prices and menu). */
    public static final class PeriodRow extends Row {
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty window = new SimpleStringProperty("");
        private final StringProperty days = new SimpleStringProperty("1234567");
        private final StringProperty meals = new SimpleStringProperty("");

        public StringProperty name() {
            return name;
        }

        /** {@code HH:MM-HH:MM}. */
        public StringProperty window() {
            return window;
        }

        /** Weekday digits, 1 = Monday. */
        public StringProperty days() {
            return days;
        }

        /** Meals a diner may take in it; empty for the canteen's {@code meals-per-period}. */
        public StringProperty meals() {
            return meals;
        }

        @Override
        String state() {
            return window.get().strip() + "|" + days.get().strip() + "|" + meals.get().strip();
        }
    }

    /** What a diner type pays in a period: a fixed price (yuan), or by dish. */
    public static final class PriceRow extends Row {
        private final StringProperty period = new SimpleStringProperty("");
        private final StringProperty dinerType = new SimpleStringProperty("");
        private final StringProperty price = new SimpleStringProperty("");
        private final BooleanProperty byDish = new SimpleBooleanProperty(false);
        private SortedMap<Integer, Money> nthPrices = new TreeMap<>();

        public StringProperty period() {
            return period;
        }

        public StringProperty dinerType() {
            return dinerType;
        }

        public StringProperty price() {
            return price;
        }

        public BooleanProperty byDish() {
            return byDish;
        }

        @Override
        String state() {
            return byDish.get() ? "dish" : price.get().strip();
        }
    }

    /** A dish on a period's menu. */
    public static final class DishRow extends Row {
        private final StringProperty period = new SimpleStringProperty("");
        private final StringProperty number = new SimpleStringProperty("");
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty price = new SimpleStringProperty("");

        public StringProperty period() {
            return period;
        }

        public StringProperty number() {
            return number;
        }

        public StringProperty name() {
            return name;
        }

        public StringProperty price() {
            return price;
        }

        @Override
        String state() {
            return name.get().strip() + "|" + price.get().strip();
        }
    }

    /** A closed day (holiday) or a make-up working day. */
    public static final class DayRow extends Row {
        private final StringProperty date = new SimpleStringProperty("");
        private final ObjectProperty<CalendarDay.Kind> kind = new SimpleObjectProperty<>(CalendarDay.Kind.CLOSED);
        private final StringProperty note = new SimpleStringProperty("");

        /** {@code yyyy-MM-dd}. */
        public StringProperty date() {
            return date;
        }

        public ObjectProperty<CalendarDay.Kind> kind() {
            return kind;
        }

        public StringProperty note() {
            return note;
        }

        @Override
        String state() {
            return kind.get() + "|" + note.get().strip();
        }
    }

    /** A row of any tab: new (not stored yet) or as stored, and whether it is to be removed. */
    public abstract static class Row {
        private final BooleanProperty removed = new SimpleBooleanProperty(false);
        private String stored;

        /** Ticked: the row is removed when saving. */
        public BooleanProperty removed() {
            return removed;
        }

        /** True when the row is not stored yet (added on this screen). */
        public boolean isNew() {
            return stored == null;
        }

        abstract String state();

        boolean changed() {
            return !isNew() && !state().equals(stored);
        }

        void markStored() {
            stored = state();
        }
    }

    /** One change to make: what the audit log calls it, and how. */
    private record Edit(String subject, Change change) {
    }

    @FunctionalInterface
    private interface Change {
        void apply(CanteenRules rules, Session by, Optional<Session> approver);
    }

    /** How a save went: changes made, of how many, and the one refused (with why), if any. */
    public record Saved(int done, int of, Optional<String> refused, Optional<Notice> why) {
    }

    private final CanteenRules rules;
    private final TaskRunner tasks;
    private final Supplier<Session> session;
    private final ApprovalViewModel approvals;
    private final ObservableList<PeriodRow> periods = FXCollections.observableArrayList();
    private final ObservableList<PriceRow> prices = FXCollections.observableArrayList();
    private final ObservableList<DishRow> dishes = FXCollections.observableArrayList();
    private final ObservableList<DayRow> days = FXCollections.observableArrayList();
    private final Map<CanteenSetting, StringProperty> limits = new LinkedHashMap<>();
    private final Map<CanteenSetting, String> storedLimits = new LinkedHashMap<>();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ObjectProperty<Saved> lastSave = new SimpleObjectProperty<>();
    private Runnable onSaved = () -> { };

    /**
     * @param session   who is at the line (called on the FX thread)
     * @param approvals the approval prompt for an operator who may not change the rules alone; null: refused
     */
    public MealRulesViewModel(CanteenRules rules, TaskRunner tasks, Supplier<Session> session,
                              ApprovalViewModel approvals) {
        this.rules = rules;
        this.tasks = tasks;
        this.session = session;
        this.approvals = approvals;
        for (CanteenSetting setting : CanteenSetting.values()) {
            limits.put(setting, new SimpleStringProperty(""));
        }
    }

    public ObservableList<PeriodRow> periods() {
        return periods;
    }

    public ObservableList<PriceRow> prices() {
        return prices;
    }

    public ObservableList<DishRow> dishes() {
        return dishes;
    }

    public ObservableList<DayRow> days() {
        return days;
    }

    /** Every limit and switch of the canteen, in {@link CanteenSetting} order, as typed. */
    public Map<CanteenSetting, StringProperty> limits() {
        return limits;
    }

    /** True when the operator may change nothing (an auditor): every field is disabled and saving refused. */
    public ReadOnlyBooleanProperty readOnly() {
        return readOnly;
    }

    /** True while the rules are read or saved. */
    public ReadOnlyBooleanProperty working() {
        return working;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    /** The outcome of the last save; null before one. */
    public ReadOnlyObjectProperty<Saved> lastSave() {
        return lastSave;
    }

    /** Runs after a save changed something (the serving line reads the rules again). */
    public void setOnSaved(Runnable action) {
        onSaved = Objects.requireNonNull(action, "action");
    }

    /** Reads the stored rules into the rows (off the FX thread); what was typed and not saved is dropped. */
    public void load() {
        Session by = currentSession();
        readOnly.set(by == null || !CanteenRules.mayEdit(by));
        working.set(true);
        tasks.run(() -> new Stored(rules.rules(), rules.limits()), stored -> {
            working.set(false);
            show(stored);
        }, failure -> {
            working.set(false);
            notice.set(Notice.error("rules.failed", String.valueOf(failure.getMessage())));
        });
    }

    private record Stored(MealRules rules, Map<CanteenSetting, String> limits) {
    }

    private void show(Stored stored) {
        periods.clear();
        for (MealPeriod p : stored.rules().periods()) {
            PeriodRow row = new PeriodRow();
            row.name.set(p.name());
            row.window.set(p.window());
            row.days.set(p.daysText());
            row.meals.set(p.mealsAllowed().isPresent() ? String.valueOf(p.mealsAllowed().getAsInt()) : "");
            row.markStored();
            periods.add(row);
        }
        prices.clear();
        List<String> periodOrder = stored.rules().periods().stream().map(MealPeriod::name).toList();
        List<PriceRule> sorted = stored.rules().prices().stream().sorted(java.util.Comparator
                .comparingInt((PriceRule r) -> periodOrder.indexOf(r.period())).thenComparing(PriceRule::dinerType))
                .toList();
        for (PriceRule r : sorted) {
            PriceRow row = new PriceRow();
            row.period.set(r.period());
            row.dinerType.set(r.dinerType());
            row.byDish.set(r.byDish());
            row.price.set(r.fixed().map(Money::toYuanString).orElse(""));
            row.nthPrices = new TreeMap<>(r.nthPrices());
            row.markStored();
            prices.add(row);
        }
        dishes.clear();
        for (Dish d : stored.rules().menu()) {
            DishRow row = new DishRow();
            row.period.set(d.period());
            row.number.set(String.valueOf(d.number()));
            row.name.set(d.name());
            row.price.set(d.price().toYuanString());
            row.markStored();
            dishes.add(row);
        }
        days.clear();
        stored.rules().calendar().values().stream().sorted(java.util.Comparator.comparing(CalendarDay::date))
                .forEach(d -> {
                    DayRow row = new DayRow();
                    row.date.set(d.date().toString());
                    row.kind.set(d.kind());
                    row.note.set(d.note());
                    row.markStored();
                    days.add(row);
                });
        storedLimits.clear();
        storedLimits.putAll(stored.limits());
        stored.limits().forEach((setting, value) -> limits.get(setting).set(value));
    }

    /** Adds an empty period row (new). */
    public PeriodRow addPeriod() {
        PeriodRow row = new PeriodRow();
        periods.add(row);
        return row;
    }

    /** Adds a price row, for the first period when there is one. */
    public PriceRow addPrice() {
        PriceRow row = new PriceRow();
        row.period.set(periods.isEmpty() ? "" : periods.get(0).name.get());
        row.dinerType.set(DinerTypes.STAFF);
        prices.add(row);
        return row;
    }

    public DishRow addDish() {
        DishRow row = new DishRow();
        row.period.set(periods.isEmpty() ? "" : periods.get(0).name.get());
        row.number.set(String.valueOf(dishes.stream().mapToInt(d -> parseIntOr(d.number.get(), 0)).max().orElse(0)
                + 1));
        dishes.add(row);
        return row;
    }

    public DayRow addDay() {
        DayRow row = new DayRow();
        days.add(row);
        return row;
    }

    /** True when something was typed that is not saved yet. */
    public boolean hasChanges() {
        try {
            return !edits().isEmpty();
        } catch (RuleProblem bad) {
            return true;
        }
    }

    /**
     * Saves what differs from the stored rules (Ctrl+S or the save button). Each change goes through the rules
     * service and the audit log; an operator who may not change the rules is asked for a manager's PIN first. Returns
     * false (saying why) when nothing was started.
     */
    public boolean save() {
        if (working.get() || approvals != null && approvals.isAsking()) {
            return false;
        }
        Session by = currentSession();
        if (by == null || readOnly.get() || !CanteenRules.mayEdit(by)) {
            notice.set(Notice.error("rules.readOnly"));
            return false;
        }
        List<Edit> edits;
        try {
            edits = edits();
        } catch (RuleProblem bad) {
            notice.set(Notice.error(bad.key(), bad.args()));
            return false;
        }
        if (edits.isEmpty()) {
            notice.set(Notice.info("rules.nothingChanged"));
            return false;
        }
        notice.set(null);
        if (by.may(Permission.EDIT_MEAL_RULES)) {
            apply(edits, by, Optional.empty());
            return true;
        }
        if (approvals == null) {
            notice.set(Notice.error("rules.notAllowed"));
            return false;
        }
        String subjects = edits.stream().map(Edit::subject).collect(Collectors.joining("; "));
        approvals.ask(by, new ApprovalRequest(Permission.EDIT_MEAL_RULES, AuditAction.MEAL_RULE_CHANGED,
                        edits.size() == 1 ? edits.get(0).subject() : subjects.length() <= 60 ? subjects
                                : edits.get(0).subject() + " … (" + edits.size() + ")",
                        Optional.empty(), subjects),
                approval -> apply(edits, by, Optional.of(approverSession(approval))),
                () -> notice.set(Notice.info("rules.cancelled")));
        return true;
    }

    private static Session approverSession(Approval approval) {
        return Session.loggedIn(approval.approver(), approval.at());
    }

    private void apply(List<Edit> edits, Session by, Optional<Session> approver) {
        working.set(true);
        tasks.run(() -> {
            int done = 0;
            for (Edit edit : edits) {
                try {
                    edit.change().apply(rules, by, approver);
                } catch (RuleProblem problem) {
                    return new Saved(done, edits.size(), Optional.of(edit.subject()),
                            Optional.of(Notice.error(problem.key(), problem.args())));
                } catch (AccessDeniedException denied) {
                    return new Saved(done, edits.size(), Optional.of(edit.subject()),
                            Optional.of(Notice.error("rules.readOnly")));
                }
                done++;
            }
            return new Saved(done, edits.size(), Optional.empty(), Optional.empty());
        }, saved -> {
            working.set(false);
            lastSave.set(saved);
            if (saved.refused().isPresent()) {
                notice.set(Notice.error("rules.refused", saved.done(), saved.of(), saved.refused().get(),
                        saved.why().orElseThrow()));
            } else {
                notice.set(approver.isPresent()
                        ? Notice.info("rules.savedApproved", saved.done(), approver.get().recordedAs())
                        : Notice.info("rules.saved", saved.done()));
            }
            if (saved.done() > 0) {
                onSaved.run();
            }
            if (saved.refused().isEmpty()) {
                load();
            }
        }, failure -> {
            working.set(false);
            notice.set(Notice.error("rules.failed", String.valueOf(failure.getMessage())));
        });
    }

    /** What differs from the stored rules, in an order the service accepts (periods before their prices). */
    private List<Edit> edits() {
        List<Edit> sets = new ArrayList<>();
        List<Edit> removals = new ArrayList<>();
        for (PeriodRow row : periods) {
            String name = row.isNew() ? row.name.get().strip() : row.name.get();
            if (row.removed().get()) {
                if (!row.isNew()) {
                    removals.add(new Edit("period " + name, (r, by, ap) -> r.removePeriod(name, by, ap)));
                }
                continue;
            }
            if (!row.isNew() && !row.changed() || row.isNew() && blank(row.name, row.window)) {
                continue;
            }
            String window = row.window.get().strip();
            String weekdays = row.days.get().strip();
            check(() -> MealPeriod.parseWindow(window), "canteen.rule.badWindow", window);
            check(() -> MealPeriod.parseDays(weekdays), "canteen.rule.badDays", weekdays);
            OptionalInt meals = row.meals.get().isBlank() ? OptionalInt.empty()
                    : OptionalInt.of(parseInt(row.meals.get(), "canteen.rule.badMeals"));
            sets.add(new Edit("period " + name, (r, by, ap) -> r.setPeriod(name, window, weekdays, meals, by, ap)));
        }
        for (PriceRow row : prices) {
            String period = row.period.get().strip();
            String type = DinerTypes.normalize(row.dinerType.get());
            if (row.removed().get()) {
                if (!row.isNew()) {
                    removals.add(0, new Edit("price " + period + " " + type,
                            (r, by, ap) -> r.removePrice(period, type, by, ap)));
                }
                continue;
            }
            if (!row.isNew() && !row.changed() || row.isNew() && blank(row.period) && blank(row.price)) {
                continue;
            }
            Optional<Money> fixed = row.byDish.get() ? Optional.empty() : Optional.of(money(row.price.get()));
            SortedMap<Integer, Money> nth = row.byDish.get() ? new TreeMap<>() : row.nthPrices;
            sets.add(new Edit("price " + period + " " + type,
                    (r, by, ap) -> r.setPrice(period, type, fixed, nth, by, ap)));
        }
        for (DishRow row : dishes) {
            String period = row.period.get().strip();
            int number = parseInt(row.number.get(), "canteen.rule.badDishNo");
            if (row.removed().get()) {
                if (!row.isNew()) {
                    removals.add(0, new Edit("dish " + period + " " + number,
                            (r, by, ap) -> r.removeDish(period, number, by, ap)));
                }
                continue;
            }
            if (!row.isNew() && !row.changed() || row.isNew() && blank(row.name)) {
                continue;
            }
            String name = row.name.get();
            Money price = money(row.price.get());
            sets.add(new Edit("dish " + period + " " + number,
                    (r, by, ap) -> r.setDish(period, number, name, price, by, ap)));
        }
        for (DayRow row : days) {
            if (row.isNew() && blank(row.date)) {
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(row.date.get().strip());
            } catch (DateTimeParseException e) {
                throw RuleProblem.of("rules.badDate", row.date.get());
            }
            if (row.removed().get()) {
                if (!row.isNew()) {
                    removals.add(new Edit("day " + date, (r, by, ap) -> r.removeDay(date, by, ap)));
                }
                continue;
            }
            if (!row.isNew() && !row.changed()) {
                continue;
            }
            CalendarDay.Kind kind = row.kind.get();
            String note = row.note.get();
            sets.add(new Edit("day " + date, (r, by, ap) -> r.setDay(date, kind, note, by, ap)));
        }
        for (Map.Entry<CanteenSetting, StringProperty> limit : limits.entrySet()) {
            String value = limit.getValue().get().strip();
            if (!value.equals(storedLimits.getOrDefault(limit.getKey(), value))) {
                String key = limit.getKey().key();
                sets.add(new Edit("limit " + key, (r, by, ap) -> r.setLimit(key, value, by, ap)));
            }
        }
        List<Edit> all = new ArrayList<>(sets);
        all.addAll(removals);
        return all;
    }

    private Session currentSession() {
        try {
            return session.get();
        } catch (IllegalStateException nobody) {
            return null;
        }
    }

    private static boolean blank(StringProperty... fields) {
        for (StringProperty field : fields) {
            if (!field.get().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void check(Runnable parse, String key, String text) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            throw RuleProblem.of(key, text);
        }
    }

    private static Money money(String text) {
        try {
            return Money.parseYuan(text.strip());
        } catch (RuntimeException e) {
            throw RuleProblem.of("canteen.rule.badPrice", text.strip());
        }
    }

    private static int parseInt(String text, String key) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw RuleProblem.of(key, text.strip());
        }
    }

    private static int parseIntOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
