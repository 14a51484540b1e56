package org.tongpos.sync.journal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** The text forms of times the Settlement API uses: always seconds and an explicit offset. */
public final class ApiTimes {

    private static final DateTimeFormatter INSTANT_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private ApiTimes() {
    }

    /** {@code 2026-11-30T12:05:09+08:00}: seconds always written, fractions dropped, offset never {@code Z}. */
    public static String format(OffsetDateTime time) {
        return INSTANT_WITH_OFFSET.format(time);
    }
}
