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
import static org.openscis.server.outbox.OutboxTable.PAYLOAD_ENC;
import static org.openscis.server.outbox.OutboxTable.PENDING_SINCE;
import static org.openscis.server.outbox.OutboxTable.RECIPIENT;
import static org.openscis.server.outbox.OutboxTable.RESPONSE_CODE;
import static org.openscis.server.outbox.OutboxTable.STATE;
import static org.openscis.server.outbox.OutboxTable.TABLE;
import static org.openscis.server.outbox.OutboxTable.qualified;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;
import org.openscis.router.port.Notification;
import org.openscis.router.port.Outbox;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.StoredDataException;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.OutboxWriter;
import org.openscis.server.storage.SequenceAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code outbox} table (V5): stores callbacks in the caller's transaction ({@link OutboxWriter}) or in its own
 * ({@link Outbox}), and serves the dispatcher: claiming due rows under a lease and recording each attempt's outcome.
 *
 * <p>msgIDs are {@code U} + recipient insID + {@code yyyyMMddHHmmss} (UTC, the insert time) + the last six digits of
 * the {@value #MSG_ID_SEQUENCE} sequence (decisions.md §9), which is shared by every node through the database.
 * The trxInfo is stored as {@link DataCipher} ciphertext bound to the msgID.
 *
 * <p>Ordering: of the PENDING rows of one (recipient, order key), only the one with the smallest id is eligible, so
 * callbacks about one token go out one at a time in the order they were stored; PARKED rows block nothing.
 * Claiming is one conditional {@code UPDATE} per row ({@code lease_until} must have passed), so each row is held by
 * at most one node; outcomes are recorded only under the caller's own lease, except delivery, which always counts.
 */
public final class JdbcOutbox implements OutboxWriter, Outbox {

    /** The {@link SequenceAllocator} counter behind callback msgIDs. */
    public static final String MSG_ID_SEQUENCE = "callback-msgid";
    /** The sequence part of a msgID: the counter modulo this, zero-padded to six digits. */
    static final long MSG_ID_SEQUENCE_MODULUS = 1_000_000L;
    /**
     * Tries to find a msgID not yet used. A repeat needs the counter to advance by a million within one second of one
     * recipient's msgIDs, so the second try practically never happens.
     */
    private static final int MAX_MSG_ID_TRIES = 5;
    /** An insID: 1 to 16 letters or digits (protocol.md §2.2), so the msgID stays AN 17-49. */
    private static final Pattern INS_ID = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

    private final DSLContext dsl;
    private final DataCipher cipher;
    private final SequenceAllocator sequences;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final JdbcOutboxAdmin admin;
    private volatile Runnable onStored = () -> { };

    public JdbcOutbox(Database db, DataCipher cipher, SequenceAllocator sequences) {
        this.dsl = db.dsl();
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.sequences = Objects.requireNonNull(sequences, "sequences");
        this.admin = new JdbcOutboxAdmin(db);
    }

    /**
     * Runs {@code listener} after {@link #enqueue} / {@link #store} committed, typically {@link
     * CallbackDispatcher#wakeUp()} so that the callback goes out without waiting for the next poll. Rows written by
     * {@link #insert} commit with the caller's transaction, after this class returns; the next poll finds them.
     */
    public void onStored(Runnable listener) {
        this.onStored = Objects.requireNonNull(listener, "listener");
    }

    /** {@inheritDoc} Each row is due at once ({@code now}). */
    @Override
    public void insert(DSLContext tx, List<Notification> notifications, Instant now) {
        insertReturningMsgIds(tx, notifications, now);
    }

    /** {@link #insert}, returning the msgIDs assigned, in the order of {@code notifications}. */
    public List<String> insertReturningMsgIds(DSLContext tx, List<Notification> notifications, Instant now) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(now, "now");
        List<String> msgIds = new ArrayList<>(notifications.size());
        for (Notification n : notifications) {
            msgIds.add(insertOne(tx, n, now));
        }
        return msgIds;
    }

    /** {@inheritDoc} In a transaction of its own. */
    @Override
    public void enqueue(Notification notification, Instant now) {
        store(notification, now);
    }

    /** {@link #enqueue}, returning the msgID assigned. */
    public String store(Notification notification, Instant now) {
        String msgId = dsl.transactionResult(cfg -> insertOne(DSL.using(cfg), notification, now));
        onStored.run();
        return msgId;
    }

    private String insertOne(DSLContext tx, Notification n, Instant now) {
        check(n);
        String msgId = newMsgId(tx, n.recipientInsId(), now);
        byte[] sealed = cipher.encrypt(codec.encodeObject(n.trxInfo()), aad(msgId));
        long at = now.toEpochMilli();
        tx.insertInto(TABLE)
                .set(MSG_ID, msgId)
                .set(RECIPIENT, n.recipientInsId())
                .set(MSG_TYPE, n.type().name())
                .set(ORDER_KEY, n.orderKey())
                .set(PAYLOAD_ENC, sealed)
                .set(STATE, OutboxState.PENDING.name())
                .set(ATTEMPTS, 0)
                .set(NEXT_ATTEMPT_AT, at)
                .set(LEASE_UNTIL, NOT_LEASED)
                .set(CREATED_AT, at)
                .set(PENDING_SINCE, at)
                .execute();
        return msgId;
    }

    private static void check(Notification n) {
        if (!INS_ID.matcher(n.recipientInsId()).matches()) {
            throw new IllegalArgumentException("recipient insID must be 1 to 16 letters or digits");
        }
        if (n.type().direction() != MessageType.Direction.TO_APP_GATEWAY) {
            throw new IllegalArgumentException(n.type() + " is not a callback type");
        }
        if (n.orderKey().isEmpty() || n.orderKey().length() > OutboxTable.KEY_CHARS) {
            throw new IllegalArgumentException("order key must be 1 to " + OutboxTable.KEY_CHARS + " characters");
        }
    }

    private String newMsgId(DSLContext tx, String insId, Instant now) {
        String prefix = "U" + insId + CallbackEnvelope.WIRE_TIME.format(now);
        for (int i = 0; i < MAX_MSG_ID_TRIES; i++) {
            String msgId = prefix + String.format("%06d", sequences.next(MSG_ID_SEQUENCE) % MSG_ID_SEQUENCE_MODULUS);
            if (!tx.fetchExists(TABLE, MSG_ID.eq(msgId))) {
                return msgId;
            }
        }
        throw new IllegalStateException("no unused callback msgID after " + MAX_MSG_ID_TRIES + " tries");
    }

    /**
     * Leases up to {@code max} due rows to the caller until {@code now + lease}: PENDING, next attempt at or before
     * {@code now}, not leased (or the lease has run out), and the oldest PENDING row of their recipient and order
     * key. Oldest due first. Rows another node claims at the same moment are skipped.
     */
    public List<ClaimedCallback> claimDue(Instant now, Duration lease, int max) {
        if (max < 1) {
            return List.of();
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        long nowMs = now.toEpochMilli();
        long until = now.plus(lease).toEpochMilli();
        Table<Record> o = OutboxTable.as("o");
        Field<Long> oId = qualified("o", ID);
        Field<String> oMsgId = qualified("o", MSG_ID);
        Field<String> oRecipient = qualified("o", RECIPIENT);
        Field<String> oType = qualified("o", MSG_TYPE);
        Field<String> oKey = qualified("o", ORDER_KEY);
        Field<Integer> oAttempts = qualified("o", ATTEMPTS);
        Field<Long> oCreated = qualified("o", CREATED_AT);
        Field<Long> oPendingSince = qualified("o", PENDING_SINCE);
        Field<byte[]> oPayload = qualified("o", PAYLOAD_ENC);
        Field<Long> oNext = qualified("o", NEXT_ATTEMPT_AT);
        List<? extends Record> candidates = dsl
                .select(oId, oMsgId, oRecipient, oType, oKey, oAttempts, oCreated, oPendingSince, oPayload)
                .from(o)
                .where(qualified("o", STATE).eq(OutboxState.PENDING.name())
                        .and(oNext.le(nowMs))
                        .and(qualified("o", LEASE_UNTIL).le(nowMs))
                        .andNotExists(olderPending(oRecipient, oKey, oId)))
                .orderBy(oNext, oId)
                .limit(max)
                .fetch();
        List<ClaimedCallback> claimed = new ArrayList<>(candidates.size());
        for (Record r : candidates) {
            long id = r.get(oId);
            String recipient = r.get(oRecipient);
            String key = r.get(oKey);
            int rows = dsl.update(TABLE)
                    .set(LEASE_UNTIL, until)
                    .where(ID.eq(id)
                            .and(STATE.eq(OutboxState.PENDING.name()))
                            .and(NEXT_ATTEMPT_AT.le(nowMs))
                            .and(LEASE_UNTIL.le(nowMs))
                            .andNotExists(olderPending(DSL.val(recipient), DSL.val(key), DSL.val(id))))
                    .execute();
            if (rows == 1) {
                String msgId = r.get(oMsgId);
                claimed.add(new ClaimedCallback(id, msgId, recipient, r.get(oType), key, r.get(oAttempts),
                        Instant.ofEpochMilli(r.get(oCreated)), Instant.ofEpochMilli(r.get(oPendingSince)),
                        Instant.ofEpochMilli(until), open(msgId, r.get(oPayload))));
            }
        }
        return claimed;
    }

    /** A PENDING row of the same recipient and order key with a smaller id. */
    private static Select<?> olderPending(Field<String> recipient, Field<String> key, Field<Long> id) {
        return DSL.selectOne().from(OutboxTable.as("p"))
                .where(qualified("p", RECIPIENT).eq(recipient)
                        .and(qualified("p", ORDER_KEY).eq(key))
                        .and(qualified("p", STATE).eq(OutboxState.PENDING.name()))
                        .and(qualified("p", ID).lt(id)));
    }

    private TrxInfo open(String msgId, byte[] sealed) {
        try {
            TrxInfo trxInfo = codec.decodeObject(cipher.decrypt(sealed, aad(msgId)));
            if (trxInfo == null) {
                LOG.warn("Callback {}: stored payload is not a JSON object", msgId);
            }
            return trxInfo;
        } catch (StoredDataException e) {
            LOG.warn("Callback {}: stored payload cannot be read: {}", msgId, e.getMessage());
            return null;
        }
    }

    /**
     * Records delivery (final): the recipient answered {@code responseCode} (00). Counts even if the lease has run out
     * meanwhile; false only if the row is no longer PENDING (delivered by another node, or parked).
     */
    public boolean markDelivered(ClaimedCallback callback, String responseCode, Instant now) {
        return dsl.update(TABLE)
                .set(STATE, OutboxState.DELIVERED.name())
                .set(DELIVERED_AT, now.toEpochMilli())
                .set(RESPONSE_CODE, responseCode)
                .set(LAST_ERROR, (String) null)
                .set(LEASE_UNTIL, NOT_LEASED)
                .set(ATTEMPTS, ATTEMPTS.plus(1))
                .where(ID.eq(callback.id()).and(STATE.eq(OutboxState.PENDING.name())))
                .execute() == 1;
    }

    /**
     * Records a failed attempt and when to try again. {@code responseCode} is what the recipient answered (null if it
     * did not; the last code seen is then kept). False if the caller no longer holds the lease.
     */
    public boolean reschedule(ClaimedCallback callback, Instant nextAttemptAt, String responseCode, String error) {
        return failed(callback, responseCode, error)
                .set(NEXT_ATTEMPT_AT, nextAttemptAt.toEpochMilli())
                .where(heldBy(callback))
                .execute() == 1;
    }

    /** Records a failed attempt and gives up: the row becomes PARKED. False if the caller no longer holds the lease. */
    public boolean park(ClaimedCallback callback, String responseCode, String error) {
        return failed(callback, responseCode, error)
                .set(STATE, OutboxState.PARKED.name())
                .where(heldBy(callback))
                .execute() == 1;
    }

    private UpdateSetMoreStep<Record> failed(ClaimedCallback callback, String responseCode, String error) {
        UpdateSetMoreStep<Record> update = dsl.update(TABLE)
                .set(ATTEMPTS, callback.attempts() + 1)
                .set(LEASE_UNTIL, NOT_LEASED)
                .set(LAST_ERROR, sanitize(error));
        return responseCode == null ? update : update.set(RESPONSE_CODE, responseCode);
    }

    private static Condition heldBy(ClaimedCallback callback) {
        return ID.eq(callback.id())
                .and(STATE.eq(OutboxState.PENDING.name()))
                .and(LEASE_UNTIL.eq(callback.leaseUntil().toEpochMilli()));
    }

    /** Error texts come from transports and peers: any long digit run is masked, and the column is bounded. */
    static String sanitize(String error) {
        if (error == null) {
            return null;
        }
        String masked = Masking.digits(error);
        return masked.length() <= OutboxTable.LAST_ERROR_CHARS ? masked
                : masked.substring(0, OutboxTable.LAST_ERROR_CHARS);
    }

    /** Deletes DELIVERED rows delivered before {@code cutoff}; returns how many. */
    public int purgeDeliveredBefore(Instant cutoff) {
        return dsl.deleteFrom(TABLE)
                .where(STATE.eq(OutboxState.DELIVERED.name()).and(DELIVERED_AT.lt(cutoff.toEpochMilli())))
                .execute();
    }

    /** PENDING and PARKED rows (one grouped count over the state index). */
    public OutboxCounts counts() {
        return admin.counts();
    }

    /** Associated data binding a payload to its row: moved to another row, it no longer decrypts. */
    static String aad(String msgId) {
        return "outbox.payload_enc:" + msgId;
    }

    @Override
    public String toString() {
        return "JdbcOutbox";
    }
}
