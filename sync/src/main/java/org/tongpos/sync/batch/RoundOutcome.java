package org.tongpos.sync.batch;

/** How an upload round ended. */
public enum RoundOutcome {
    /** The bank holds every journaled entry. */
    UP_TO_DATE,
    /** No clear answer from the bank (offline, timeouts, 5xx, rate limited): the next round resumes. */
    BANK_UNREACHABLE,
    /** The bank's answers cannot be verified several times in a row: most likely a wrong terminal key. */
    AUTH_PROBLEM,
    /** The bank refused our signature or timestamp (verified 401): check the clock and the key. */
    REJECTED,
    /** The first open batch is quarantined: it and every later entry wait for a person. */
    BLOCKED_BY_QUARANTINE,
    /** The round was interrupted. */
    INTERRUPTED
}
