package org.openscis.server.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the callback dispatcher (decisions.md §8).
 *
 * @param pollInterval   how often the outbox is searched for due callbacks (a fresh enqueue can also wake the
 *                       dispatcher at once), default 1 s
 * @param batchSize      most rows claimed by one search, default 100
 * @param maxConcurrent  most callbacks in flight at once on this node, default 32
 * @param initialBackoff wait after the first failed attempt, doubling after each further one, default 1 s
 * @param maxBackoff     cap of that wait, default 10 min
 * @param giveUpAfter    a callback still failing this long after it was stored (or replayed) is parked, default 24 h
 * @param callTimeout    how long one attempt may take, default 10 s
 * @param lease          how long a claimed row belongs to this node; must exceed {@code callTimeout} so that no other
 *                       node sends it while this one still may, default 60 s
 */
public record OutboxSettings(
        Duration pollInterval,
        int batchSize,
        int maxConcurrent,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration giveUpAfter,
        Duration callTimeout,
        Duration lease) {

    /** Upper bound of {@code batchSize} and {@code maxConcurrent}: beyond it a poll would be a long transaction. */
    public static final int MAX_BATCH_SIZE = 10_000;

    public OutboxSettings {
        positive(pollInterval, "pollInterval");
        positive(initialBackoff, "initialBackoff");
        positive(maxBackoff, "maxBackoff");
        positive(giveUpAfter, "giveUpAfter");
        positive(callTimeout, "callTimeout");
        positive(lease, "lease");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH_SIZE + ": " + batchSize);
        }
        if (maxConcurrent < 1 || maxConcurrent > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("maxConcurrent must be 1 to " + MAX_BATCH_SIZE + ": " + maxConcurrent);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
        }
        if (lease.compareTo(callTimeout) <= 0) {
            throw new IllegalArgumentException("lease must be longer than callTimeout");
        }
    }

    /** The documented defaults. */
    public static OutboxSettings defaults() {
        return new OutboxSettings(Duration.ofSeconds(1), 100, 32, Duration.ofSeconds(1), Duration.ofMinutes(10),
                Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /**
     * The wait after {@code failedAttempts} failed attempts (at least 1): {@code initialBackoff * 2^(failedAttempts-1)},
     * capped at {@code maxBackoff}.
     */
    public Duration backoffAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        Duration delay = initialBackoff;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
