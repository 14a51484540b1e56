package org.tongpos.app.promoscreen.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.OfferTender;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.PromotionRules;
import org.tongpos.app.promotions.domain.Reason;
import org.tongpos.app.promotions.domain.Target;
import org.tongpos.app.promotions.domain.TargetType;

/**
 * Reads a {@link PromotionForm} into the engine's {@link Promotion}, or says every reason it cannot, each at its field
 * ("价格：不是金额") in the manager's language. Reads only the fields the kind uses (a percent typed before switching
 * to 特价 is not a mistake), then lets {@link PromotionRules} check the values together, so that a promotion the form
 * accepts is one the import would accept. Whether the goods exist is the catalog's question: the goods on the form
 * were found there when added, and the service checks again when it saves.
 */
public final class PromotionFormReader {

    /** The fields of the form, each with its label in the bundles (for the problems and the screen). */
    public enum Field {
        ID("promo.form.id"), NAME("promo.form.name"), KIND("promo.form.kind"), GOODS("promo.form.goods"),
        GET_GOODS("promo.form.getGoods"), BUY_QTY("promo.form.buyQty"), GET_QTY("promo.form.getQty"),
        PERCENT("promo.form.percent"), PRICE("promo.form.price"), MIN_SPEND("promo.form.minSpend"),
        AMOUNT_OFF("promo.form.amountOff"), MAX_OFF("promo.form.maxOff"), TENDER("promo.form.tender"),
        CARD_PREFIXES("promo.form.cardPrefixes"), DAILY_CAP("promo.form.dailyCap"),
        DATE_FROM("promo.form.dateFrom"), DATE_TO("promo.form.dateTo"), TIME_FROM("promo.form.timeFrom"),
        TIME_TO("promo.form.timeTo"), GROUP("promo.form.group"), PRIORITY("promo.form.priority"),
        OTHER("promo.form.other");

        private final String labelKey;

        Field(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }
    }

    /** One reason the form cannot be saved, at the field to correct. */
    public record Problem(Field field, Reason reason) {
        /** {@code 价格：“abc”不是金额，例如 12.50} in the reader's language. */
        public String text(Messages messages) {
            return messages.get("promo.form.problem", messages.get(field.labelKey()),
                    messages.get(reason.key(), reason.args().toArray()));
        }
    }

    /** The promotion read, or (then no promotion) the problems. */
    public record Result(Optional<Promotion> promotion, List<Problem> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }

