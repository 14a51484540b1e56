package org.tongpos.app.shifts.domain;

import java.util.Objects;
import java.util.Optional;
import org.tongpos.app.money.domain.Money;

/**
 * A cashier's shift (交班) at this terminal: opened with a float in the drawer, closed by a Z report. The journal
 * entries of the shift are those after {@code afterSeq} (the journal's last seq when it opened) up to
 * {@code lastSeq} once it is closed; one terminal has at most one open shift.
 *
 * @param openedAt   the terminal's time as the journal writes it (ISO-8601 with offset)
 * @param closedAt   empty while open
 */
public record Shift(long id, String openedAt, String openedBy, Money openingFloat, long afterSeq,
                    Optional<String> closedAt, Optional<String> closedBy, Optional<Long> lastSeq) {

    public Shift {
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(openingFloat, "openingFloat");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(closedBy, "closedBy");
        Objects.requireNonNull(lastSeq, "lastSeq");
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }

    /** True when the journal entry at {@code seq} belongs to this shift. */
    public boolean covers(long seq) {
        return seq > afterSeq && lastSeq.map(last -> seq <= last).orElse(true);
    }
}
