package org.openscis.server.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.server.storage.Tables.ReplayUuids;

/**
 * Remembers the UUIDs of signed requests inside their replay window, across all nodes sharing the database: a UUID
 * seen again before it expires is a replay. The clock is used only to decide whether a remembered UUID has expired.
 */
public final class JdbcReplayGuard {

    private final DSLContext dsl;
    private final Clock clock;

    public JdbcReplayGuard(Database db, Clock clock) {
        this.dsl = db.dsl();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records {@code uuid} for {@code insId} until {@code expiresAt}. Returns true the first time, false for a replay.
     * A remembered UUID that has already expired (not purged yet) counts as new and gets the new expiry.
     */
    public boolean firstSeen(String insId, String uuid, Instant expiresAt) {
        long expires = expiresAt.toEpochMilli();
        // Second round only if the row vanished (purged) between the failed insert and the revival attempt.
        for (int attempt = 0; attempt < 2; attempt++) {
            if (tryInsert(insId, uuid, expires)) {
                return true;
            }
            long now = clock.millis();
            // A conditional update is a compare-and-set: of two nodes reviving the same expired UUID, one wins.
            int revived = dsl.transactionResult(cfg -> DSL.using(cfg).update(ReplayUuids.TABLE)
                    .set(ReplayUuids.EXPIRES_AT, expires)
                    .where(ReplayUuids.INS_ID.eq(insId)
                            .and(ReplayUuids.UUID.eq(uuid))
                            .and(ReplayUuids.EXPIRES_AT.le(now)))
                    .execute());
            if (revived == 1) {
                return true;
            }
            if (stillRemembered(insId, uuid)) {
                return false;
            }
        }
        return false;
    }

    private boolean tryInsert(String insId, String uuid, long expires) {
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(ReplayUuids.TABLE)
                    .set(ReplayUuids.INS_ID, insId)
                    .set(ReplayUuids.UUID, uuid)
                    .set(ReplayUuids.EXPIRES_AT, expires)
                    .execute());
            return true;
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean stillRemembered(String insId, String uuid) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).fetchExists(ReplayUuids.TABLE,
                ReplayUuids.INS_ID.eq(insId).and(ReplayUuids.UUID.eq(uuid))));
    }

    /** Forgets UUIDs whose window ended at or before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).deleteFrom(ReplayUuids.TABLE)
                .where(ReplayUuids.EXPIRES_AT.le(now.toEpochMilli()))
                .execute());
    }

    @Override
    public String toString() {
        return "JdbcReplayGuard";
    }
}
