package org.openscis.server.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;
import org.openscis.router.port.CardState;
import org.openscis.router.port.Notification;
import org.openscis.router.port.StateReason;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.StoredDataException;
import org.openscis.server.storage.CardStateChange.Notified;
import org.openscis.server.storage.CardStateChange.Outcome;
import org.openscis.server.storage.Tables.Cards;
import org.openscis.server.storage.Tables.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State changes made by the issuer or by the system (decisions.md §6), each with the CARD_STATUS_NOTIFICATIONs it
 * causes stored through the {@link OutboxWriter} in the same database transaction (§8): the change and its callbacks
 * commit together or not at all.
 *
 * <p>A notification goes to every live token whose <em>reported</em> state ({@link CardState#reported}, what
 * CARD_STATUS_INQUIRY answers) the change alters: {@code trxInfo} {@code {token, tokenState}} (protocol.md §3.8), to
 * the token's insID, ordered by the token. Tokens whose reported state stays the same (a token the wallet suspended,
 * when the issuer suspends its card) and DELETED tokens get none.
 *
 * <p>DELETED is terminal: a DELETED card or token never changes again, and deleting a card deletes its live tokens.
 * An expired card cannot be made ACTIVE.
 *
 * <p>Concurrency: each change locks the card row first ({@code SELECT ... FOR UPDATE}), then the tokens it reads, so
 * that two changes of one card (from several nodes, or the CLI beside a node on PostgreSQL) run one after the other
 * and each computes its notifications from the state the previous one committed. The wallet's own token changes
 * (a compare-and-set on one token row) wait for, or are re-decided after, a concurrent change here.
 */
public final class JdbcCardStates {

