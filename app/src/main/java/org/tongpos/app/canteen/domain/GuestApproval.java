package org.tongpos.app.canteen.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An approval for guest meals (零接待), entered by a manager: who approved, why, how many guests, on which day, until
 * when, and who pays (a diner's account, or empty: cash). Each guest meal names it; beyond the head count or after
 * expiry a guest meal is refused.
 */
public record GuestApproval(String id, String approvedBy, String reason, int headCount, LocalDate mealDate,
                            OffsetDateTime expiresAt, Optional<String> payerAccount, OffsetDateTime createdAt) {

    public static final int MAX_HEADS = 500;

    public GuestApproval {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(mealDate, "mealDate");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(payerAccount, "payerAccount");
        if (headCount < 1 || headCount > MAX_HEADS) {
            throw new IllegalArgumentException("head count out of range: " + headCount);
        }
    }

    /** For the meal day and before expiry. */
    public boolean validAt(ZonedDateTime now) {
        return now.toLocalDate().equals(mealDate) && now.toOffsetDateTime().isBefore(expiresAt);
    }
}
