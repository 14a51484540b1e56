package org.tongpos.sync.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a retry-safe request is repeated: exponential backoff with full jitter,
 * {@code Retry-After} obeyed (up to {@link #maxRetryAfter}).
 *
 * @param maxAttempts        attempts per call, the first included
 * @param baseDelay          the backoff before the second attempt (before jitter)
 * @param maxDelay           backoff never grows beyond this
 * @param maxRetryAfter      the longest {@code Retry-After} obeyed within one call; longer ones end the call
 * @param unverifiedLimit    consecutive answers that fail verification before the client reports an auth problem
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
                          int unverifiedLimit) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || unverifiedLimit < 1) {
            throw new IllegalArgumentException("maxAttempts and unverifiedLimit must be >= 1");
        }
    }

    /** Production defaults: 5 attempts, 0.5 s doubling up to 8 s, Retry-After up to 60 s, 3 unverifiable answers. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60), 3);
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1): a random share of the capped backoff. */
    public Duration backoff(int attempt, RandomGenerator random) {
        long cap = maxDelay.toMillis();
        long exponential = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long bound = Math.max(1, Math.min(cap, exponential));
        return Duration.ofMillis(bound / 2 + random.nextLong(bound / 2 + 1));
    }
}
