package org.tongpos.sync.client;

import java.time.Duration;
import java.util.Optional;

/** What came back from one request: a verified answer, or nothing the client may trust. */
public sealed interface BankReply {

    /**
     * A response whose signature verified (or, for statement downloads, that needs none).
     *
     * @param replayed   the bank replayed a stored answer ({@code Idempotent-Replayed: true})
     * @param retryAfter the {@code Retry-After} of a 429 or 503, when given
     */
    record Answered(int status, byte[] body, boolean replayed, Optional<Duration> retryAfter) implements BankReply {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** A 4xx other than 429: the bank did not execute the request; retrying blindly will not help. */
        public boolean isRejected() {
            return status >= 400 && status < 500 && status != 429;
        }

        public boolean isRateLimited() {
            return status == 429;
        }

        /** A 5xx: the outcome is unknown (the bank may have committed before failing). */
        public boolean isServerError() {
            return status >= 500;
        }
    }

    /** No trustworthy answer: the outcome of the request is unknown. */
    record NoAnswer(Reason reason, String detail) implements BankReply {
    }

    enum Reason {
        /** Connection refused, reset, timed out, or cut before a whole response arrived. */
        NETWORK,
        /** A response arrived but its signature was missing or wrong: treated as if none arrived. */
        UNVERIFIED,
        /**
         * Several answers in a row could not be verified: most likely the terminal key is wrong.
         * The client stops retrying and the user must be told.
         */
        AUTH_PROBLEM,
        /** The wait was interrupted. */
        INTERRUPTED
    }

    default boolean answered() {
        return this instanceof Answered;
    }
}
