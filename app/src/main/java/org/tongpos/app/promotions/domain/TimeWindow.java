package org.tongpos.app.promotions.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a promotion runs, in the store's local time: a date range (both ends included), weekdays, and hours of the day
 * ({@code start} included, {@code end} excluded; a range whose end is before its start runs over midnight, e.g.
 * 21:00–02:00). Anything left empty does not restrict. Weekdays are those of the moment priced.
 */
public record TimeWindow(Optional<LocalDate> from, Optional<LocalDate> to, Set<DayOfWeek> weekdays,
                         Optional<LocalTime> start, Optional<LocalTime> end) {

    public static final TimeWindow ALWAYS = new TimeWindow(Optional.empty(), Optional.empty(), Set.of(),
            Optional.empty(), Optional.empty());

    public TimeWindow {
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
    }

    public boolean contains(LocalDateTime at) {
        LocalDate date = at.toLocalDate();
        if (from.isPresent() && date.isBefore(from.get()) || to.isPresent() && date.isAfter(to.get())) {
            return false;
        }
        if (!weekdays.isEmpty() && !weekdays.contains(at.getDayOfWeek())) {
            return false;
        }
        LocalTime time = at.toLocalTime();
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            return !time.isBefore(start.get()) || time.isBefore(end.get());
        }
        return (start.isEmpty() || !time.isBefore(start.get())) && (end.isEmpty() || time.isBefore(end.get()));
    }

    /** Whether the window has ended before {@code date} (so the promotion can never apply again). */
    public boolean endedBefore(LocalDate date) {
        return to.isPresent() && to.get().isBefore(date);
    }

    /** Weekdays as the import writes them: ISO numbers 1 (Monday) to 7 (Sunday), e.g. {@code 1;2;3;4;5}. */
    public String weekdaysText() {
        return weekdays.stream().sorted().map(d -> Integer.toString(d.getValue())).collect(Collectors.joining(";"));
    }

    /**
     * Parses weekdays written as ISO numbers, single or as ranges, separated by {@code ;}: {@code 1-5}, {@code 6;7},
     * {@code 1;3-5}. Empty means every day.
     *
     * @throws IllegalArgumentException when the text is not such a list
     */
    public static Set<DayOfWeek> parseWeekdays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (text.isBlank()) {
            return days;
        }
        for (String part : text.split(";")) {
            String p = part.strip();
            if (p.matches("[1-7]")) {
                days.add(DayOfWeek.of(Integer.parseInt(p)));
            } else if (p.matches("[1-7]\\s*-\\s*[1-7]")) {
                String[] ends = p.split("-");
                int a = Integer.parseInt(ends[0].strip());
                int b = Integer.parseInt(ends[1].strip());
                if (b < a) {
                    throw new IllegalArgumentException("weekday range runs backwards: " + p);
                }
                for (int d = a; d <= b; d++) {
                    days.add(DayOfWeek.of(d));
                }
            } else {
                throw new IllegalArgumentException("not a weekday list: " + text);
            }
        }
        return days;
    }
}
