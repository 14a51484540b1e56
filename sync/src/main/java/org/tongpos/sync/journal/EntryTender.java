package org.tongpos.sync.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One tender of a journal entry in the Settlement API's wire format.
 *
 * @param reference the bank trade number, the canteen account id, or {@code ""} for cash
 */
public record EntryTender(
        @JsonProperty("method") TenderMethod method,
        @JsonProperty("amount_fen") long amountFen,
        @JsonProperty("reference") String reference) {

    public EntryTender {
        Objects.requireNonNull(method, "method");
        reference = reference == null ? "" : reference;
        if (amountFen <= 0) {
            throw new IllegalArgumentException("tender amount must be > 0 fen: " + amountFen);
        }
        if (reference.indexOf('|') >= 0 || reference.indexOf(',') >= 0 || reference.indexOf(':') >= 0) {
            throw new IllegalArgumentException("tender reference must not contain '|', ',' or ':'");
        }
    }

    /** The tender as it enters the entry hash: {@code method:amount_fen:reference}. */
    String hashForm() {
        return method.name() + ':' + amountFen + ':' + reference;
    }
}