    /** Most card ids {@link #expiryCandidates} returns at once. */
    public static final int MAX_CANDIDATES = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCardStates.class);

    private final DSLContext dsl;
    private final DataCipher cipher;
    private final OutboxWriter outbox;

    public JdbcCardStates(Database db, DataCipher cipher, OutboxWriter outbox) {
        this.dsl = db.dsl();
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * The issuer sets a card's state and reason. {@link Outcome#TERMINAL} for a DELETED card (deleting it again is
     * {@link Outcome#UNCHANGED}), {@link Outcome#CARD_EXPIRED} for ACTIVE on a card past its expiry.
     *
     * @param reason why the card is not usable (selects the response code); null means {@link StateReason#NONE}
     * @throws IllegalArgumentException for ACTIVE with a reason other than NONE (an ACTIVE card is usable)
     */
    public CardStateChange changeCard(String cardId, CardState target, StateReason reason, Instant now) {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(now, "now");
        StateReason why = reason == null ? StateReason.NONE : reason;
        if (target == CardState.ACTIVE && why != StateReason.NONE) {
            throw new IllegalArgumentException("an ACTIVE card has no reason, not " + why);
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            LockedCard card = lockCard(tx, cardId, now);
            if (card == null) {
                return CardStateChange.notFound();
            }
            if (card.state == CardState.DELETED) {
                return CardStateChange.of(target == CardState.DELETED ? Outcome.UNCHANGED : Outcome.TERMINAL,
                        card.state);
            }
            if (target == CardState.ACTIVE && CardExpiryColumn.passed(card.expiresAt, now)) {
                return CardStateChange.of(Outcome.CARD_EXPIRED, card.state);
            }
            if (card.state == target && card.reason == why) {
                return CardStateChange.of(Outcome.UNCHANGED, card.state);
            }
            return apply(tx, card, target, why, now);
        });
    }

    /**
     * The issuer sets the state of one token, not of its card (the phone was lost, the card was not).
     * {@link Outcome#TERMINAL} for a DELETED token (deleting it again is {@link Outcome#UNCHANGED}). A token made
     * ACTIVE on a card that is not reports the card's state, so the wallet is told nothing until the card is ACTIVE.
     */
    public CardStateChange changeToken(String token, CardState target, Instant now) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(now, "now");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            String cardId = tx.select(Tokens.CARD_ID).from(Tokens.TABLE).where(Tokens.TOKEN.eq(token))
                    .fetchOne(Tokens.CARD_ID);
            // the card first, as every change here locks them, so that two changes can never wait for each other
            LockedCard card = cardId == null ? null : lockCard(tx, cardId, now);
            Record row = card == null ? null : tx.select(Tokens.ALL).from(Tokens.TABLE)
                    .where(Tokens.TOKEN.eq(token)).forUpdate().fetchOne();
            if (row == null) {
                return CardStateChange.notFound();
            }
            CardState current = CardState.valueOf(row.get(Tokens.STATE));
            if (current == CardState.DELETED) {
                return CardStateChange.of(target == CardState.DELETED ? Outcome.UNCHANGED : Outcome.TERMINAL,
                        current);
            }
            if (current == target) {
                return CardStateChange.of(Outcome.UNCHANGED, current);
            }
            setTokenState(tx, token, target, now);
            List<Notified> notified = new ArrayList<>(1);
            CardState before = CardState.reported(current, card.state);
            CardState after = CardState.reported(target, card.state);
            if (before != after) {
                notified.add(new Notified(token, row.get(Tokens.INS_ID), after));
            }
            store(tx, notified, now);
            LOG.info("token {} {} -> {} by the issuer; {} notification(s)", Masking.pan(token), current, target,
                    notified.size());
            return new CardStateChange(Outcome.CHANGED, current, target, notified);
        });
    }

    /**
     * The system marks an ACTIVE card past its expiry SUSPENDED with reason EXPIRED (so it answers 54), once:
     * {@link Outcome#NOT_DUE} if it has not expired, {@link Outcome#UNCHANGED} if it is not ACTIVE (any more; another
     * node may have just expired it). A card stored before the expiry column existed gets it filled here.
     */
    public CardStateChange expire(String cardId, Instant now) {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(now, "now");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            LockedCard card = lockCard(tx, cardId, now);
            if (card == null) {
                return CardStateChange.notFound();
            }
            if (card.state != CardState.ACTIVE) {
                return CardStateChange.of(Outcome.UNCHANGED, card.state);
            }
            if (!CardExpiryColumn.passed(card.expiresAt, now)) {
                return CardStateChange.of(Outcome.NOT_DUE, card.state);
            }
            return apply(tx, card, CardState.SUSPENDED, StateReason.EXPIRED, now);
        });
    }

    /**
     * Ids of ACTIVE cards that {@link #expire} may act on: past their expiry at {@code now}, or stored before the
     * expiry column existed (not filled yet). At most {@code max} ({@value #MAX_CANDIDATES}), in id order.
     */
    public List<String> expiryCandidates(Instant now, int max) {
        if (max < 1 || max > MAX_CANDIDATES) {
            throw new IllegalArgumentException("max must be 1 to " + MAX_CANDIDATES + ": " + max);
        }
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(Cards.CARD_ID).from(Cards.TABLE)
                .where(Cards.STATE.eq(CardState.ACTIVE.name())
                        .and(Cards.EXPIRES_AT.le(now.toEpochMilli()).or(Cards.EXPIRES_AT.isNull())))
                .orderBy(Cards.CARD_ID)
                .limit(max)
                .fetch(Cards.CARD_ID));
    }

    /** The card row, locked until the transaction ends, with its expiry column filled if it was not; null if none. */
    private LockedCard lockCard(DSLContext tx, String cardId, Instant now) {
        Record r = tx.select(Cards.STATE, Cards.REASON, Cards.EXPIRY_ENC, Cards.EXPIRES_AT).from(Cards.TABLE)
                .where(Cards.CARD_ID.eq(cardId))
                .forUpdate()
                .fetchOne();
        if (r == null) {
            return null;
        }
        Long expiresAt = r.get(Cards.EXPIRES_AT);
        if (expiresAt == null) {
            expiresAt = expiresAtOf(cardId, r.get(Cards.EXPIRY_ENC));
            tx.update(Cards.TABLE).set(Cards.EXPIRES_AT, expiresAt).where(Cards.CARD_ID.eq(cardId)).execute();
        }
        String reason = r.get(Cards.REASON);
        return new LockedCard(cardId, CardState.valueOf(r.get(Cards.STATE)),
                reason == null ? StateReason.NONE : StateReason.valueOf(reason), expiresAt);
    }

    private long expiresAtOf(String cardId, byte[] expiryEnc) {
        try {
            return CardExpiryColumn.expiresAt(cipher.decryptString(expiryEnc, Aad.cardExpiry(cardId)));
        } catch (StoredDataException e) {
            // refusing such a card is safer than approving on data that cannot be verified
            LOG.warn("card {}: stored expiry cannot be read ({}); the card counts as expired", cardId,
                    e.getMessage());
            return CardExpiryColumn.UNREADABLE;
        }
    }

    /** Sets the card's state and reason, deletes its live tokens if it is deleted, and stores the notifications. */
    private CardStateChange apply(DSLContext tx, LockedCard card, CardState target, StateReason reason, Instant now) {
        var update = tx.update(Cards.TABLE)
                .set(Cards.STATE, target.name())
                .set(Cards.REASON, reason.name());
        if (target == CardState.DELETED) {
            update = update.setNull(Cards.LIVE_ACCOUNT_HASH);
        }
        update.where(Cards.CARD_ID.eq(card.cardId)).execute();
        List<? extends Record> tokens = tx.select(Tokens.TOKEN, Tokens.INS_ID, Tokens.STATE).from(Tokens.TABLE)
                .where(Tokens.CARD_ID.eq(card.cardId).and(Tokens.STATE.ne(CardState.DELETED.name())))
                .orderBy(Tokens.CREATED_AT, Tokens.TOKEN)
                .forUpdate()
                .fetch();
        List<Notified> notified = new ArrayList<>(tokens.size());
        for (Record t : tokens) {
            String token = t.get(Tokens.TOKEN);
            CardState tokenState = CardState.valueOf(t.get(Tokens.STATE));
            CardState tokenAfter = target == CardState.DELETED ? CardState.DELETED : tokenState;
            if (tokenAfter != tokenState) {
                setTokenState(tx, token, tokenAfter, now);
            }
            CardState before = CardState.reported(tokenState, card.state);
            CardState after = CardState.reported(tokenAfter, target);
            if (before != after) {
                notified.add(new Notified(token, t.get(Tokens.INS_ID), after));
            }
        }
        store(tx, notified, now);
        LOG.info("card {} {}/{} -> {}/{}; {} token notification(s)", card.cardId, card.state, card.reason, target,
                reason, notified.size());
        return new CardStateChange(Outcome.CHANGED, card.state, target, notified);
    }

    /** A token's new state; DELETED frees its (card, device) slot, as {@link JdbcCardRepository} does. */
    private static void setTokenState(DSLContext tx, String token, CardState state, Instant now) {
        var update = tx.update(Tokens.TABLE)
                .set(Tokens.STATE, state.name())
                .set(Tokens.UPDATED_AT, now.toEpochMilli());
        if (state == CardState.DELETED) {
            update = update.setNull(Tokens.LIVE_DEVICE_ID);
        }
        update.where(Tokens.TOKEN.eq(token)).execute();
    }

    private void store(DSLContext tx, List<Notified> notified, Instant now) {
        if (notified.isEmpty()) {
            return;
        }
        List<Notification> callbacks = new ArrayList<>(notified.size());
        for (Notified n : notified) {
            callbacks.add(notification(n));
        }
        outbox.insert(tx, callbacks, now);
    }

    /** CARD_STATUS_NOTIFICATION (protocol.md §3.8, §7.6) to the token's App Gateway, in order per token. */
    static Notification notification(Notified n) {
        return new Notification(n.insId(), MessageType.CARD_STATUS_NOTIFICATION, n.token(), TrxInfo.builder()
                .put("token", n.token())
                .put("tokenState", n.tokenState().name())
                .build());
    }

    /** The card row as locked: its id, state, reason (NONE if none) and {@code expires_at}. */
    private record LockedCard(String cardId, CardState state, StateReason reason, long expiresAt) {}

    @Override
    public String toString() {
        return "JdbcCardStates";
    }
}
