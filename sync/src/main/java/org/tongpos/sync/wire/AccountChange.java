package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One item of the merchant's accounts change feed. Balances are those after the change and may be
 * negative. {@code txn_id} and {@code terminal_id} are set for DEBIT/CREDIT, else {@code ""}.
 */
@JsonPropertyOrder({"cursor", "account_id", "diner_id", "name", "department", "diner_type", "card_uid", "change",
        "amount_fen", "balance_fen", "subsidy_fen", "txn_id", "terminal_id"})
public record AccountChange(
        @JsonProperty("cursor") String cursor,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("diner_id") String dinerId,
        @JsonProperty("name") String name,
        @JsonProperty("department") String department,
        @JsonProperty("diner_type") String dinerType,
        @JsonProperty("card_uid") String cardUid,
        @JsonProperty("change") AccountChangeKind change,
        @JsonProperty("amount_fen") long amountFen,
        @JsonProperty("balance_fen") long balanceFen,
        @JsonProperty("subsidy_fen") long subsidyFen,
        @JsonProperty("txn_id") String txnId,
        @JsonProperty("terminal_id") String terminalId) {
}
