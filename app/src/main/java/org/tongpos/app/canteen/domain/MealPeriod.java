package org.tongpos.app.canteen.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A meal period of the canteen (早餐 07:00-09:00): a name, a window within one day (start inclusive, end exclusive;
 * {@code 24:00} ends at midnight) and the weekdays it is served on. {@code mealsAllowed} overrides the canteen's
 * meals-per-period setting for this period.
 */
public record MealPeriod(String name, int startMinute, int endMinute, Set<DayOfWeek> days, OptionalInt mealsAllowed) {

    public static final int MAX_NAME_LENGTH = 16;
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    private static final Pattern DAYS = Pattern.compile("[1-7]{1,7}");

    public MealPeriod {
        Objects.requireNonNull(name, "name");
        if (!isName(name)) {
            throw new IllegalArgumentException("a period name is 1 to 16 characters without spaces: '" + name + "'");
        }
        if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute) {
            throw new IllegalArgumentException("a period starts before it ends, within one day");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a period is served on at least one weekday");
        }
        days = Set.copyOf(days);
        if (mealsAllowed.isPresent() && (mealsAllowed.getAsInt() < 1 || mealsAllowed.getAsInt() > 20)) {
            throw new IllegalArgumentException("meals in a period are 1 to 20");
        }
    }

    public static boolean isName(String name) {
        return !name.isEmpty() && name.length() <= MAX_NAME_LENGTH && name.codePoints().noneMatch(
                c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == '|' || c == ':');
    }

    /**
     * Parses {@code HH:MM-HH:MM} ({@code 24:00} allowed as an end) into {start, end} minutes of the day.
     *
     * @throws IllegalArgumentException when it is not such a window, or it does not start before it ends
     */
    public static int[] parseWindow(String text) {
        Matcher m = WINDOW.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a window HH:MM-HH:MM: '" + text + "'");
        }
        int start = minute(m.group(1), m.group(2), false);
        int end = minute(m.group(3), m.group(4), true);
        if (start >= end) {
            throw new IllegalArgumentException("the window must start before it ends: '" + text + "'");
        }
        return new int[] {start, end};
    }

    /** Parses weekdays as digits, 1 = Monday … 7 = Sunday ({@code 12345} for working days). */
    public static Set<DayOfWeek> parseDays(String digits) {
        if (!DAYS.matcher(digits).matches()) {
            throw new IllegalArgumentException("weekdays are digits 1 (Monday) to 7 (Sunday): '" + digits + "'");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        digits.chars().forEach(c -> days.add(DayOfWeek.of(c - '0')));
        return days;
    }

    public static Set<DayOfWeek> everyDay() {
        return EnumSet.allOf(DayOfWeek.class);
    }

    private static int minute(String hours, String minutes, boolean end) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (m > 59 || h > 24 || h == 24 && (m != 0 || !end)) {
            throw new IllegalArgumentException("not a time of day: " + hours + ":" + minutes);
        }
        return h * 60 + m;
    }

    public boolean covers(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return minute >= startMinute && minute < endMinute;
    }

    public boolean servedOn(DayOfWeek day) {
        return days.contains(day);
    }

    /** Whether the two periods share a minute on a weekday both are served on. */
    public boolean overlaps(MealPeriod other) {
        boolean sharedDay = days.stream().anyMatch(other.days::contains);
        return sharedDay && startMinute < other.endMinute && other.startMinute < endMinute;
    }

    /** {@code 11:00-13:30}. */
    public String window() {
        return time(startMinute) + "-" + time(endMinute);
    }

    /** {@code 12345}. */
    public String daysText() {
        StringBuilder text = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (days.contains(day)) {
                text.append(day.getValue());
            }
        }
        return text.toString();
    }

    private static String time(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
