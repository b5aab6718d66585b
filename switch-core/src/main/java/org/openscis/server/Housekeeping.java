package org.openscis.server;

import java.time.Clock;
import java.time.Duration;
import org.openscis.server.storage.IdempotencyStore;
import org.openscis.server.storage.JdbcReplayGuard;
import org.openscis.server.storage.JdbcVerificationAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic purge of idempotency records past their retention, of replay-window UUIDs past their window, and of
 * card verification failures whose window has ended.
 */
final class Housekeeping implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final IdempotencyStore idempotency;
    private final JdbcReplayGuard replay;
    private final JdbcVerificationAttempts verificationAttempts;
    private final Clock clock;
    private final Duration retention;

    Housekeeping(IdempotencyStore idempotency, JdbcReplayGuard replay, JdbcVerificationAttempts verificationAttempts,
            Clock clock, Duration retention) {
        this.idempotency = idempotency;
        this.replay = replay;
        this.verificationAttempts = verificationAttempts;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void run() {
        try {
            int uuids = replay.purgeExpired(clock.instant());
            int records = idempotency.purgeOlderThan(clock.instant().minus(retention));
            int failures = verificationAttempts.purgeExpired(clock.instant());
            if (uuids + records + failures > 0) {
                LOG.debug("purged {} replay UUIDs, {} idempotency records and {} card verification windows", uuids,
                        records, failures);
            }
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed; will retry", e);
        }
    }
}
