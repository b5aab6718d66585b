package org.openscis.server.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.InsertResult;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.storage.Tables.Cards;
import org.openscis.server.storage.Tables.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CardRepository} on the {@code cards} and {@code tokens} tables. PAN, expiry and account number are stored
 * only as {@link DataCipher} ciphertext bound to the card id and column, and found through {@link KeyedHash}
 * lookups. Times are kept to the millisecond. Tokens are stored in clear: they are the public face of a card.
 *
 * <p>The liveness rules of {@link CardRepository} are unique constraints over {@code tokens.live_device_id} and
 * {@code cards.live_account_hash} (V2 migration), which this class sets on insert and clears when a row becomes
 * DELETED.
 */
public final class JdbcCardRepository implements CardRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCardRepository.class);

    private final DSLContext dsl;
    private final DataCipher cipher;
    private final KeyedHash keyedHash;

    public JdbcCardRepository(Database db, DataCipher cipher, KeyedHash keyedHash) {
        this.dsl = db.dsl();
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.keyedHash = Objects.requireNonNull(keyedHash, "keyedHash");
    }

    @Override
    public Optional<CardRecord> findCardByPan(String pan) {
        String hash = keyedHash.pan(pan);
        return oneCard(Cards.PAN_HASH.eq(hash));
    }

    @Override
    public Optional<CardRecord> findCardById(String cardId) {
        return oneCard(Cards.CARD_ID.eq(cardId));
    }

    private Optional<CardRecord> oneCard(Condition condition) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(Cards.ALL).from(Cards.TABLE)
                .where(condition)
                .fetchOptional()
                .map(this::toCard));
    }

    @Override
    public List<CardRecord> findCardsByAccount(String issuerIin, String accountNo) {
        String hash = keyedHash.account(issuerIin, accountNo);
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(Cards.ALL).from(Cards.TABLE)
                .where(Cards.ACCOUNT_HASH.eq(hash).and(Cards.ISSUER_IIN.eq(issuerIin)))
                .orderBy(Cards.CREATED_AT, Cards.CARD_ID)
                .fetch(this::toCard));
    }

    @Override
    public Optional<TokenRecord> findToken(String token) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(Tokens.ALL).from(Tokens.TABLE)
                .where(Tokens.TOKEN.eq(token))
                .fetchOptional()
                .map(JdbcCardRepository::toToken));
    }

    @Override
    public List<TokenRecord> findTokensByCard(String cardId) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(Tokens.ALL).from(Tokens.TABLE)
                .where(Tokens.CARD_ID.eq(cardId))
                .orderBy(Tokens.CREATED_AT, Tokens.TOKEN)
                .fetch(JdbcCardRepository::toToken));
    }

    /**
     * {@inheritDoc} Both rules are unique constraints, so the verdict is the database's; which rule a unique
     * violation broke is found by reading the liveness rule afterwards (in a new transaction, as PostgreSQL aborts
     * the failed one) rather than by parsing driver messages.
     */
    @Override
    public InsertResult insertCardWithToken(CardRecord card, TokenRecord token) {
        if (!card.cardId().equals(token.cardId())) {
            throw new IllegalArgumentException("token must belong to card " + card.cardId());
        }
        try {
            dsl.transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                insertCard(tx, card);
                insertToken(tx, token);
            });
            return InsertResult.INSERTED;
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return liveCardExists(card) ? InsertResult.ALREADY_LIVE : InsertResult.NUMBER_TAKEN;
            }
            throw e;
        }
    }

    /** {@inheritDoc} The card must exist (a foreign key violation is an error, not a result). */
    @Override
    public InsertResult insertToken(TokenRecord token) {
        try {
            dsl.transaction(cfg -> insertToken(DSL.using(cfg), token));
            return InsertResult.INSERTED;
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return liveTokenExists(token) ? InsertResult.ALREADY_LIVE : InsertResult.NUMBER_TAKEN;
            }
            throw e;
        }
    }

    /** Whether a live card holds the (issuer, account, product) slot {@code card} wanted. */
    private boolean liveCardExists(CardRecord card) {
        String slot = liveAccountHash(card);
        return slot != null && dsl.transactionResult(cfg -> DSL.using(cfg).fetchExists(Cards.TABLE,
                Cards.LIVE_ACCOUNT_HASH.eq(slot).and(Cards.ISSUER_IIN.eq(card.issuerIin()))
                        .and(Cards.PRODUCT_ID.eq(card.productId()))));
    }

    /** Whether a live token holds the (card, device) slot {@code token} wanted. */
    private boolean liveTokenExists(TokenRecord token) {
        String slot = liveDeviceId(token);
        return slot != null && dsl.transactionResult(cfg -> DSL.using(cfg).fetchExists(Tokens.TABLE,
                Tokens.CARD_ID.eq(token.cardId()).and(Tokens.LIVE_DEVICE_ID.eq(slot))));
    }

    /**
     * {@inheritDoc} Sets state, token expiry and update time from {@code updated}; the other fields are fixed. Moving
     * to DELETED frees the token's (card, device) slot.
     *
     * @throws IllegalArgumentException if {@code updated} is another token, or would revive a DELETED token
     */
    @Override
    public boolean updateTokenState(String token, CardState expected, TokenRecord updated) {
        if (!token.equals(updated.token())) {
            throw new IllegalArgumentException("updated record is for another token");
        }
        if (expected == CardState.DELETED && updated.state() != CardState.DELETED) {
            throw new IllegalArgumentException("a DELETED token cannot be revived");
        }
        int rows = dsl.transactionResult(cfg -> {
            var update = DSL.using(cfg).update(Tokens.TABLE)
                    .set(Tokens.STATE, updated.state().name())
                    .set(Tokens.TOKEN_EXPIRY, updated.tokenExpiry())
                    .set(Tokens.UPDATED_AT, updated.updatedAt().toEpochMilli());
            if (updated.state() == CardState.DELETED) {
                update = update.setNull(Tokens.LIVE_DEVICE_ID);
            }
            return update.where(Tokens.TOKEN.eq(token).and(Tokens.STATE.eq(expected.name()))).execute();
        });
        return rows == 1;
    }

    /**
     * {@inheritDoc} Moving to DELETED frees the card's (issuer, account, product) slot. An unknown card id, or a
     * DELETED card asked to become live again, changes nothing (and is logged).
     */
    @Override
    public void updateCardState(String cardId, CardState state, StateReason reason) {
        int rows = dsl.transactionResult(cfg -> {
            var update = DSL.using(cfg).update(Cards.TABLE)
                    .set(Cards.STATE, state.name())
                    .set(Cards.REASON, reason == null ? null : reason.name());
            if (state == CardState.DELETED) {
                return update.setNull(Cards.LIVE_ACCOUNT_HASH).where(Cards.CARD_ID.eq(cardId)).execute();
            }
            return update.where(Cards.CARD_ID.eq(cardId).and(Cards.STATE.ne(CardState.DELETED.name()))).execute();
        });
        if (rows == 0) {
            LOG.warn("Card state change to {} for unknown or DELETED card {}", state, cardId);
        }
    }

    private void insertCard(DSLContext tx, CardRecord card) {
        String id = card.cardId();
        String accountHash = card.accountNo() == null ? null : keyedHash.account(card.issuerIin(), card.accountNo());
        tx.insertInto(Cards.TABLE)
                .set(Cards.CARD_ID, id)
                .set(Cards.PAN_HASH, keyedHash.pan(card.pan()))
                .set(Cards.PAN_ENC, cipher.encryptString(card.pan(), Aad.cardPan(id)))
                .set(Cards.EXPIRY_ENC, cipher.encryptString(card.expiry(), Aad.cardExpiry(id)))
                .set(Cards.ISSUER_IIN, card.issuerIin())
                .set(Cards.PRODUCT_ID, card.productId())
                .set(Cards.ACCOUNT_HASH, accountHash)
                .set(Cards.LIVE_ACCOUNT_HASH, card.state() == CardState.DELETED ? null : accountHash)
                .set(Cards.ACCOUNT_ENC, card.accountNo() == null ? null
                        : cipher.encryptString(card.accountNo(), Aad.cardAccount(id)))
                .set(Cards.CARD_TYPE, card.cardType())
                .set(Cards.CARD_FACE_ID, card.cardFaceId())
                .set(Cards.STATE, card.state().name())
                .set(Cards.REASON, card.reason() == null ? null : card.reason().name())
                .set(Cards.CREATED_AT, card.createdAt().toEpochMilli())
                .set(Cards.EXPIRES_AT, CardExpiryColumn.expiresAt(card.expiry()))
                .execute();
    }

    private static void insertToken(DSLContext tx, TokenRecord t) {
        tx.insertInto(Tokens.TABLE)
                .set(Tokens.TOKEN, t.token())
                .set(Tokens.CARD_ID, t.cardId())
                .set(Tokens.INS_ID, t.insId())
                .set(Tokens.DEVICE_ID, t.deviceId())
                .set(Tokens.USER_ID, t.userId())
                .set(Tokens.TOKEN_EXPIRY, t.tokenExpiry())
                .set(Tokens.STATE, t.state().name())
                .set(Tokens.CREATED_AT, t.createdAt().toEpochMilli())
                .set(Tokens.UPDATED_AT, t.updatedAt().toEpochMilli())
                .set(Tokens.LIVE_DEVICE_ID, liveDeviceId(t))
                .execute();
    }

    /** The value of {@code live_account_hash} for {@code card}: its account hash while it is live, else null. */
    private String liveAccountHash(CardRecord card) {
        return card.accountNo() == null || card.state() == CardState.DELETED ? null
                : keyedHash.account(card.issuerIin(), card.accountNo());
    }

    /** The value of {@code live_device_id} for {@code t}: its device while it is live, else null. */
    private static String liveDeviceId(TokenRecord t) {
        return t.state() == CardState.DELETED ? null : t.deviceId();
    }

    private CardRecord toCard(Record r) {
        String id = r.get(Cards.CARD_ID);
        byte[] account = r.get(Cards.ACCOUNT_ENC);
        String reason = r.get(Cards.REASON);
        return new CardRecord(
                id,
                cipher.decryptString(r.get(Cards.PAN_ENC), Aad.cardPan(id)),
                cipher.decryptString(r.get(Cards.EXPIRY_ENC), Aad.cardExpiry(id)),
                r.get(Cards.ISSUER_IIN),
                r.get(Cards.PRODUCT_ID),
                account == null ? null : cipher.decryptString(account, Aad.cardAccount(id)),
                r.get(Cards.CARD_TYPE),
                r.get(Cards.CARD_FACE_ID),
                CardState.valueOf(r.get(Cards.STATE)),
                reason == null ? null : StateReason.valueOf(reason),
                Instant.ofEpochMilli(r.get(Cards.CREATED_AT)));
    }

    private static TokenRecord toToken(Record r) {
        return new TokenRecord(
                r.get(Tokens.TOKEN),
                r.get(Tokens.CARD_ID),
                r.get(Tokens.INS_ID),
                r.get(Tokens.DEVICE_ID),
                r.get(Tokens.USER_ID),
                r.get(Tokens.TOKEN_EXPIRY),
                CardState.valueOf(r.get(Tokens.STATE)),
                Instant.ofEpochMilli(r.get(Tokens.CREATED_AT)),
                Instant.ofEpochMilli(r.get(Tokens.UPDATED_AT)));
    }

    @Override
    public String toString() {
        return "JdbcCardRepository";
    }
}
