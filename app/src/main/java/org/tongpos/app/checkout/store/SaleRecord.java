package org.tongpos.app.checkout.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Everything one recorded sale writes, as it goes into the write-ahead log: the journal entry exactly as chained,
 * and the rows the receipt needs. Replaying a record writes the same rows as the original commit.
 */
record SaleRecord(
        @JsonProperty("entry") JournalEntry entry,
        @JsonProperty("receipt_no") String receiptNo,
        @JsonProperty("cashier") String cashier,
        @JsonProperty("total_fen") long totalFen,
        @JsonProperty("change_fen") long changeFen,
        @JsonProperty("lines") List<Line> lines,
        @JsonProperty("tenders") List<TenderRow> tenders,
        /* the promotions' discounts and the bank offers' cap uses (null in records logged before V55) */
        @JsonProperty("discounts") List<DiscountRow> discounts,
        @JsonProperty("cap_uses") List<CapRow> capUses) {

    SaleRecord {
        discounts = discounts == null ? List.of() : discounts;
        capUses = capUses == null ? List.of() : capUses;
    }

    record Line(
            @JsonProperty("product_id") long productId,
            @JsonProperty("barcode") String barcode,
            @JsonProperty("name") String name,
            @JsonProperty("unit") String unit,
            @JsonProperty("weighed") boolean weighed,
            @JsonProperty("quantity") long quantity,
            @JsonProperty("unit_price_fen") long unitPriceFen,
            @JsonProperty("amount_fen") long amountFen,
            /* the line's cost at the time of sale; null when unknown (and in records logged before V30) */
            @JsonProperty("cost_fen") Long costFen,
            /* the line before discounts when a discount fell on it (amount_fen is then what was paid); else null */
            @JsonProperty("list_amount_fen") Long listAmountFen) {
    }

    record DiscountRow(
            @JsonProperty("promotion_id") String promotionId,
            @JsonProperty("name") String name,
            @JsonProperty("kind") String kind,
            @JsonProperty("stage") String stage,
            @JsonProperty("amount_fen") long amountFen,
            @JsonProperty("line_no") int lineNo) {
    }

    record CapRow(
            @JsonProperty("promotion_id") String promotionId,
            @JsonProperty("payer_hash") String payerHash,
            @JsonProperty("daily_cap") int dailyCap) {
    }

    record TenderRow(
            @JsonProperty("method") TenderMethod method,
            @JsonProperty("amount_fen") long amountFen,
            @JsonProperty("tendered_fen") long tenderedFen,
            @JsonProperty("reference") String reference,
            /* the masked bank card number (V86); null in records logged before */
            @JsonProperty("card_number") String cardNumber) {

        TenderRow {
            cardNumber = cardNumber == null ? "" : cardNumber;
        }
    }
}
