package org.openscis.server.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.storage.Tables.Idempotency;

/**
 * Idempotency records keyed by ({@code insID}, {@code msgID}) (decisions.md §4), shared by all nodes through the
 * database. A request first {@link #claim}s its key; exactly one concurrent claimant wins, on any node, because the
 * primary key decides. The winner {@link #complete}s it with the response (stored encrypted, it may carry card data)
 * or {@link #release}s it if it failed before any side effect. Times come from the caller.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

    /** The code of a response that a later resolution may replace. */
    private static final String PENDING_CODE = "04";

    /** A claim that loses the insert race but then finds no row (released meanwhile) tries again this often. */
    private static final int MAX_CLAIM_ATTEMPTS = 3;

    private final DSLContext dsl;
    private final DataCipher cipher;

    public JdbcIdempotencyStore(Database db, DataCipher cipher) {
        this.dsl = db.dsl();
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /**
     * Claims the key for a new request, or reports the record already there. Race-safe: it inserts first and reads
     * only when the key is taken.
     */
    public ClaimResult claim(String insId, String msgId, String msgType, String fingerprint, Instant now) {
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            if (tryInsert(insId, msgId, msgType, fingerprint, now)) {
                return new ClaimResult.Claimed();
            }
            Optional<ClaimResult.Existing> existing = find(insId, msgId);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        throw new IllegalStateException("idempotency key " + insId + "/" + msgId + " was claimed and released "
                + MAX_CLAIM_ATTEMPTS + " times during one claim");
    }

    private boolean tryInsert(String insId, String msgId, String msgType, String fingerprint, Instant now) {
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(Idempotency.TABLE)
                    .set(Idempotency.INS_ID, insId)
                    .set(Idempotency.MSG_ID, msgId)
                    .set(Idempotency.MSG_TYPE, msgType)
                    .set(Idempotency.FINGERPRINT, fingerprint)
                    .set(Idempotency.STATUS, ClaimResult.Status.IN_FLIGHT.name())
                    .set(Idempotency.CREATED_AT, now.toEpochMilli())
                    .execute());
            return true;
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Records the final response of a claimed key (status DONE).
     *
     * @throws IllegalStateException if the key is not claimed IN_FLIGHT (never claimed, released, purged or done)
     */
    public boolean supersedePending(String insId, String msgId, String responseCode, byte[] responseBody,
            Instant now) {
        byte[] sealed = cipher.encrypt(responseBody, Aad.idempotencyResponse(insId, msgId));
        int rows = dsl.transactionResult(cfg -> DSL.using(cfg).update(Idempotency.TABLE)
                .set(Idempotency.RESPONSE_CODE, responseCode)
                .set(Idempotency.RESPONSE_ENC, sealed)
                .set(Idempotency.COMPLETED_AT, now.toEpochMilli())
                .where(key(insId, msgId).and(Idempotency.STATUS.eq(ClaimResult.Status.DONE.name()))
                        .and(Idempotency.RESPONSE_CODE.eq(PENDING_CODE)))
                .execute());
        return rows == 1;
    }

    @Override
    public void complete(String insId, String msgId, String responseCode, byte[] responseBody, Instant now) {
        byte[] sealed = cipher.encrypt(responseBody, Aad.idempotencyResponse(insId, msgId));
        int rows = dsl.transactionResult(cfg -> DSL.using(cfg).update(Idempotency.TABLE)
                .set(Idempotency.STATUS, ClaimResult.Status.DONE.name())
                .set(Idempotency.RESPONSE_CODE, responseCode)
                .set(Idempotency.RESPONSE_ENC, sealed)
                .set(Idempotency.COMPLETED_AT, now.toEpochMilli())
                .where(key(insId, msgId).and(Idempotency.STATUS.eq(ClaimResult.Status.IN_FLIGHT.name())))
                .execute());
        if (rows != 1) {
            throw new IllegalStateException("idempotency key " + insId + "/" + msgId + " is not in flight");
        }
    }

    /**
     * Gives up an IN_FLIGHT claim whose processing failed before any side effect, so a retry can run it afresh. A
     * completed record is never released.
     */
    public void release(String insId, String msgId) {
        dsl.transaction(cfg -> DSL.using(cfg).deleteFrom(Idempotency.TABLE)
                .where(key(insId, msgId).and(Idempotency.STATUS.eq(ClaimResult.Status.IN_FLIGHT.name())))
                .execute());
    }

    @Override
    public boolean reclaim(String insId, String msgId, Instant claimedAt, Instant now) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).update(Idempotency.TABLE)
                .set(Idempotency.CREATED_AT, now.toEpochMilli())
                .where(key(insId, msgId).and(Idempotency.STATUS.eq(ClaimResult.Status.IN_FLIGHT.name()))
                        .and(Idempotency.CREATED_AT.eq(claimedAt.toEpochMilli())))
                .execute()) == 1;
    }

    /** The record of a key, with its response decrypted. */
    public Optional<ClaimResult.Existing> find(String insId, String msgId) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(Idempotency.ALL).from(Idempotency.TABLE)
                .where(key(insId, msgId))
                .fetchOptional()
                .map(this::toExisting));
    }

    /** Deletes records created before {@code cutoff} (retention, decisions.md §4); returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).deleteFrom(Idempotency.TABLE)
                .where(Idempotency.CREATED_AT.lt(cutoff.toEpochMilli()))
                .execute());
    }

    private static Condition key(String insId, String msgId) {
        return Idempotency.INS_ID.eq(insId).and(Idempotency.MSG_ID.eq(msgId));
    }

    private ClaimResult.Existing toExisting(Record r) {
        String insId = r.get(Idempotency.INS_ID);
        String msgId = r.get(Idempotency.MSG_ID);
        byte[] sealed = r.get(Idempotency.RESPONSE_ENC);
        return new ClaimResult.Existing(
                r.get(Idempotency.MSG_TYPE),
                r.get(Idempotency.FINGERPRINT),
                ClaimResult.Status.valueOf(r.get(Idempotency.STATUS)),
                r.get(Idempotency.RESPONSE_CODE),
                sealed == null ? null : cipher.decrypt(sealed, Aad.idempotencyResponse(insId, msgId)),
                Instant.ofEpochMilli(r.get(Idempotency.CREATED_AT)));
    }

    @Override
    public String toString() {
        return "JdbcIdempotencyStore";
    }
}
