package org.openscis.server.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.router.port.VerificationAttempts;
import org.openscis.server.storage.Tables.CardVerificationFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed cardholder verifications per card in the shared database, so the limit holds across every switch node. A
 * row is one window: it starts at the first failure and counts failures until {@code window} has passed; a failure
 * after that starts a new window. Every change is a single conditional statement, so concurrent failures of one
 * card on several nodes are each counted once.
 */
public final class JdbcVerificationAttempts implements VerificationAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcVerificationAttempts.class);
    /**
     * Rounds of count / restart / insert. Each round fails only if another node changed the row in between (deleted
     * it, or created it); the second round then normally succeeds.
     */
    private static final int MAX_RECORD_ROUNDS = 4;

    private final DSLContext dsl;
    private final int limit;
    private final long windowMillis;

    /**
     * @param limit  failures inside one window that lock the card (at least 1)
     * @param window how long a window lasts from its first failure (positive)
     */
    public JdbcVerificationAttempts(Database db, int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.dsl = db.dsl();
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    @Override
    public boolean locked(String cardId, Instant now) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).fetchExists(CardVerificationFailures.TABLE,
                CardVerificationFailures.CARD_ID.eq(cardId)
                        .and(CardVerificationFailures.FAILURES.ge(limit))
                        .and(CardVerificationFailures.WINDOW_START.gt(windowOpenAfter(now)))));
    }

    @Override
    public void recordFailure(String cardId, Instant now) {
        long at = now.toEpochMilli();
        long openAfter = windowOpenAfter(now);
        for (int round = 0; round < MAX_RECORD_ROUNDS; round++) {
            if (countInOpenWindow(cardId, openAfter) || restartClosedWindow(cardId, at, openAfter)
                    || tryInsert(cardId, at)) {
                return;
            }
        }
        LOG.warn("card {}: failed verification not counted, its row kept changing during {} rounds", cardId,
                MAX_RECORD_ROUNDS);
    }

    @Override
    public void reset(String cardId) {
        dsl.transaction(cfg -> DSL.using(cfg).deleteFrom(CardVerificationFailures.TABLE)
                .where(CardVerificationFailures.CARD_ID.eq(cardId))
                .execute());
    }

    /** Forgets windows that ended at or before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).deleteFrom(CardVerificationFailures.TABLE)
                .where(CardVerificationFailures.WINDOW_START.le(windowOpenAfter(now)))
                .execute());
    }

    /** A window is open at {@code now} while it started after the returned epoch millisecond. */
    private long windowOpenAfter(Instant now) {
        return now.toEpochMilli() - windowMillis;
    }

    /** The increment happens in the database, so concurrent failures never overwrite each other's count. */
    private boolean countInOpenWindow(String cardId, long openAfter) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).update(CardVerificationFailures.TABLE)
                .set(CardVerificationFailures.FAILURES, CardVerificationFailures.FAILURES.plus(1))
                .where(CardVerificationFailures.CARD_ID.eq(cardId)
                        .and(CardVerificationFailures.WINDOW_START.gt(openAfter)))
                .execute()) == 1;
    }

    /**
     * A compare-and-set on the closed window: of two nodes restarting it at once, one wins; the other then finds
     * the window open and counts in it.
     */
    private boolean restartClosedWindow(String cardId, long at, long openAfter) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).update(CardVerificationFailures.TABLE)
                .set(CardVerificationFailures.FAILURES, 1)
                .set(CardVerificationFailures.WINDOW_START, at)
                .where(CardVerificationFailures.CARD_ID.eq(cardId)
                        .and(CardVerificationFailures.WINDOW_START.le(openAfter)))
                .execute()) == 1;
    }

    /** False if another node inserted the card's row first; the next round counts in it. */
    private boolean tryInsert(String cardId, long at) {
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(CardVerificationFailures.TABLE)
                    .set(CardVerificationFailures.CARD_ID, cardId)
                    .set(CardVerificationFailures.FAILURES, 1)
                    .set(CardVerificationFailures.WINDOW_START, at)
                    .execute());
            return true;
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "JdbcVerificationAttempts[limit=" + limit + ", windowMillis=" + windowMillis + "]";
    }
}
