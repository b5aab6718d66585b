package org.openscis.server.storage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.UpdateSetMoreStep;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.router.MessageType;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.storage.Tables.MoneyTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TransactionStore} on the {@code money_transactions} table, shared by every node. The CBS request and the
 * approved reply hold account numbers, PANs and cash-out tokens, so they are stored only as {@link DataCipher}
 * ciphertext bound to the trxId and column; the token and card id stay in clear for lookups (a token is the public
 * face of a card, a card id is opaque). Times are kept to the millisecond.
 *
 * <p>Concurrency rests on conditional updates, never on reading first: {@link #transition} is a compare-and-set of
 * the state that enqueues its callbacks through the {@link OutboxWriter} in the same database transaction, and
 * {@link #claimDue} leases each due row with a compare-and-set of {@code next_attempt_at}, so of several nodes
 * scanning at once exactly one wins each row. A row in a final state has no {@code next_attempt_at}.
 */
public final class JdbcTransactionStore implements TransactionStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactionStore.class);

    /**
     * What the resolver works on: every state that is not final. An AWAITING_CVM record becomes due only after its
     * verification timeout (its {@code nextAttemptAt}), when its node has stopped: the resolver declines it.
     */
    private static final List<String> OPEN =
            names(EnumSet.of(TrxState.RECEIVED, TrxState.AWAITING_CVM, TrxState.SENT, TrxState.UNKNOWN));
    private static final List<String> FINAL =
            Arrays.stream(TrxState.values()).filter(TrxState::isFinal).map(Enum::name).toList();
    /** States of movements that certainly moved nothing: they do not count against limits. */
    private static final List<String> NOT_COUNTED =
            Arrays.stream(TrxState.values()).filter(s -> !s.countsAgainstLimits()).map(Enum::name).toList();
    /** The card's outgoing movements, which its per-transaction and daily limits cap. */
    private static final List<String> OUTGOING = names(EnumSet.of(CbsOperation.DEBIT_TRANSACTION,
            CbsOperation.P2P_TRANSFER, CbsOperation.GET_CASH_OUT_TOKEN));

    private final DSLContext dsl;
    private final SealedTrxInfo sealed;
    private final OutboxWriter outboxWriter;

    public JdbcTransactionStore(Database db, DataCipher cipher, OutboxWriter outboxWriter) {
        this.dsl = db.dsl();
        this.sealed = new SealedTrxInfo(cipher);
        this.outboxWriter = Objects.requireNonNull(outboxWriter, "outboxWriter");
    }

    /**
     * {@inheritDoc} A record created in a final state is stored without {@code nextAttemptAt}. Both uniqueness rules
     * are database constraints, so of two concurrent creators on any nodes exactly one gets true.
     */
    @Override
    public boolean create(MoneyTransaction trx) {
        String id = trx.trxId();
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(MoneyTransactions.TABLE)
                    .set(MoneyTransactions.TRX_ID, id)
                    .set(MoneyTransactions.INS_ID, trx.insId())
                    .set(MoneyTransactions.MSG_ID, trx.msgId())
                    .set(MoneyTransactions.MSG_TYPE, trx.msgType().name())
                    .set(MoneyTransactions.MSG_VERSION, trx.msgVersion())
                    .set(MoneyTransactions.MSG_TIME_STAMP, trx.msgTimeStamp())
                    .set(MoneyTransactions.ISSUER_IIN, trx.issuerIin())
                    .set(MoneyTransactions.CARD_ID, trx.cardId())
                    .set(MoneyTransactions.TOKEN, trx.token())
                    .set(MoneyTransactions.DEVICE_ID, trx.deviceId())
                    .set(MoneyTransactions.OPERATION, trx.operation().name())
                    .set(MoneyTransactions.AMOUNT_MINOR, trx.amountMinor())
                    .set(MoneyTransactions.CURRENCY, trx.currency())
                    .set(MoneyTransactions.CBS_REQUEST_ENC, sealed.seal(trx.cbsRequest(), Aad.moneyCbsRequest(id)))
                    .set(MoneyTransactions.APPROVED_REPLY_ENC,
                            sealed.seal(trx.approvedReply(), Aad.moneyApprovedReply(id)))
                    .set(MoneyTransactions.STATE, trx.state().name())
                    .set(MoneyTransactions.RESPONSE_CODE, trx.responseCode())
                    .set(MoneyTransactions.NOTIFY_ON_FINAL, trx.notifyOnFinal())
                    .set(MoneyTransactions.ATTEMPTS, trx.attempts())
                    .set(MoneyTransactions.NEXT_ATTEMPT_AT, trx.state().isFinal() ? null : millis(trx.nextAttemptAt()))
                    .set(MoneyTransactions.CREATED_AT, trx.createdAt().toEpochMilli())
                    .set(MoneyTransactions.UPDATED_AT, trx.updatedAt().toEpochMilli())
                    .set(MoneyTransactions.ORIG_TRX_ID, origTrxId(trx))
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
     * {@inheritDoc} The notifications are handed to the {@link OutboxWriter} only when the compare-and-set wins (and
     * not at all when the list is empty); if the writer fails, the state change is rolled back with it and the
     * exception propagates.
     */
    @Override
    public boolean transition(String trxId, TrxState expected, TrxState next, String responseCode,
            List<Notification> notifications, Instant now) {
        Objects.requireNonNull(next, "next");
        List<Notification> callbacks = notifications == null ? List.of() : notifications;
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            UpdateSetMoreStep<Record> update = tx.update(MoneyTransactions.TABLE)
                    .set(MoneyTransactions.STATE, next.name())
                    .set(MoneyTransactions.UPDATED_AT, now.toEpochMilli());
            if (responseCode != null) {
                update = update.set(MoneyTransactions.RESPONSE_CODE, responseCode);
            }
            if (next.isFinal()) {
                update = update.setNull(MoneyTransactions.NEXT_ATTEMPT_AT);
            }
            int rows = update.where(MoneyTransactions.TRX_ID.eq(trxId)
                    .and(MoneyTransactions.STATE.eq(expected.name()))).execute();
            if (rows != 1) {
                return false;
            }
            if (!callbacks.isEmpty()) {
                outboxWriter.insert(tx, callbacks, now);
            }
            return true;
        });
    }

    @Override
    public Optional<MoneyTransaction> find(String trxId) {
        return one(MoneyTransactions.TRX_ID.eq(trxId));
    }

    @Override
    public Optional<MoneyTransaction> findByRequest(String insId, String msgId) {
        return one(MoneyTransactions.INS_ID.eq(insId).and(MoneyTransactions.MSG_ID.eq(msgId)));
    }

    private Optional<MoneyTransaction> one(Condition condition) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(MoneyTransactions.ALL).from(MoneyTransactions.TABLE)
                .where(condition)
                .fetchOptional()
                .map(this::toTransaction));
    }

    /** {@inheritDoc} In creation order; {@code orig_trx_id} was filled from the CBS request at create. */
    @Override
    public List<MoneyTransaction> findRelated(String origTrxId) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(MoneyTransactions.ALL).from(MoneyTransactions.TABLE)
                .where(MoneyTransactions.ORIG_TRX_ID.eq(origTrxId))
                .orderBy(MoneyTransactions.CREATED_AT, MoneyTransactions.TRX_ID)
                .fetch(this::toTransaction));
    }

    /** What {@link #findRelated} looks for: the CBS request's {@code origMsgID}, if any. */
    private static String origTrxId(MoneyTransaction trx) {
        return trx.cbsRequest() == null ? null : trx.cbsRequest().string("origMsgID");
    }

    @Override
    public long outgoingSince(String cardId, String currency, Instant since) {
        BigDecimal sum = dsl.transactionResult(cfg -> DSL.using(cfg)
                .select(DSL.sum(MoneyTransactions.AMOUNT_MINOR))
                .from(MoneyTransactions.TABLE)
                .where(MoneyTransactions.CARD_ID.eq(cardId)
                        .and(MoneyTransactions.CREATED_AT.ge(since.toEpochMilli()))
                        .and(MoneyTransactions.CURRENCY.eq(currency))
                        .and(MoneyTransactions.OPERATION.in(OUTGOING))
                        .and(MoneyTransactions.STATE.notIn(NOT_COUNTED)))
                .fetchOne(0, BigDecimal.class));
        return sum == null ? 0L : sum.longValueExact();
    }

    /**
     * {@inheritDoc} Each lease is its own conditional update on the {@code nextAttemptAt} the scan saw, so a row
     * another node leased (or settled) in between is skipped rather than returned twice. The result is in due order
     * and carries the leased {@code nextAttemptAt}.
     *
     * @throws IllegalArgumentException if {@code lease} is not positive
     */
    @Override
    public List<MoneyTransaction> claimDue(Instant now, Duration lease, int max) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        if (max <= 0) {
            return List.of();
        }
        long at = now.toEpochMilli();
        long leasedUntil = now.plus(lease).toEpochMilli();
        List<Record2<String, Long>> due = dsl.transactionResult(cfg -> DSL.using(cfg)
                .select(MoneyTransactions.TRX_ID, MoneyTransactions.NEXT_ATTEMPT_AT)
                .from(MoneyTransactions.TABLE)
                .where(MoneyTransactions.STATE.in(OPEN).and(MoneyTransactions.NEXT_ATTEMPT_AT.le(at)))
                .orderBy(MoneyTransactions.NEXT_ATTEMPT_AT, MoneyTransactions.TRX_ID)
                .limit(max)
                .fetch());
        List<String> won = new ArrayList<>();
        for (Record2<String, Long> row : due) {
            if (lease(row.value1(), row.value2(), leasedUntil)) {
                won.add(row.value1());
            }
        }
        if (won.isEmpty()) {
            return List.of();
        }
        Map<String, MoneyTransaction> byId = new LinkedHashMap<>();
        dsl.transactionResult(cfg -> DSL.using(cfg).select(MoneyTransactions.ALL).from(MoneyTransactions.TABLE)
                .where(MoneyTransactions.TRX_ID.in(won))
                .fetch(this::toTransaction))
                .forEach(t -> byId.put(t.trxId(), t));
        List<MoneyTransaction> claimed = new ArrayList<>(won.size());
        for (String id : won) {
            MoneyTransaction t = byId.get(id);
            if (t != null) {
                claimed.add(t);
            }
        }
        return claimed;
    }

    private boolean lease(String trxId, long seenNextAttemptAt, long leasedUntil) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).update(MoneyTransactions.TABLE)
                .set(MoneyTransactions.NEXT_ATTEMPT_AT, leasedUntil)
                .where(MoneyTransactions.TRX_ID.eq(trxId)
                        .and(MoneyTransactions.NEXT_ATTEMPT_AT.eq(seenNextAttemptAt))
                        .and(MoneyTransactions.STATE.in(OPEN)))
                .execute()) == 1;
    }

    /**
     * {@inheritDoc} A transaction that reached a final state meanwhile is left alone (it keeps no
     * {@code nextAttemptAt}).
     */
    @Override
    public void scheduleRetry(String trxId, int attempts, Instant nextAttemptAt) {
        int rows = dsl.transactionResult(cfg -> DSL.using(cfg).update(MoneyTransactions.TABLE)
                .set(MoneyTransactions.ATTEMPTS, attempts)
                .set(MoneyTransactions.NEXT_ATTEMPT_AT, nextAttemptAt.toEpochMilli())
                .where(MoneyTransactions.TRX_ID.eq(trxId).and(MoneyTransactions.STATE.notIn(FINAL)))
                .execute());
        if (rows == 0) {
            LOG.debug("transaction {}: no retry scheduled, it is unknown or final", trxId);
        }
    }

    private MoneyTransaction toTransaction(Record r) {
        String id = r.get(MoneyTransactions.TRX_ID);
        Long next = r.get(MoneyTransactions.NEXT_ATTEMPT_AT);
        return new MoneyTransaction(
                id,
                r.get(MoneyTransactions.INS_ID),
                r.get(MoneyTransactions.MSG_ID),
                MessageType.valueOf(r.get(MoneyTransactions.MSG_TYPE)),
                r.get(MoneyTransactions.MSG_VERSION),
                r.get(MoneyTransactions.MSG_TIME_STAMP),
                r.get(MoneyTransactions.ISSUER_IIN),
                r.get(MoneyTransactions.CARD_ID),
                r.get(MoneyTransactions.TOKEN),
                r.get(MoneyTransactions.DEVICE_ID),
                CbsOperation.valueOf(r.get(MoneyTransactions.OPERATION)),
                r.get(MoneyTransactions.AMOUNT_MINOR),
                r.get(MoneyTransactions.CURRENCY),
                sealed.open(r.get(MoneyTransactions.CBS_REQUEST_ENC), Aad.moneyCbsRequest(id)),
                sealed.open(r.get(MoneyTransactions.APPROVED_REPLY_ENC), Aad.moneyApprovedReply(id)),
                TrxState.valueOf(r.get(MoneyTransactions.STATE)),
                r.get(MoneyTransactions.RESPONSE_CODE),
                r.get(MoneyTransactions.NOTIFY_ON_FINAL),
                r.get(MoneyTransactions.ATTEMPTS),
                next == null ? null : Instant.ofEpochMilli(next),
                Instant.ofEpochMilli(r.get(MoneyTransactions.CREATED_AT)),
                Instant.ofEpochMilli(r.get(MoneyTransactions.UPDATED_AT)));
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    @Override
    public String toString() {
        return "JdbcTransactionStore";
    }
}
