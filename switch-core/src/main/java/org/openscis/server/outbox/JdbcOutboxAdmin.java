package org.openscis.server.outbox;

import static org.openscis.server.outbox.OutboxTable.ATTEMPTS;
import static org.openscis.server.outbox.OutboxTable.CREATED_AT;
import static org.openscis.server.outbox.OutboxTable.DELIVERED_AT;
import static org.openscis.server.outbox.OutboxTable.ID;
import static org.openscis.server.outbox.OutboxTable.LAST_ERROR;
import static org.openscis.server.outbox.OutboxTable.LEASE_UNTIL;
import static org.openscis.server.outbox.OutboxTable.MSG_ID;
import static org.openscis.server.outbox.OutboxTable.MSG_TYPE;
import static org.openscis.server.outbox.OutboxTable.NEXT_ATTEMPT_AT;
import static org.openscis.server.outbox.OutboxTable.NOT_LEASED;
import static org.openscis.server.outbox.OutboxTable.ORDER_KEY;
import static org.openscis.server.outbox.OutboxTable.PENDING_SINCE;
import static org.openscis.server.outbox.OutboxTable.RECIPIENT;
import static org.openscis.server.outbox.OutboxTable.RESPONSE_CODE;
import static org.openscis.server.outbox.OutboxTable.STATE;
import static org.openscis.server.outbox.OutboxTable.TABLE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.openscis.codec.mask.Masking;
import org.openscis.server.storage.Database;

/**
 * What operators do with the outbox ({@code openscis outbox list|replay}): list rows without their payload, the token
 * masked; count what is not delivered; put parked callbacks back in the queue. Needs no data key: nothing here reads
 * a payload. Safe while switch nodes are running on the same database.
 */
public final class JdbcOutboxAdmin {

    /** Longest listing one call returns. */
    public static final int MAX_LIST_ROWS = 10_000;

    private final DSLContext dsl;

    public JdbcOutboxAdmin(Database db) {
        this.dsl = db.dsl();
    }

    /** Up to {@code limit} rows, newest first; only PARKED ones if {@code parkedOnly}. */
    public List<OutboxEntry> list(boolean parkedOnly, int limit) {
        if (limit < 1 || limit > MAX_LIST_ROWS) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIST_ROWS + ": " + limit);
        }
        Condition which = parkedOnly ? STATE.eq(OutboxState.PARKED.name()) : DSL.noCondition();
        return dsl.select(MSG_ID, RECIPIENT, MSG_TYPE, ORDER_KEY, STATE, ATTEMPTS, CREATED_AT, NEXT_ATTEMPT_AT,
                        DELIVERED_AT, RESPONSE_CODE, LAST_ERROR)
                .from(TABLE)
                .where(which)
                .orderBy(ID.desc())
                .limit(limit)
                .fetch(JdbcOutboxAdmin::toEntry);
    }

    private static OutboxEntry toEntry(Record r) {
        Long delivered = r.get(DELIVERED_AT);
        return new OutboxEntry(r.get(MSG_ID), r.get(RECIPIENT), r.get(MSG_TYPE), Masking.pan(r.get(ORDER_KEY)),
                OutboxState.valueOf(r.get(STATE)), r.get(ATTEMPTS), Instant.ofEpochMilli(r.get(CREATED_AT)),
                Instant.ofEpochMilli(r.get(NEXT_ATTEMPT_AT)), delivered == null ? null : Instant.ofEpochMilli(delivered),
                r.get(RESPONSE_CODE), r.get(LAST_ERROR));
    }

    /** PENDING and PARKED rows. */
    public OutboxCounts counts() {
        Map<String, Integer> byState = dsl.select(STATE, DSL.count())
                .from(TABLE)
                .where(STATE.in(OutboxState.PENDING.name(), OutboxState.PARKED.name()))
                .groupBy(STATE)
                .fetchMap(STATE, DSL.count());
        return new OutboxCounts(byState.getOrDefault(OutboxState.PENDING.name(), 0),
                byState.getOrDefault(OutboxState.PARKED.name(), 0));
    }

    /**
     * Makes the parked callback {@code msgId} PENDING again, due at {@code now}, with a fresh backoff and give-up
     * period. It is then the oldest PENDING row of its token, so later callbacks of that token wait for it again.
     */
    public ReplayResult replay(String msgId, Instant now) {
        Objects.requireNonNull(msgId, "msgId");
        int rows = replayed(now).where(MSG_ID.eq(msgId).and(STATE.eq(OutboxState.PARKED.name()))).execute();
        if (rows == 1) {
            return ReplayResult.REPLAYED;
        }
        return dsl.fetchExists(TABLE, MSG_ID.eq(msgId)) ? ReplayResult.NOT_PARKED : ReplayResult.NOT_FOUND;
    }

    /** {@link #replay} of every PARKED row; returns how many. */
    public int replayAllParked(Instant now) {
        return replayed(now).where(STATE.eq(OutboxState.PARKED.name())).execute();
    }

    private UpdateSetMoreStep<Record> replayed(Instant now) {
        long at = now.toEpochMilli();
        return dsl.update(TABLE)
                .set(STATE, OutboxState.PENDING.name())
                .set(ATTEMPTS, 0)
                .set(NEXT_ATTEMPT_AT, at)
                .set(PENDING_SINCE, at)
                .set(LEASE_UNTIL, NOT_LEASED);
    }

    @Override
    public String toString() {
        return "JdbcOutboxAdmin";
    }
}
