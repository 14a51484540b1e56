package org.tongpos.app.bank.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.batch.RoundOutcome;
import org.tongpos.sync.reconcile.DifferenceCategory;

/**
 * Bundle keys and formats shared by the sync screen and the {@code sync} commands. Keys are spelled out (not built
 * by concatenation) so that the bundle check sees each of them.
 */
public final class BankTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BankTexts() {
    }

    public static String categoryKey(DifferenceCategory category) {
        return switch (category) {
            case MISSING_AT_BANK -> "bank.category.missingAtBank";
            case MISSING_LOCALLY -> "bank.category.missingLocally";
            case AMOUNT_MISMATCH -> "bank.category.amountMismatch";
            case REVERSED_BY_BANK -> "bank.category.reversedByBank";
            case ADJUSTED_BY_BANK -> "bank.category.adjustedByBank";
            case DUPLICATE_AT_BANK -> "bank.category.duplicateAtBank";
        };
    }

    public static String outcomeKey(RoundOutcome outcome) {
        return switch (outcome) {
            case UP_TO_DATE -> "bank.outcome.upToDate";
            case BANK_UNREACHABLE -> "bank.outcome.unreachable";
            case AUTH_PROBLEM -> "bank.outcome.authProblem";
            case REJECTED -> "bank.outcome.rejected";
            case BLOCKED_BY_QUARANTINE -> "bank.outcome.quarantine";
            case INTERRUPTED -> "bank.outcome.interrupted";
        };
    }

    public static String category(Messages messages, DifferenceCategory category) {
        return messages.get(categoryKey(category));
    }

    public static String outcome(Messages messages, RoundOutcome outcome) {
        return messages.get(outcomeKey(outcome));
    }

    /** Signed yuan with two decimals, or a dash when a side has no amount. */
    public static String yuan(Long fen) {
        return fen == null ? "—" : Money.ofFen(fen).toYuanString();
    }

    /** A moment in the terminal's zone, or "never". */
    public static String time(Messages messages, Optional<Instant> instant, ZoneId zone) {
        return instant.map(i -> TIME.format(i.atZone(zone))).orElseGet(() -> messages.get("bank.never"));
    }
}
