package org.tongpos.app.promotions.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tongpos.app.promotions.domain.Promotion.Terms;

/**
 * Whether a promotion's values make sense together: every reason it is refused, as message keys (the import and the
 * manager screen say them in the user's language). Whether its products and categories exist is the catalog's
 * question, asked by the service.
 */
public final class PromotionRules {

    public static final int MAX_NAME_LENGTH = 60;
    public static final int MAX_PRIORITY = 9999;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern GROUP = Pattern.compile("[\\p{L}\\p{N}_-]{1,40}");
    private static final Pattern CARD_PREFIX = Pattern.compile("\\d{1,8}");

    /** The optional fields, by their import column names. */
    public enum Field {
        BUY_QTY("buy_qty"), GET_QTY("get_qty"), GET_TARGETS("get_targets"), PERCENT("percent"), PRICE("price"),
        MIN_SPEND("min_spend"), AMOUNT_OFF("amount_off"), MAX_OFF("max_off"), STEPPED("stepped"), MIX("mix"),
        TENDER("tender"), CARD_PREFIXES("card_prefixes"), DAILY_CAP("daily_cap");

        private final String column;

        Field(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    private PromotionRules() {
    }

    /** Every reason the promotion cannot be saved; empty when it can. */
    public static List<Reason> check(Promotion p) {
        List<Reason> reasons = new ArrayList<>();
        if (!ID.matcher(p.id()).matches()) {
            reasons.add(Reason.of("promo.rule.badId", p.id()));
        }
        if (p.name().isEmpty()) {
            reasons.add(Reason.of("promo.rule.nameEmpty"));
        } else if (p.name().length() > MAX_NAME_LENGTH) {
            reasons.add(Reason.of("promo.rule.nameTooLong", MAX_NAME_LENGTH));
        }
        checkTarget(p, reasons);
        for (Field field : given(p)) {
            if (!usedBy(p.kind()).contains(field)) {
                reasons.add(Reason.of("promo.rule.fieldNotUsed", field.column(), p.kind().keyword()));
            }
        }
        checkTerms(p, reasons);
        checkConditions(p, reasons);
        checkCombination(p, reasons);
        return List.copyOf(new java.util.LinkedHashSet<>(reasons));
    }

    /** The optional fields each kind reads; any other given is refused, so that a typo cannot pass unnoticed. */
    public static Set<Field> usedBy(PromotionKind kind) {
        return switch (kind) {
            case PERCENT_OFF -> EnumSet.of(Field.PERCENT);
            case FIXED_PRICE, MEMBER_PRICE -> EnumSet.of(Field.PRICE);
            case N_FOR_PRICE -> EnumSet.of(Field.BUY_QTY, Field.PRICE, Field.MIX);
            case NTH_PERCENT -> EnumSet.of(Field.BUY_QTY, Field.PERCENT, Field.MIX);
            case BUY_X_GET_Y -> EnumSet.of(Field.BUY_QTY, Field.GET_QTY, Field.GET_TARGETS, Field.PERCENT, Field.MIX);
            case THRESHOLD -> EnumSet.of(Field.MIN_SPEND, Field.AMOUNT_OFF, Field.PERCENT, Field.MAX_OFF, Field.STEPPED);
            case BANK_OFFER -> EnumSet.of(Field.MIN_SPEND, Field.AMOUNT_OFF, Field.PERCENT, Field.MAX_OFF, Field.STEPPED,
                    Field.TENDER, Field.CARD_PREFIXES, Field.DAILY_CAP);
        };
    }

    private static Set<Field> given(Promotion p) {
        Terms t = p.terms();
        Promotion.Conditions c = p.conditions();
        Set<Field> given = EnumSet.noneOf(Field.class);
        addIf(given, t.buyQty() != 0, Field.BUY_QTY);
        addIf(given, t.getQty() != 0, Field.GET_QTY);
        addIf(given, t.hasGetTarget(), Field.GET_TARGETS);
        addIf(given, t.percent() != 0, Field.PERCENT);
        addIf(given, !t.price().isZero(), Field.PRICE);
        addIf(given, !t.minSpend().isZero(), Field.MIN_SPEND);
        addIf(given, !t.amountOff().isZero(), Field.AMOUNT_OFF);
        addIf(given, !t.maxOff().isZero(), Field.MAX_OFF);
        addIf(given, t.stepped(), Field.STEPPED);
        addIf(given, t.mix(), Field.MIX);
        addIf(given, c.tender() != OfferTender.NONE, Field.TENDER);
        addIf(given, !c.cardPrefixes().isEmpty(), Field.CARD_PREFIXES);
        addIf(given, c.dailyCap() != 0, Field.DAILY_CAP);
        return given;
    }

    private static void addIf(Set<Field> set, boolean condition, Field field) {
        if (condition) {
            set.add(field);
        }
    }

    private static void checkTarget(Promotion p, List<Reason> reasons) {
        if (p.target().isEmpty()) {
            reasons.add(Reason.of("promo.rule.targetEmpty"));
        }
        boolean needsGoods = switch (p.kind()) {
            case FIXED_PRICE, MEMBER_PRICE, N_FOR_PRICE -> true;
            case BUY_X_GET_Y -> p.terms().hasGetTarget();
            default -> false;
        };
        if (needsGoods && p.target().type() == TargetType.ALL) {
            reasons.add(Reason.of("promo.rule.targetAll", p.kind().keyword()));
        }
        if (p.terms().hasGetTarget()) {
            if (p.terms().getTarget().type() == TargetType.ALL) {
                reasons.add(Reason.of("promo.rule.getTargetAll"));
            } else if (p.terms().getTarget().type() == p.target().type()) {
                Set<String> overlap = new HashSet<>(p.target().values());
                overlap.retainAll(p.terms().getTarget().values());
                if (!overlap.isEmpty()) {
                    reasons.add(Reason.of("promo.rule.getTargetOverlap", String.join(";", overlap)));
                }
            }
        }
    }

    private static void checkTerms(Promotion p, List<Reason> reasons) {
        Terms t = p.terms();
        if (t.buyQty() < 0 || t.getQty() < 0 || t.percent() < 0 || t.price().isNegative() || t.minSpend().isNegative()
                || t.amountOff().isNegative() || t.maxOff().isNegative()) {
            reasons.add(Reason.of("promo.rule.negative"));
        }
        if (t.percent() > 100) {
            reasons.add(Reason.of("promo.rule.percentRange"));
        }
        switch (p.kind()) {
            case PERCENT_OFF, NTH_PERCENT -> {
                if (t.percent() == 0) {
                    reasons.add(Reason.of("promo.rule.percentNeeded"));
                }
            }
            case FIXED_PRICE, MEMBER_PRICE, N_FOR_PRICE -> {
                if (!t.price().isPositive()) {
                    reasons.add(Reason.of("promo.rule.priceNeeded"));
                }
            }
            case THRESHOLD, BANK_OFFER -> checkThreshold(p, reasons);
            case BUY_X_GET_Y -> {
                if (t.getQty() <= 0) {
                    reasons.add(Reason.of("promo.rule.getQtyNeeded"));
                }
            }
        }
        int minBuy = switch (p.kind()) {
            case N_FOR_PRICE, NTH_PERCENT -> 2;
            case BUY_X_GET_Y -> 1;
            default -> 0;
        };
        if (minBuy > 0 && t.buyQty() < minBuy) {
            reasons.add(Reason.of("promo.rule.buyQtyMin", minBuy));
        }
        if (t.buyQty() > 999 || t.getQty() > 999) {
            reasons.add(Reason.of("promo.rule.quantityTooLarge"));
        }
    }

    private static void checkThreshold(Promotion p, List<Reason> reasons) {
        Terms t = p.terms();
        boolean amount = t.amountOff().isPositive();
        boolean percent = t.percent() > 0;
        if (p.kind() == PromotionKind.THRESHOLD && !t.minSpend().isPositive()) {
            reasons.add(Reason.of("promo.rule.minSpendNeeded"));
        }
        if (amount == percent) {
            reasons.add(Reason.of(amount ? "promo.rule.offBoth" : "promo.rule.offNeeded"));
        }
        if (amount && t.minSpend().isPositive() && t.minSpend().isLessThan(t.amountOff())) {
            reasons.add(Reason.of("promo.rule.offAboveMinSpend"));
        }
        if (t.stepped() && (!amount || !t.minSpend().isPositive())) {
            reasons.add(Reason.of("promo.rule.steppedNeeds"));
        }
    }

    private static void checkConditions(Promotion p, List<Reason> reasons) {
        Promotion.Conditions c = p.conditions();
        TimeWindow w = c.window();
        if (w.from().isPresent() && w.to().isPresent() && w.to().get().isBefore(w.from().get())) {
            reasons.add(Reason.of("promo.rule.datesBackwards"));
        }
        if (w.start().isPresent() && w.start().equals(w.end())) {
            reasons.add(Reason.of("promo.rule.hoursEmpty"));
        }
        if (p.kind() == PromotionKind.MEMBER_PRICE && !c.membersOnly()) {
            reasons.add(Reason.of("promo.rule.memberPriceForMembers"));
        }
        if (p.kind() == PromotionKind.BANK_OFFER && c.tender() == OfferTender.NONE) {
            reasons.add(Reason.of("promo.rule.tenderNeeded"));
        }
        if (!c.cardPrefixes().isEmpty() && c.tender() == OfferTender.PAYMENT_CODE) {
            reasons.add(Reason.of("promo.rule.prefixesNeedCard"));
        }
        for (String prefix : c.cardPrefixes()) {
            if (!CARD_PREFIX.matcher(prefix).matches()) {
                reasons.add(Reason.of("promo.rule.badCardPrefix", prefix));
            }
        }
        if (c.dailyCap() < 0) {
            reasons.add(Reason.of("promo.rule.negative"));
        }
    }

    private static void checkCombination(Promotion p, List<Reason> reasons) {
        Promotion.Combination c = p.combination();
        if ((c.exclusive() || !c.group().isEmpty()) && p.stage() == Stage.ITEM) {
            reasons.add(Reason.of("promo.rule.groupOnlyForCart"));
        }
        if (!c.group().isEmpty() && !GROUP.matcher(c.group()).matches()) {
            reasons.add(Reason.of("promo.rule.badGroup", c.group()));
        }
        if (c.priority() < 0 || c.priority() > MAX_PRIORITY) {
            reasons.add(Reason.of("promo.rule.priorityRange", MAX_PRIORITY));
        }
    }
}
