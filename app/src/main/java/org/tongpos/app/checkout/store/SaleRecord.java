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
        @JsonProperty("tenders") List<TenderRow> tenders) {

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
            @JsonProperty("cost_fen") Long costFen) {
    }

    record TenderRow(
            @JsonProperty("method") TenderMethod method,
            @JsonProperty("amount_fen") long amountFen,
            @JsonProperty("tendered_fen") long tenderedFen,
            @JsonProperty("reference") String reference) {
    }
}
