package org.tongpos.sync.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A journal entry exactly as the Settlement API carries it. {@code occurredAt} is kept as the
 * string that was hashed, because the bank hashes the exact text it receives.
 */
@JsonPropertyOrder({"seq", "txn_id", "kind", "occurred_at", "business_date", "amount_fen", "tenders",
        "original_txn_id", "prev_hash", "entry_hash"})
public record JournalEntry(
        @JsonProperty("seq") long seq,
        @JsonProperty("txn_id") String txnId,
        @JsonProperty("kind") EntryKind kind,
        @JsonProperty("occurred_at") String occurredAt,
        @JsonProperty("business_date") String businessDate,
        @JsonProperty("amount_fen") long amountFen,
        @JsonProperty("tenders") List<EntryTender> tenders,
        @JsonProperty("original_txn_id") String originalTxnId,
        @JsonProperty("prev_hash") String prevHash,
        @JsonProperty("entry_hash") String entryHash) {

    public JournalEntry {
        Objects.requireNonNull(txnId, "txnId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(entryHash, "entryHash");
        tenders = List.copyOf(tenders);
        originalTxnId = originalTxnId == null ? "" : originalTxnId;
    }

    /**
     * Builds the next entry of a chain: computes its hash from the fields and {@code prevHash}.
     * Checks the contract's rules for entries and throws {@link IllegalArgumentException} when one is broken.
     */
    public static JournalEntry create(long seq, String txnId, EntryKind kind, String occurredAt, String businessDate,
                                      long amountFen, List<EntryTender> tenders, String originalTxnId,
                                      String prevHash) {
        String original = originalTxnId == null ? "" : originalTxnId;
        checkRules(seq, kind, amountFen, tenders, original);
        String hash = EntryHashes.entryHash(seq, txnId, kind, occurredAt, businessDate, amountFen, tenders,
                original, prevHash);
        return new JournalEntry(seq, txnId, kind, occurredAt, businessDate, amountFen, tenders, original,
                prevHash, hash);
    }

    /** Recomputes this entry's hash from its fields. */
    public String computeHash() {
        return EntryHashes.entryHash(seq, txnId, kind, occurredAt, businessDate, amountFen, tenders, originalTxnId,
                prevHash);
    }

    /** True when the stored hash matches the fields and the entry follows {@code expectedPrevHash}. */
    public boolean verifies(String expectedPrevHash) {
        return prevHash.equals(expectedPrevHash) && entryHash.equals(computeHash());
    }

    private static void checkRules(long seq, EntryKind kind, long amountFen, List<EntryTender> tenders,
                                   String originalTxnId) {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must start at 1: " + seq);
        }
        if (amountFen <= 0) {
            throw new IllegalArgumentException("amount must be > 0 fen: " + amountFen);
        }
        if (tenders.isEmpty()) {
            throw new IllegalArgumentException("an entry needs at least one tender");
        }
        long sum = 0;
        Set<TenderMethod> seen = EnumSet.noneOf(TenderMethod.class);
        for (EntryTender tender : tenders) {
            sum = Math.addExact(sum, tender.amountFen());
            if (!seen.add(tender.method())) {
                throw new IllegalArgumentException("at most one tender per method: " + tender.method());
            }
        }
        if (sum != amountFen) {
            throw new IllegalArgumentException("tenders sum to " + sum + " fen, entry amount is " + amountFen);
        }
        if (kind.isCredit() == originalTxnId.isEmpty()) {
            throw new IllegalArgumentException(kind.isCredit()
                    ? "a refund must name the original txn_id" : "only refunds name an original txn_id");
        }
    }
}
