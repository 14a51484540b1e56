package org.tongpos.app.canteen.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.tongpos.sync.journal.JournalEntry;

/**
 * A meal refund as it goes into the write-ahead log: the MEAL_REFUND entry (naming the meal in
 * {@code original_txn_id}), the parts given back, who refunded, who approved and why. Replaying it writes the same.
 */
public record LoggedMealRefund(
        @JsonProperty("entry") JournalEntry entry,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("diner_id") String dinerId,
        @JsonProperty("source") String source,
        @JsonProperty("subsidy_fen") long subsidyFen,
        @JsonProperty("balance_fen") long balanceFen,
        @JsonProperty("cash_fen") long cashFen,
        @JsonProperty("reason") String reason,
        @JsonProperty("operator") String operator,
        @JsonProperty("operator_role") String operatorRole,
        @JsonProperty("session_source") String sessionSource,
        @JsonProperty("approver") String approver) {

    public LoggedMealRefund {
        reason = reason == null ? "" : reason;
        approver = approver == null ? "" : approver;
        operatorRole = operatorRole == null ? "" : operatorRole;
        sessionSource = sessionSource == null ? "" : sessionSource;
    }
}
