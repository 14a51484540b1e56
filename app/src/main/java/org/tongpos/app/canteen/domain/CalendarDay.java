package org.tongpos.app.canteen.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date the canteen's weekday rules do not decide: a holiday it is closed on, or a make-up working day (调休) on
 * which every period is served whatever the weekday.
 */
public record CalendarDay(LocalDate date, Kind kind, String note) {

    public enum Kind {
        CLOSED,
        WORKDAY
    }

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        note = note == null ? "" : note.strip();
        if (note.length() > 60) {
            throw new IllegalArgumentException("a day's note is at most 60 characters");
        }
    }
}
