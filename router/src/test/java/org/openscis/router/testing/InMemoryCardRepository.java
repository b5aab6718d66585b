package org.openscis.router.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.InsertResult;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;

/**
 * Cards and tokens in maps, with the uniqueness, liveness and compare-and-set semantics of the real repository
 * (inserts and state changes are atomic under the object's lock). Tests can inject a concurrent writer that runs
 * just before a token CAS ({@link #beforeTokenCas}) or before the next insert ({@link #beforeNextInsert}). Test
 * setup ({@link #putCard}, {@link #putToken}, {@link #forceToken}) bypasses the liveness rules.
 */
public final class InMemoryCardRepository implements CardRepository {

    private final Map<String, CardRecord> cardsById = new ConcurrentHashMap<>();
    private final Map<String, String> cardIdByPan = new ConcurrentHashMap<>();
    private final Map<String, TokenRecord> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger rejectedInserts = new AtomicInteger();
    private volatile Consumer<String> beforeTokenCas = token -> {};
    private final AtomicReference<Runnable> beforeNextInsert = new AtomicReference<>();

    /** Stores a card directly (test setup); throws if the PAN or id is taken. */
    public synchronized CardRecord putCard(CardRecord card) {
        if (cardsById.containsKey(card.cardId()) || cardIdByPan.containsKey(card.pan())) {
            throw new IllegalStateException("duplicate card in test setup");
        }
        cardsById.put(card.cardId(), card);
        cardIdByPan.put(card.pan(), card.cardId());
        return card;
    }

    /** Stores a token directly (test setup). */
    public synchronized TokenRecord putToken(TokenRecord token) {
        if (tokens.putIfAbsent(token.token(), token) != null) {
            throw new IllegalStateException("duplicate token in test setup");
        }
        return token;
    }

    /** Runs {@code action} (with the token number) right before each token CAS, e.g. to simulate a racing writer. */
    public void beforeTokenCas(Consumer<String> action) {
        this.beforeTokenCas = Objects.requireNonNull(action);
    }

    /**
     * Runs {@code action} once, right before the next insert takes the lock: a concurrent enrolment that slips in
     * between the caller's reads and its insert.
     */
    public void beforeNextInsert(Runnable action) {
        beforeNextInsert.set(Objects.requireNonNull(action));
    }

    /** Overwrites a token unconditionally (what a racing writer would do). */
    public void forceToken(TokenRecord token) {
        tokens.put(token.token(), token);
    }

    public List<CardRecord> allCards() {
        return new ArrayList<>(cardsById.values());
    }

    public List<TokenRecord> allTokens() {
        return new ArrayList<>(tokens.values());
    }

    /** How many inserts were refused because a number was taken or a liveness rule was broken. */
    public int rejectedInserts() {
        return rejectedInserts.get();
    }

    @Override
    public Optional<CardRecord> findCardByPan(String pan) {
        String id = cardIdByPan.get(pan);
        return Optional.ofNullable(id == null ? null : cardsById.get(id));
    }

    @Override
    public Optional<CardRecord> findCardById(String cardId) {
        return Optional.ofNullable(cardsById.get(cardId));
    }

    @Override
    public List<CardRecord> findCardsByAccount(String issuerIin, String accountNo) {
        return cardsById.values().stream()
                .filter(c -> issuerIin.equals(c.issuerIin()) && accountNo.equals(c.accountNo()))
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
                .toList();
    }

    @Override
    public Optional<TokenRecord> findToken(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public List<TokenRecord> findTokensByCard(String cardId) {
        return tokens.values().stream().filter(t -> t.cardId().equals(cardId)).toList();
    }

    @Override
    public InsertResult insertCardWithToken(CardRecord card, TokenRecord token) {
        if (!card.cardId().equals(token.cardId())) {
            throw new IllegalArgumentException("token must belong to card " + card.cardId());
        }
        runBeforeInsert();
        synchronized (this) {
            InsertResult result = hasLiveTwin(card) ? InsertResult.ALREADY_LIVE
                    : cardIdByPan.containsKey(card.pan()) || cardsById.containsKey(card.cardId())
                            || tokens.containsKey(token.token()) ? InsertResult.NUMBER_TAKEN
                    : InsertResult.INSERTED;
            if (result != InsertResult.INSERTED) {
                rejectedInserts.incrementAndGet();
                return result;
            }
            cardsById.put(card.cardId(), card);
            cardIdByPan.put(card.pan(), card.cardId());
            tokens.put(token.token(), token);
            return result;
        }
    }

    @Override
    public InsertResult insertToken(TokenRecord token) {
        runBeforeInsert();
        synchronized (this) {
            InsertResult result = hasLiveTwin(token) ? InsertResult.ALREADY_LIVE
                    : tokens.containsKey(token.token()) ? InsertResult.NUMBER_TAKEN
                    : InsertResult.INSERTED;
            if (result != InsertResult.INSERTED) {
                rejectedInserts.incrementAndGet();
                return result;
            }
            tokens.put(token.token(), token);
            return result;
        }
    }

    private void runBeforeInsert() {
        Runnable action = beforeNextInsert.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }

    /** A live card with an account whose (issuer, account, product) already has another live card. */
    private boolean hasLiveTwin(CardRecord card) {
        return card.accountNo() != null && card.state() != CardState.DELETED && cardsById.values().stream()
                .anyMatch(c -> c.state() != CardState.DELETED && card.accountNo().equals(c.accountNo())
                        && card.issuerIin().equals(c.issuerIin()) && card.productId().equals(c.productId()));
    }

    /** A live token whose card already has a live token on the same device. */
    private boolean hasLiveTwin(TokenRecord token) {
        return token.state() != CardState.DELETED && tokens.values().stream()
                .anyMatch(t -> t.state() != CardState.DELETED && t.cardId().equals(token.cardId())
                        && t.deviceId().equals(token.deviceId()));
    }

    @Override
    public boolean updateTokenState(String token, CardState expected, TokenRecord updated) {
        beforeTokenCas.accept(token);
        if (expected == CardState.DELETED && updated.state() != CardState.DELETED) {
            throw new IllegalArgumentException("a DELETED token cannot be revived");
        }
        synchronized (this) {
            TokenRecord current = tokens.get(token);
            if (current == null || current.state() != expected) {
                return false;
            }
            tokens.put(token, updated);
            return true;
        }
    }

    @Override
    public synchronized void updateCardState(String cardId, CardState state, StateReason reason) {
        CardRecord card = cardsById.get(cardId);
        if (card != null && (card.state() != CardState.DELETED || state == CardState.DELETED)) {
            cardsById.put(cardId, card.withState(state, reason));
        }
    }
}
