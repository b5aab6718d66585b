package org.openscis.connector.link;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff between connect attempts: after the n-th failed connect in a row no new connection is tried for
 * {@code min * 2^(n-1)}, capped at {@code max}. A successful connect resets it. Not thread-safe: used on the link's
 * event loop only.
 */
final class ReconnectBackoff {

    /** 2^30 times any positive minimum exceeds every sane maximum; stops the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    private final Duration min;
    private final Duration max;
    private int failuresInARow;
    private Instant retryAt = Instant.MIN;

    ReconnectBackoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    void onFailure(Instant now) {
        failuresInARow++;
        retryAt = now.plus(delay(failuresInARow));
    }

    void reset() {
        failuresInARow = 0;
        retryAt = Instant.MIN;
    }

    /** True while no new connection should be tried. */
    boolean active(Instant now) {
        return now.isBefore(retryAt);
    }

    Duration remaining(Instant now) {
        return active(now) ? Duration.between(now, retryAt) : Duration.ZERO;
    }

    /** The wait after the n-th failure in a row (n >= 1). */
    Duration delay(int failures) {
        int doublings = Math.min(failures - 1, MAX_DOUBLINGS);
        long nanos;
        try {
            nanos = Math.multiplyExact(min.toNanos(), 1L << doublings);
        } catch (ArithmeticException e) {
            return max;
        }
        return nanos >= max.toNanos() ? max : Duration.ofNanos(nanos);
    }
}
