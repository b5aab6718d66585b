package org.openscis.server.money;

import java.time.Duration;

/**
 * How unknown outcomes are settled: a transaction still RECEIVED or SENT is only treated as abandoned once
 * {@code staleAfter} (the request deadline plus a margin) has passed since it was created; inquiries are retried
 * from {@code backoff} doubling to {@code maxBackoff}; after {@code inquiriesBeforeReversal} inquiries without a usable
 * answer the resolver reverses instead. {@code callTimeout} bounds each CBS call; {@code lease} keeps other nodes off a
 * transaction while one resolves it; {@code batchSize} bounds one sweep.
 */
public record ResolutionSettings(Duration staleAfter, Duration backoff, Duration maxBackoff,
        int inquiriesBeforeReversal, Duration callTimeout, Duration lease, int batchSize) {

    public ResolutionSettings {
        if (backoff.isZero() || backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and not above maxBackoff");
        }
        if (lease.compareTo(callTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("lease must cover an inquiry and a reversal call");
        }
    }

    /** The delay before attempt {@code attempts + 1}: backoff × 2^attempts, capped. */
    public Duration delayAfter(int attempts) {
        Duration d = backoff;
        for (int i = 0; i < attempts && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
