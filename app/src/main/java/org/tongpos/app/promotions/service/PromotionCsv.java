package org.tongpos.app.promotions.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tongpos.app.catalog.service.CatalogCsvReader.Problem;
import org.tongpos.app.catalog.service.CatalogCsvReader.Reason;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.OfferTender;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.PromotionRules;
import org.tongpos.app.promotions.domain.Target;
import org.tongpos.app.promotions.domain.TargetType;
import org.tongpos.app.promotions.domain.TimeWindow;

/**
 * The promotions import file (docs/promotions.md): UTF-8 CSV, header {@code id,name,kind} plus any of the optional
 * columns below; one promotion a row. Every problem of every row is reported with its line; whether the named products
 * and categories exist is checked by the service once the file itself is clean. {@link #row} writes a promotion back
 * as such a row (the change record keeps it).
 */
public final class PromotionCsv {

    public static final List<String> REQUIRED = List.of("id", "name", "kind");
    public static final List<String> OPTIONAL = List.of("target", "targets", "get_targets", "buy_qty", "get_qty",
            "percent", "price", "min_spend", "amount_off", "max_off", "stepped", "mix", "members_only", "tender",
            "card_prefixes", "daily_cap", "date_from", "date_to", "weekdays", "time_from", "time_to", "group",
            "exclusive", "priority", "active");
    private static final Set<String> TRUE = Set.of("1", "y", "yes", "true", "是");
    private static final Set<String> FALSE = Set.of("0", "n", "no", "false", "否");

    /** The promotions read and the line of each, or the problems (then no promotions). */
    public record Result(List<Promotion> promotions, List<Long> lines, List<Problem> problems) {
        public long lineOf(int index) {
            return lines.get(index);
        }
    }

    public Result read(InputStream in) throws IOException {
        List<Promotion> promotions = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Map<String, Long> firstLineOfId = new HashMap<>();
        List<Problem> problems = CsvRows.read(in, REQUIRED, OPTIONAL, (fields, line, rowProblems) -> {
            List<Reason> reasons = new ArrayList<>();
            Optional<Promotion> p = readRow(fields, reasons);
            String id = fields.getOrDefault("id", "");
            Long earlier = id.isEmpty() ? null : firstLineOfId.putIfAbsent(id, line);
            if (earlier != null) {
                reasons.add(Reason.of("promo.csv.idRepeated", id, earlier));
            }
            if (reasons.isEmpty() && p.isPresent()) {
                promotions.add(p.get());
                lines.add(line);
            } else {
                rowProblems.add(new Problem(line, reasons));
            }
        });
        return problems.isEmpty() ? new Result(promotions, lines, List.of()) : new Result(List.of(), List.of(), problems);
    }

