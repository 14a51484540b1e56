package org.tongpos.app.canteen.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tongpos.app.canteen.domain.ChargeSplit;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.canteen.domain.IdentifiedBy;
import org.tongpos.app.money.domain.Money;

/**
 * A served meal as {@code canteen_meal} keeps it, next to its MEAL journal entry ({@code txnId}, {@code seq}).
 * {@code source} is {@code BANK}, {@code LOCAL} or {@code CASH} (a walk-in: no account, no diner).
 * {@code balanceAfterFen} is the personal balance after the meal as the lane knew it (null for cash).
 */
public record MealRecord(UUID txnId, long seq, String accountId, String dinerId, String source,
                         IdentifiedBy identifiedBy, String period, LocalDate businessDate, OffsetDateTime occurredAt,
                         int nth, Money amount, ChargeSplit split, List<Dish> dishes, Long balanceAfterFen) {

    public MealRecord {
        Objects.requireNonNull(txnId, "txnId");
        if (!split.total().equals(amount)) {
            throw new IllegalArgumentException("the parts do not make the amount");
        }
        dishes = List.copyOf(dishes);
    }
}
