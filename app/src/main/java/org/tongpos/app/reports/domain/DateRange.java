package org.tongpos.app.reports.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A range of business dates, both ends included. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it begins (" + from + ")");
        }
    }

    public static DateRange day(LocalDate day) {
        return new DateRange(day, day);
    }

    /** Number of days in the range. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The same range a week earlier, for "the same period last week" beside the report. */
    public DateRange weekBefore() {
        return new DateRange(from.minusWeeks(1), to.minusWeeks(1));
    }

    /** The same range a year earlier (52 weeks, so that weekdays line up). */
    public DateRange yearBefore() {
        return new DateRange(from.minusWeeks(52), to.minusWeeks(52));
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