    private static Optional<Promotion> readRow(Map<String, String> f, List<Reason> reasons) {
        String kindText = f.get("kind");
        Optional<PromotionKind> kind = PromotionKind.parse(kindText);
        if (kind.isEmpty()) {
            reasons.add(Reason.of(kindText.isEmpty() ? "promo.csv.kindEmpty" : "promo.csv.badKind", kindText));
            return Optional.empty();
        }
        Promotion.Builder b = Promotion.builder(f.get("id"), f.get("name"), kind.get());
        List<String> targets = list(f.getOrDefault("targets", ""));
        String targetText = f.getOrDefault("target", "");
        Optional<TargetType> targetType = targetText.isEmpty()
                ? Optional.of(targets.isEmpty() ? TargetType.ALL : TargetType.PRODUCT) : TargetType.parse(targetText);
        if (targetType.isEmpty()) {
            reasons.add(Reason.of("promo.csv.badTarget", targetText));
        } else if (targetType.get() == TargetType.ALL && !targets.isEmpty()) {
            reasons.add(Reason.of("promo.csv.targetsWithAll"));
        } else {
            b.target(Target.of(targetType.get(), targets));
        }
        List<String> given = list(f.getOrDefault("get_targets", ""));
        if (!given.isEmpty()) {
            b.getTarget(Target.of(TargetType.PRODUCT, given));
        }
        b.buy(integer(f, "buy_qty", reasons)).get(integer(f, "get_qty", reasons))
                .percent(integer(f, "percent", reasons)).price(yuan(f, "price", reasons))
                .minSpend(yuan(f, "min_spend", reasons)).amountOff(yuan(f, "amount_off", reasons))
                .maxOff(yuan(f, "max_off", reasons)).stepped(bool(f, "stepped", false, reasons))
                .mix(bool(f, "mix", false, reasons))
                .membersOnly(kind.get() == PromotionKind.MEMBER_PRICE || bool(f, "members_only", false, reasons))
                .cardPrefixes(list(f.getOrDefault("card_prefixes", ""))).dailyCap(integer(f, "daily_cap", reasons))
                .dates(date(f, "date_from", reasons), date(f, "date_to", reasons))
                .hours(time(f, "time_from", reasons), time(f, "time_to", reasons))
                .group(f.getOrDefault("group", "")).exclusive(bool(f, "exclusive", false, reasons))
                .active(bool(f, "active", true, reasons));
        String priority = f.getOrDefault("priority", "");
        b.priority(priority.isEmpty() ? Promotion.Combination.DEFAULT_PRIORITY : integer(f, "priority", reasons));
        String tender = f.getOrDefault("tender", "");
        Optional<OfferTender> offerTender = OfferTender.parse(tender);
        if (offerTender.isEmpty()) {
            reasons.add(Reason.of("promo.csv.badTender", tender));
        } else {
            b.tender(offerTender.get());
        }
        try {
            b.weekdays(TimeWindow.parseWeekdays(f.getOrDefault("weekdays", "")));
        } catch (IllegalArgumentException e) {
            reasons.add(Reason.of("promo.csv.badWeekdays", f.get("weekdays")));
        }
        if (!reasons.isEmpty()) {
            return Optional.empty();
        }
        Promotion p = b.build();
        PromotionRules.check(p).forEach(r -> reasons.add(CsvRows.reason(r)));
        return Optional.of(p);
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of()
                : Arrays.stream(text.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(Map<String, String> f, String column, List<Reason> reasons) {
        String text = f.getOrDefault(column, "");
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("\\d{1,6}")) {
            reasons.add(Reason.of("promo.csv.badInteger", column, text));
            return 0;
        }
        return Integer.parseInt(text);
    }

    private static Money yuan(Map<String, String> f, String column, List<Reason> reasons) {
        String text = f.getOrDefault(column, "");
        if (text.isEmpty()) {
            return Money.ZERO;
        }
        try {
            Money money = Money.parseYuan(text);
            if (money.isNegative()) {
                reasons.add(Reason.of("catalog.csv.negative", column));
            }
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) {
            reasons.add(Reason.of("catalog.csv.badAmount", column, text));
            return Money.ZERO;
        }
    }

    private static boolean bool(Map<String, String> f, String column, boolean empty, List<Reason> reasons) {
        String text = f.getOrDefault(column, "").toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return empty;
        }
        if (TRUE.contains(text)) {
            return true;
        }
        if (!FALSE.contains(text)) {
            reasons.add(Reason.of("promo.csv.badBoolean", column, f.get(column)));
        }
        return false;
    }

    private static LocalDate date(Map<String, String> f, String column, List<Reason> reasons) {
        String text = f.getOrDefault(column, "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            reasons.add(Reason.of("promo.csv.badDate", column, text));
            return null;
        }
    }

    private static LocalTime time(Map<String, String> f, String column, List<Reason> reasons) {
        String text = f.getOrDefault(column, "");
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            reasons.add(Reason.of("promo.csv.badTime", column, text));
            return null;
        }
        return LocalTime.parse(text);
    }

    /** The header of a file {@link #row} rows go into. */
    public static String header() {
        List<String> all = new ArrayList<>(REQUIRED);
        all.addAll(OPTIONAL);
        return String.join(",", all);
    }

    /** A promotion as a row of the import file (no line end): reading it back gives the same promotion. */
    public static String row(Promotion p) {
        Promotion.Terms t = p.terms();
        Promotion.Conditions c = p.conditions();
        TimeWindow w = c.window();
        List<Object> cells = List.of(p.id(), p.name(), p.kind().name().toLowerCase(Locale.ROOT),
                p.target().type().name().toLowerCase(Locale.ROOT), String.join(";", p.target().values()),
                String.join(";", t.getTarget().values()), number(t.buyQty()), number(t.getQty()), number(t.percent()),
                amount(t.price()), amount(t.minSpend()), amount(t.amountOff()), amount(t.maxOff()), flag(t.stepped()),
                flag(t.mix()), flag(c.membersOnly()),
                c.tender() == OfferTender.NONE ? "" : c.tender().name(), String.join(";", c.cardPrefixes()),
                number(c.dailyCap()), w.from().map(LocalDate::toString).orElse(""),
                w.to().map(LocalDate::toString).orElse(""), w.weekdaysText(),
                w.start().map(LocalTime::toString).orElse(""), w.end().map(LocalTime::toString).orElse(""),
                p.combination().group(), flag(p.combination().exclusive()),
                Integer.toString(p.combination().priority()), p.active() ? "yes" : "no");
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String number(int value) {
        return value == 0 ? "" : Integer.toString(value);
    }

    private static String amount(Money value) {
        return value.isZero() ? "" : value.toYuanString();
    }

    private static String flag(boolean value) {
        return value ? "yes" : "";
    }
}
