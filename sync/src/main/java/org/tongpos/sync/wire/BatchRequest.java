package org.tongpos.sync.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.tongpos.sync.journal.JournalEntry;

/** Body of {@code POST /v1/terminals/{tid}/batches}; {@code batch_id} is also the Idempotency-Key. */
@JsonPropertyOrder({"batch_id", "first_seq", "last_seq", "count", "debit_total_fen", "credit_total_fen", "entries"})
public record BatchRequest(
        @JsonProperty("batch_id") String batchId,
        @JsonProperty("first_seq") long firstSeq,
        @JsonProperty("last_seq") long lastSeq,
        @JsonProperty("count") long count,
        @JsonProperty("debit_total_fen") long debitTotalFen,
        @JsonProperty("credit_total_fen") long creditTotalFen,
        @JsonProperty("entries") List<JournalEntry> entries) {

    public BatchRequest {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** A batch of contiguous entries with count and totals computed from them. */
    public static BatchRequest of(String batchId, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one entry");
        }
        long debit = 0;
        long credit = 0;
        for (JournalEntry entry : entries) {
            if (entry.kind().isCredit()) {
                credit = Math.addExact(credit, entry.amountFen());
            } else {
                debit = Math.addExact(debit, entry.amountFen());
            }
        }
        return new BatchRequest(batchId, entries.get(0).seq(), entries.get(entries.size() - 1).seq(),
                entries.size(), debit, credit, entries);
    }
}
