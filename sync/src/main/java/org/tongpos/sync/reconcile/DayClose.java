package org.tongpos.sync.reconcile;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.tongpos.sync.wire.DayTotals;
import org.tongpos.sync.wire.SettlementStatus;

/**
 * The outcome of closing a business day.
 *
 * @param local  the terminal's totals that were sent
 * @param bank   the bank's totals, when it answered
 * @param status IN_BALANCE / OUT_OF_BALANCE when settled
 */
public record DayClose(UUID settlementId, LocalDate businessDate, Outcome outcome, DayTotals local,
                       Optional<DayTotals> bank, Optional<SettlementStatus> status, String message) {

    public enum Outcome {
        /** The bank closed the day (in or out of balance). */
        SETTLED,
        /** No clear answer: closing again later reuses the same settlement id and bytes. */
        UNKNOWN,
        /** The bank refused (a verified 4xx): nothing happened; fix the cause and close again. */
        REFUSED
    }
}
