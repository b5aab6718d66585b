package org.openscis.connector.sim.bank;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Cash-out holds. A hold posts nothing: it lowers the available balance while it is HELD and unexpired. Expiry needs
 * no write (queries compare {@code expires_at} with the clock); {@link #sweep} only tidies the state column.
 */
final class Holds {

    private Holds() {}

    /** The sum of the account's holds that are HELD and unexpired at {@code nowMillis}. */
    static long activeTotal(DSLContext tx, String accountNo, long nowMillis) {
        Long total = tx.select(DSL.sum(Schema.Holds.AMOUNT)).from(Schema.Holds.TABLE)
                .where(Schema.Holds.ACCOUNT_NO.eq(accountNo)
                        .and(Schema.Holds.STATE.eq(HoldState.HELD.name()))
                        .and(Schema.Holds.EXPIRES_AT.gt(nowMillis)))
                .fetchOne(0, Long.class);
        return total == null ? 0 : total;
    }

    static Optional<HoldRow> find(DSLContext tx, String trxToken) {
        return tx.select(Schema.Holds.ALL).from(Schema.Holds.TABLE)
                .where(Schema.Holds.TRX_TOKEN.eq(trxToken))
                .fetchOptional()
                .map(Holds::toRow);
    }

    /** The hold, locked for the rest of the transaction. Callers lock the hold's account first (lock order). */
    static Optional<HoldRow> lock(DSLContext tx, String trxToken) {
        return tx.select(Schema.Holds.ALL).from(Schema.Holds.TABLE)
                .where(Schema.Holds.TRX_TOKEN.eq(trxToken))
                .forUpdate()
                .fetchOptional()
                .map(Holds::toRow);
    }

    /** The hold a GET_CASH_OUT_TOKEN movement placed (not locked: lock its account, then {@link #lock} it). */
    static Optional<HoldRow> ofMovement(DSLContext tx, String movementId) {
        return tx.select(Schema.Holds.ALL).from(Schema.Holds.TABLE)
                .where(Schema.Holds.MOVEMENT_ID.eq(movementId))
                .fetchOptional()
                .map(Holds::toRow);
    }

    static void insert(DSLContext tx, HoldRow hold, long nowMillis) {
        tx.insertInto(Schema.Holds.TABLE)
                .set(Schema.Holds.TRX_TOKEN, hold.trxToken())
                .set(Schema.Holds.MOVEMENT_ID, hold.movementId())
                .set(Schema.Holds.ACCOUNT_NO, hold.accountNo())
                .set(Schema.Holds.AMOUNT, hold.amountMinor())
                .set(Schema.Holds.CURRENCY, hold.currency())
                .set(Schema.Holds.EXPIRES_AT, hold.expiresAtMillis())
                .set(Schema.Holds.STATE, hold.state().name())
                .set(Schema.Holds.UPDATED_AT, nowMillis)
                .execute();
    }

    static void setState(DSLContext tx, String trxToken, HoldState state, long nowMillis) {
        tx.update(Schema.Holds.TABLE)
                .set(Schema.Holds.STATE, state.name())
                .set(Schema.Holds.UPDATED_AT, nowMillis)
                .where(Schema.Holds.TRX_TOKEN.eq(trxToken))
                .execute();
    }

    /** Marks HELD holds that expired by {@code nowMillis} as RELEASED; returns how many. */
    static int sweep(DSLContext tx, long nowMillis) {
        return tx.update(Schema.Holds.TABLE)
                .set(Schema.Holds.STATE, HoldState.RELEASED.name())
                .set(Schema.Holds.UPDATED_AT, nowMillis)
                .where(Schema.Holds.STATE.eq(HoldState.HELD.name()).and(Schema.Holds.EXPIRES_AT.le(nowMillis)))
                .execute();
    }

    private static HoldRow toRow(Record r) {
        return new HoldRow(r.get(Schema.Holds.TRX_TOKEN), r.get(Schema.Holds.MOVEMENT_ID),
                r.get(Schema.Holds.ACCOUNT_NO), r.get(Schema.Holds.AMOUNT), r.get(Schema.Holds.CURRENCY),
                r.get(Schema.Holds.EXPIRES_AT), HoldState.valueOf(r.get(Schema.Holds.STATE)));
    }
}
