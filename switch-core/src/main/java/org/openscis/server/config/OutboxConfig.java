package org.openscis.server.config;

import java.time.Duration;

/**
 * Callback delivery (decisions.md §8): poll interval, batch and concurrency bounds, backoff from
 * {@code initialBackoff} doubling up to {@code maxBackoff}, parked after {@code giveUpAfter}; each call bounded by
 * {@code callTimeout}.
 */
public record OutboxConfig(Duration pollInterval, int batchSize, int maxConcurrent, Duration initialBackoff,
        Duration maxBackoff, Duration giveUpAfter, Duration callTimeout) {

    public static OutboxConfig defaults() {
        return new OutboxConfig(Duration.ofMillis(500), 50, 16, Duration.ofSeconds(1), Duration.ofMinutes(10),
                Duration.ofHours(24), Duration.ofSeconds(5));
    }
}
