package org.openscis.server.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset that tests move forward: a running switch keeps real time (its timers, deadlines and
 * sockets need it), and a test can still make something expire without waiting for it. Keep shifts well inside the
 * security gate's timestamp skew: the App Gateway client and the callback receiver use the real time.
 */
final class ShiftableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves this clock (never back) by {@code by}. */
    void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offset.toMillis();
    }
}