        public Set<Field> fieldsWithProblems() {
            Set<Field> fields = EnumSet.noneOf(Field.class);
            problems.forEach(p -> fields.add(p.field()));
            return fields;
        }
    }

    /** The form's fields a kind shows and reads, besides id, name, kind, goods and the time window. */
    public static Set<Field> fieldsOf(PromotionKind kind) {
        return switch (kind) {
            case PERCENT_OFF -> EnumSet.of(Field.PERCENT);
            case FIXED_PRICE, MEMBER_PRICE -> EnumSet.of(Field.PRICE);
            case N_FOR_PRICE -> EnumSet.of(Field.BUY_QTY, Field.PRICE);
            case NTH_PERCENT -> EnumSet.of(Field.BUY_QTY, Field.PERCENT);
            case BUY_X_GET_Y -> EnumSet.of(Field.BUY_QTY, Field.GET_QTY, Field.GET_GOODS, Field.PERCENT);
            case THRESHOLD -> EnumSet.of(Field.MIN_SPEND, Field.AMOUNT_OFF, Field.PERCENT, Field.MAX_OFF,
                    Field.GROUP, Field.PRIORITY);
            case BANK_OFFER -> EnumSet.of(Field.MIN_SPEND, Field.AMOUNT_OFF, Field.PERCENT, Field.MAX_OFF,
                    Field.TENDER, Field.CARD_PREFIXES, Field.DAILY_CAP, Field.GROUP, Field.PRIORITY);
        };
    }

    public Result read(PromotionForm form) {
        List<Problem> problems = new ArrayList<>();
        PromotionKind kind = form.kind().get();
        if (kind == null) {
            return new Result(Optional.empty(), List.of(new Problem(Field.KIND, Reason.of("promo.form.required"))));
        }
        Set<Field> used = fieldsOf(kind);
        String id = form.id().get() == null ? "" : form.id().get().strip();
        if (id.isEmpty()) {
            problems.add(new Problem(Field.ID, Reason.of("promo.form.required")));
        }
        String name = text(form.name().get());
        if (name.isEmpty()) {
            problems.add(new Problem(Field.NAME, Reason.of("promo.form.required")));
        }
        Promotion.Builder b = Promotion.builder(id, name, kind);
        TargetType type = form.targetType().get() == null ? TargetType.PRODUCT : form.targetType().get();
        List<String> codes = form.goods().stream().map(PromotionForm.Goods::code).toList();
        if (type == TargetType.ALL) {
            b.target(Target.ALL);
        } else if (codes.isEmpty()) {
            problems.add(new Problem(Field.GOODS, Reason.of(type == TargetType.PRODUCT ? "promo.form.goodsNeeded"
                    : "promo.form.categoryNeeded")));
        } else {
            b.target(Target.of(type, codes));
        }
        if (used.contains(Field.GET_GOODS) && !form.getGoods().isEmpty()) {
            b.getTarget(Target.of(TargetType.PRODUCT, form.getGoods().stream().map(PromotionForm.Goods::code)
                    .toList()));
        }
        if (used.contains(Field.BUY_QTY)) {
            b.buy(count(form.buyQty().get(), Field.BUY_QTY, problems, 999));
            b.mix(type != TargetType.PRODUCT || codes.size() > 1 ? form.mix().get() : false);
        }
        if (used.contains(Field.GET_QTY)) {
            b.get(count(form.getQty().get(), Field.GET_QTY, problems, 999));
        }
        if (used.contains(Field.PERCENT)) {
            b.percent(count(form.percent().get(), Field.PERCENT, problems, 100));
        }
        if (used.contains(Field.PRICE)) {
            b.price(money(form.price().get(), Field.PRICE, problems));
        }
        if (used.contains(Field.MIN_SPEND)) {
            b.minSpend(money(form.minSpend().get(), Field.MIN_SPEND, problems));
            b.amountOff(money(form.amountOff().get(), Field.AMOUNT_OFF, problems));
            b.maxOff(money(form.maxOff().get(), Field.MAX_OFF, problems));
            b.stepped(form.stepped().get());
        }
        b.membersOnly(kind == PromotionKind.MEMBER_PRICE || form.membersOnly().get());
        if (used.contains(Field.TENDER)) {
            OfferTender tender = form.tender().get();
            b.tender(tender == null || tender == OfferTender.NONE ? OfferTender.ANY : tender);
            b.cardPrefixes(prefixes(form.cardPrefixes().get(), tender, problems));
            b.dailyCap(count(form.dailyCap().get(), Field.DAILY_CAP, problems, 999));
        }
        LocalDate from = date(form.dateFrom().get(), Field.DATE_FROM, problems);
        LocalDate to = date(form.dateTo().get(), Field.DATE_TO, problems);
        b.dates(from, to);
        b.weekdays(withNone(form.weekdaysTicked()));
        b.hours(time(form.timeFrom().get(), Field.TIME_FROM, problems), time(form.timeTo().get(), Field.TIME_TO,
                problems));
        if (used.contains(Field.GROUP)) {
            b.group(text(form.group().get())).exclusive(form.exclusive().get());
            String priority = text(form.priority().get());
            b.priority(priority.isEmpty() ? Promotion.Combination.DEFAULT_PRIORITY
                    : count(priority, Field.PRIORITY, problems, PromotionRules.MAX_PRIORITY));
        }
        b.active(form.active().get());
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), List.copyOf(problems));
        }
        Promotion promotion = b.build();
        for (Reason reason : PromotionRules.check(promotion)) {
            problems.add(atField(reason));
        }
        return problems.isEmpty() ? new Result(Optional.of(promotion), List.of())
                : new Result(Optional.empty(), List.copyOf(new LinkedHashSet<>(problems)));
    }

    private static Set<DayOfWeek> withNone(List<DayOfWeek> days) {
        return days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** A rule's reason at the field it is about, said as the form says it where the rule names a file column. */
    private static Problem atField(Reason r) {
        return switch (r.key()) {
            case "promo.rule.badId" -> new Problem(Field.ID, Reason.of("promo.form.badId"));
            case "promo.rule.nameEmpty" -> new Problem(Field.NAME, Reason.of("promo.form.required"));
            case "promo.rule.nameTooLong" -> new Problem(Field.NAME, r);
            case "promo.rule.targetEmpty" -> new Problem(Field.GOODS, Reason.of("promo.form.goodsNeeded"));
            case "promo.rule.targetAll" -> new Problem(Field.GOODS, Reason.of("promo.form.goodsNotAll"));
            case "promo.rule.getTargetAll", "promo.rule.getTargetOverlap" -> new Problem(Field.GET_GOODS,
                    Reason.of("promo.form.getGoodsOverlap"));
            case "promo.rule.percentNeeded" -> new Problem(Field.PERCENT, Reason.of("promo.form.required"));
            case "promo.rule.percentRange" -> new Problem(Field.PERCENT, Reason.of("promo.form.range", "1", "100"));
            case "promo.rule.priceNeeded" -> new Problem(Field.PRICE, Reason.of("promo.form.required"));
            case "promo.rule.getQtyNeeded" -> new Problem(Field.GET_QTY, Reason.of("promo.form.required"));
            case "promo.rule.buyQtyMin" -> new Problem(Field.BUY_QTY,
                    Reason.of("promo.form.atLeast", r.args().get(0)));
            case "promo.rule.quantityTooLarge" -> new Problem(Field.BUY_QTY,
                    Reason.of("promo.form.range", "1", "999"));
            case "promo.rule.minSpendNeeded" -> new Problem(Field.MIN_SPEND, Reason.of("promo.form.required"));
            case "promo.rule.offNeeded" -> new Problem(Field.AMOUNT_OFF, Reason.of("promo.form.offNeeded"));
            case "promo.rule.offBoth" -> new Problem(Field.AMOUNT_OFF, Reason.of("promo.form.offBoth"));
            case "promo.rule.offAboveMinSpend" -> new Problem(Field.AMOUNT_OFF,
                    Reason.of("promo.form.offAboveMinSpend"));
            case "promo.rule.steppedNeeds" -> new Problem(Field.AMOUNT_OFF, Reason.of("promo.form.steppedNeeds"));
            case "promo.rule.datesBackwards" -> new Problem(Field.DATE_TO, Reason.of("promo.form.datesBackwards"));
            case "promo.rule.hoursEmpty" -> new Problem(Field.TIME_TO, Reason.of("promo.form.hoursEmpty"));
            case "promo.rule.prefixesNeedCard", "promo.rule.badCardPrefix" -> new Problem(Field.CARD_PREFIXES,
                    Reason.of("promo.form.prefixesNeedCard"));
            case "promo.rule.badGroup" -> new Problem(Field.GROUP, Reason.of("promo.form.badGroup"));
            case "promo.rule.priorityRange" -> new Problem(Field.PRIORITY,
                    Reason.of("promo.form.range", "0", Integer.toString(PromotionRules.MAX_PRIORITY)));
            default -> new Problem(Field.OTHER, r);
        };
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** A whole number from 0 to {@code max}; empty is 0 (the rules then say whether it was needed). */
    private static int count(String value, Field field, List<Problem> problems, int max) {
        String t = text(value);
        if (t.isEmpty()) {
            return 0;
        }
        if (!t.matches("\\d{1,6}")) {
            problems.add(new Problem(field, Reason.of("promo.form.notNumber", t)));
            return 0;
        }
        int n = Integer.parseInt(t);
        if (n > max) {
            problems.add(new Problem(field, Reason.of("promo.form.range", field == Field.PRIORITY ? "0" : "1",
                    Integer.toString(max))));
            return 0;
        }
        return n;
    }

    private static Money money(String value, Field field, List<Problem> problems) {
        String t = text(value).replace("￥", "").replace("¥", "").strip();
        if (t.isEmpty()) {
            return Money.ZERO;
        }
        try {
            Money m = Money.parseYuan(t);
            if (m.isNegative()) {
                problems.add(new Problem(field, Reason.of("promo.form.negative")));
                return Money.ZERO;
            }
            return m;
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(new Problem(field, Reason.of("promo.form.notAmount", t)));
            return Money.ZERO;
        }
    }

    private static List<String> prefixes(String value, OfferTender tender, List<Problem> problems) {
        List<String> list = Arrays.stream(text(value).split("[;；,，\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        for (String prefix : list) {
            if (!prefix.matches("\\d{1,8}")) {
                problems.add(new Problem(Field.CARD_PREFIXES, Reason.of("promo.form.badPrefix", prefix)));
            }
        }
        return list;
    }

    private static LocalDate date(String value, Field field, List<Problem> problems) {
        String t = text(value);
        if (t.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, Reason.of("promo.form.notDate", t)));
            return null;
        }
    }

    private static LocalTime time(String value, Field field, List<Problem> problems) {
        String t = text(value).replace('：', ':');
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\d:[0-5]\\d")) {
            t = "0" + t;
        }
        if (!t.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            problems.add(new Problem(field, Reason.of("promo.form.notTime", text(value))));
            return null;
        }
        return LocalTime.parse(t);
    }
}
