package org.tongpos.app.canteen.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tongpos.app.canteen.domain.ChargeSplit;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.canteen.domain.IdentifiedBy;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.JournalEntry;

/**
 * Everything one served meal writes, as it goes into the write-ahead log next to the sales: the MEAL entry exactly as
 * chained, the {@code canteen_meal} row and its dishes, the QR nonce to spend (empty when not paid by code), the
 * manual identification's reason and who recorded the meal, the guest approval it uses, and the balance after it
 * (absent from records written before it was kept). Replaying it writes the
 * same rows as the commit did.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LoggedMeal(
        @JsonProperty("entry") JournalEntry entry,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("diner_id") String dinerId,
        @JsonProperty("source") String source,
        @JsonProperty("identified_by") IdentifiedBy identifiedBy,
        @JsonProperty("period") String period,
        @JsonProperty("nth") int nth,
        @JsonProperty("subsidy_fen") long subsidyFen,
        @JsonProperty("balance_fen") long balanceFen,
        @JsonProperty("cash_fen") long cashFen,
        @JsonProperty("dishes") List<DishRow> dishes,
        @JsonProperty("qr") Nonce qr,
        @JsonProperty("manual_reason") String manualReason,
        @JsonProperty("operator") String operator,
        @JsonProperty("operator_role") String operatorRole,
        @JsonProperty("session_source") String sessionSource,
        @JsonProperty("guest_approval") String guestApproval,
        @JsonProperty("balance_after_fen") Long balanceAfterFen) {

    /** A dish as taken. */
    public record DishRow(@JsonProperty("period") String period, @JsonProperty("number") int number,
                          @JsonProperty("name") String name, @JsonProperty("price_fen") long priceFen) {
    }

    /** The QR code's nonce, spent with the meal. */
    public record Nonce(@JsonProperty("key_id") String keyId, @JsonProperty("nonce") String nonce,
                        @JsonProperty("issued_at") long issuedAt, @JsonProperty("account_id") String accountId) {
    }

    public LoggedMeal {
        dishes = dishes == null ? List.of() : List.copyOf(dishes);
        manualReason = manualReason == null ? "" : manualReason;
        guestApproval = guestApproval == null ? "" : guestApproval;
        operatorRole = operatorRole == null ? "" : operatorRole;
        sessionSource = sessionSource == null ? "" : sessionSource;
    }

    public static List<DishRow> rows(List<Dish> dishes) {
        List<DishRow> rows = new ArrayList<>(dishes.size());
        for (Dish d : dishes) {
            rows.add(new DishRow(d.period(), d.number(), d.name(), d.price().fen()));
        }
        return rows;
    }

    /** The {@code canteen_meal} row. */
    public MealRecord meal() {
        List<Dish> taken = new ArrayList<>(dishes.size());
        for (DishRow d : dishes) {
            taken.add(new Dish(d.period(), d.number(), d.name(), Money.ofFen(d.priceFen())));
        }
        return new MealRecord(UUID.fromString(entry.txnId()), entry.seq(), accountId, dinerId, source, identifiedBy,
                period, LocalDate.parse(entry.businessDate()), OffsetDateTime.parse(entry.occurredAt()), nth,
                Money.ofFen(entry.amountFen()), split(), taken, balanceAfterFen);
    }

    public ChargeSplit split() {
        return new ChargeSplit(Money.ofFen(subsidyFen), Money.ofFen(balanceFen), Money.ofFen(cashFen));
    }
}
