package org.openscis.connector.sim.bank;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;

/** The movements table: one row per recorded message, keyed by its msgID (the idempotency key). */
final class Movements {

    private static final EnvelopeCodec JSON = new EnvelopeCodec();
    /** What a row holds while its transaction runs; never visible to anyone else. */
    private static final String PENDING_CODE = "--";

    private Movements() {}

    static Optional<MovementRow> find(DSLContext tx, String msgId) {
        return tx.select(Schema.Movements.ALL).from(Schema.Movements.TABLE)
                .where(Schema.Movements.MSG_ID.eq(msgId))
                .fetchOptional()
                .map(Movements::toRow);
    }

    /** The row, locked for the rest of the transaction (reversals of one original queue here). */
    static Optional<MovementRow> lock(DSLContext tx, String msgId) {
        return tx.select(Schema.Movements.ALL).from(Schema.Movements.TABLE)
                .where(Schema.Movements.MSG_ID.eq(msgId))
                .forUpdate()
                .fetchOptional()
                .map(Movements::toRow);
    }

    /**
     * Claims {@code msgId} for this transaction. A concurrent claim of the same msgID waits for this one and then
     * fails with a unique violation, so exactly one of them ever applies.
     */
    static void insertPending(DSLContext tx, String msgId, String msgType, long nowMillis) {
        insert(tx, msgId, msgType, MovementState.PENDING, PENDING_CODE, "in progress", nowMillis);
    }

    /** Records that {@code msgId} was reversed before it arrived; the original, if it comes, is refused. */
    static void insertTombstone(DSLContext tx, String msgId, String msgType, long nowMillis) {
        ResponseCode refused = ResponseCode.INVALID_TRANSACTION;
        insert(tx, msgId, msgType, MovementState.TOMBSTONE, refused.code(), "reversed before it arrived", nowMillis);
    }

    /** Records a movement with no request behind it (seed balances, withdrawals at an agent). */
    static void insertApproved(DSLContext tx, String msgId, String msgType, long amountMinor, String currency,
            long nowMillis) {
        tx.insertInto(Schema.Movements.TABLE)
                .set(Schema.Movements.MSG_ID, msgId)
                .set(Schema.Movements.MSG_TYPE, msgType)
                .set(Schema.Movements.STATE, MovementState.APPROVED.name())
                .set(Schema.Movements.RESPONSE_CODE, ResponseCode.APPROVED.code())
                .set(Schema.Movements.RESPONSE_MSG, ResponseCode.APPROVED.message())
                .set(Schema.Movements.AMOUNT, amountMinor)
                .set(Schema.Movements.CURRENCY, currency)
                .set(Schema.Movements.CREATED_AT, nowMillis)
                .set(Schema.Movements.UPDATED_AT, nowMillis)
                .execute();
    }

    private static void insert(DSLContext tx, String msgId, String msgType, MovementState state, String code,
            String message, long nowMillis) {
        tx.insertInto(Schema.Movements.TABLE)
                .set(Schema.Movements.MSG_ID, msgId)
                .set(Schema.Movements.MSG_TYPE, msgType)
                .set(Schema.Movements.STATE, state.name())
                .set(Schema.Movements.RESPONSE_CODE, code)
                .set(Schema.Movements.RESPONSE_MSG, message)
                .set(Schema.Movements.CREATED_AT, nowMillis)
                .set(Schema.Movements.UPDATED_AT, nowMillis)
                .execute();
    }

    /** Completes a claimed row with the processor's decision and the response to give every retry. */
    static void complete(DSLContext tx, String msgId, Result result, long nowMillis) {
        tx.update(Schema.Movements.TABLE)
                .set(Schema.Movements.STATE, result.state().name())
                .set(Schema.Movements.RESPONSE_CODE, result.code().code())
                .set(Schema.Movements.RESPONSE_MSG, truncate(result.message()))
                .set(Schema.Movements.RESPONSE_TRX, result.trxInfo().isEmpty() ? null
                        : new String(JSON.encodeObject(result.trxInfo()), StandardCharsets.UTF_8))
                .set(Schema.Movements.AMOUNT, result.amount() == null ? null : result.amount().minor())
                .set(Schema.Movements.CURRENCY, result.amount() == null ? null : result.amount().currency().numeric())
                .set(Schema.Movements.ORIG_MSG_ID, result.origMsgId())
                .set(Schema.Movements.UPDATED_AT, nowMillis)
                .where(Schema.Movements.MSG_ID.eq(msgId))
                .execute();
    }

    static void setState(DSLContext tx, String msgId, MovementState state, long nowMillis) {
        tx.update(Schema.Movements.TABLE)
                .set(Schema.Movements.STATE, state.name())
                .set(Schema.Movements.UPDATED_AT, nowMillis)
                .where(Schema.Movements.MSG_ID.eq(msgId))
                .execute();
    }

    private static String truncate(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200);
    }

    private static MovementRow toRow(Record r) {
        String trx = r.get(Schema.Movements.RESPONSE_TRX);
        TrxInfo trxInfo = trx == null ? TrxInfo.EMPTY : JSON.decodeObject(trx.getBytes(StandardCharsets.UTF_8));
        return new MovementRow(r.get(Schema.Movements.MSG_ID), r.get(Schema.Movements.MSG_TYPE),
                MovementState.valueOf(r.get(Schema.Movements.STATE)), r.get(Schema.Movements.RESPONSE_CODE),
                r.get(Schema.Movements.RESPONSE_MSG), trxInfo == null ? TrxInfo.EMPTY : trxInfo,
                r.get(Schema.Movements.AMOUNT), r.get(Schema.Movements.CURRENCY),
                r.get(Schema.Movements.ORIG_MSG_ID));
    }
}
