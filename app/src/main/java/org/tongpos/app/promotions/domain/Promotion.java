package org.tongpos.app.promotions.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tongpos.app.money.domain.Money;

/**
 * A promotion as data: what it does ({@link PromotionKind} and its {@link Terms}), on which goods ({@link Target}),
 * when and for whom ({@link Conditions}), and how it combines with others ({@link Combination}). Whether its values
 * make sense together is checked by {@link PromotionRules}; the engine prices only promotions that passed.
 *
 * @param id   the store's code for it ({@code COLA-2ND}), letters, digits, {@code -} and {@code _}; shown in the journal
 * @param name what the customer reads on the screen and the receipt ({@code 可乐第二件半价})
 */
public record Promotion(String id, String name, PromotionKind kind, Target target, Terms terms, Conditions conditions,
                        Combination combination, boolean active) {

    public Promotion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(combination, "combination");
        id = id.strip();
        name = name.strip();
    }

    /**
     * The numbers of a promotion; a zero means "not given". Which ones a kind needs: see {@link PromotionKind} and
     * {@link PromotionRules}.
     *
     * @param getTarget for buy X get Y of other goods: the goods given; {@link Target#NONE} for the same goods
     * @param mix       multibuys and buy X get Y count pieces across all the target's products together (任选),
     *                  instead of per product
     * @param maxOff    a cap on the discount of a threshold or bank offer; zero for none
     * @param stepped   a threshold that repeats: for every {@code minSpend}, {@code amountOff} (每满100减10)
     */
    public record Terms(int buyQty, int getQty, Target getTarget, int percent, Money price, Money minSpend,
                        Money amountOff, Money maxOff, boolean stepped, boolean mix) {
        public static final Terms NONE = new Terms(0, 0, Target.NONE, 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                false, false);

        public Terms {
            Objects.requireNonNull(getTarget, "getTarget");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(minSpend, "minSpend");
            Objects.requireNonNull(amountOff, "amountOff");
            Objects.requireNonNull(maxOff, "maxOff");
        }

        public boolean hasGetTarget() {
            return !getTarget.isEmpty();
        }
    }

    /**
     * Who and when: the time window, members only, the bank tender a bank offer needs (with card number prefixes
     * that count as the bank's cards, none meaning any card the bank's terminal takes), and the per-payer daily cap
     * of a bank offer (0 = no cap).
     */
    public record Conditions(TimeWindow window, boolean membersOnly, OfferTender tender, List<String> cardPrefixes,
                             int dailyCap) {
        public static final Conditions ALWAYS = new Conditions(TimeWindow.ALWAYS, false, OfferTender.NONE, List.of(),
                0);

        public Conditions {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(tender, "tender");
            cardPrefixes = cardPrefixes.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        }
    }

    /**
     * How a cart or bank promotion combines with others of its stage: at most one promotion of an exclusivity
     * {@code group} applies (the best for the customer); an {@code exclusive} one applies alone. {@code priority}
     * (lower first) only breaks ties between equally good choices, then the id.
     */
    public record Combination(String group, boolean exclusive, int priority) {
        public static final int DEFAULT_PRIORITY = 100;
        public static final Combination DEFAULT = new Combination("", false, DEFAULT_PRIORITY);

        public Combination {
            group = group == null ? "" : group.strip();
        }
    }

    public Stage stage() {
        return kind.stage();
    }

    public boolean isCapped() {
        return conditions.dailyCap() > 0;
    }

    public Promotion withActive(boolean newActive) {
        return new Promotion(id, name, kind, target, terms, conditions, combination, newActive);
    }

    public static Builder builder(String id, String name, PromotionKind kind) {
        return new Builder(id, name, kind);
    }

    /** Builds a promotion a few values at a time (tests, the manager screen, the import). */
    public static final class Builder {
        private final String id;
        private final String name;
        private final PromotionKind kind;
        private Target target = Target.ALL;
        private int buyQty;
        private int getQty;
        private Target getTarget = Target.NONE;
        private int percent;
        private Money price = Money.ZERO;
        private Money minSpend = Money.ZERO;
        private Money amountOff = Money.ZERO;
        private Money maxOff = Money.ZERO;
        private boolean stepped;
        private boolean mix;
        private Optional<LocalDate> from = Optional.empty();
        private Optional<LocalDate> to = Optional.empty();
        private Set<DayOfWeek> weekdays = Set.of();
        private Optional<LocalTime> start = Optional.empty();
        private Optional<LocalTime> end = Optional.empty();
        private boolean membersOnly;
        private OfferTender tender = OfferTender.NONE;
        private List<String> cardPrefixes = List.of();
        private int dailyCap;
        private String group = "";
        private boolean exclusive;
        private int priority = Combination.DEFAULT_PRIORITY;
        private boolean active = true;

        private Builder(String id, String name, PromotionKind kind) {
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.membersOnly = kind == PromotionKind.MEMBER_PRICE;
        }

        public Builder target(Target value) {
            this.target = value;
            return this;
        }

        public Builder products(String... codes) {
            return target(Target.products(codes));
        }

        public Builder categories(String... names) {
            return target(Target.categories(names));
        }

        public Builder buy(int quantity) {
            this.buyQty = quantity;
            return this;
        }

        public Builder get(int quantity) {
            this.getQty = quantity;
            return this;
        }

        public Builder getTarget(Target value) {
            this.getTarget = value;
            return this;
        }

        public Builder percent(int value) {
            this.percent = value;
            return this;
        }

        public Builder price(Money value) {
            this.price = value;
            return this;
        }

        public Builder minSpend(Money value) {
            this.minSpend = value;
            return this;
        }

        public Builder amountOff(Money value) {
            this.amountOff = value;
            return this;
        }

        public Builder maxOff(Money value) {
            this.maxOff = value;
            return this;
        }

        public Builder stepped(boolean value) {
            this.stepped = value;
            return this;
        }

        public Builder mix(boolean value) {
            this.mix = value;
            return this;
        }

        public Builder dates(LocalDate first, LocalDate last) {
            this.from = Optional.ofNullable(first);
            this.to = Optional.ofNullable(last);
            return this;
        }

        public Builder weekdays(Set<DayOfWeek> days) {
            this.weekdays = days;
            return this;
        }

        public Builder hours(LocalTime startTime, LocalTime endTime) {
            this.start = Optional.ofNullable(startTime);
            this.end = Optional.ofNullable(endTime);
            return this;
        }

        public Builder membersOnly(boolean value) {
            this.membersOnly = value;
            return this;
        }

        public Builder tender(OfferTender value) {
            this.tender = value;
            return this;
        }

        public Builder cardPrefixes(List<String> prefixes) {
            this.cardPrefixes = prefixes;
            return this;
        }

        public Builder dailyCap(int uses) {
            this.dailyCap = uses;
            return this;
        }

        public Builder group(String value) {
            this.group = value;
            return this;
        }

        public Builder exclusive(boolean value) {
            this.exclusive = value;
            return this;
        }

        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        public Builder active(boolean value) {
            this.active = value;
            return this;
        }

        public Promotion build() {
            return new Promotion(id, name, kind, target,
                    new Terms(buyQty, getQty, getTarget, percent, price, minSpend, amountOff, maxOff, stepped, mix),
                    new Conditions(new TimeWindow(from, to, weekdays, start, end), membersOnly, tender, cardPrefixes,
                            dailyCap),
                    new Combination(group, exclusive, priority), active);
        }
    }
}
