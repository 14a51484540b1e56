package org.tongpos.sync.batch;

/**
 * Where an upload batch stands.
 * <pre>
 * SEALED ──send──▶ SENDING ──201──▶ ACCEPTED
 *   ▲                 │ timeout / reset / 5xx / unverifiable answer / crash
 *   │ 404             ▼
 *   └──────────── UNKNOWN ──GET batch: 201 body──▶ ACCEPTED
 * SEALED/SENDING ──CHAIN_BROKEN, TOTALS_MISMATCH, PARAM_ERROR, IDEMPOTENCY_MISMATCH, too large──▶ QUARANTINED
 * SEALED ──SEQ_GAP, cursor shows the bank holds other seqs──▶ SUPERSEDED (entries re-sealed from the bank's cursor)
 * </pre>
 */
public enum BatchState {
    SEALED,
    SENDING,
    UNKNOWN,
    ACCEPTED,
    QUARANTINED,
    SUPERSEDED;

    /** Still to be done: the bank may not hold it yet. */
    public boolean isOpen() {
        return this == SEALED || this == SENDING || this == UNKNOWN || this == QUARANTINED;
    }
}
