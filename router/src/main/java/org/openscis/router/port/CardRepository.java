package org.openscis.router.port;

import java.util.List;
import java.util.Optional;

/**
 * Durable card and token storage. Implementations encrypt PAN and account number at rest and look them up by keyed
 * hash. Every method is blocking and transactional on its own; callers run on worker threads.
 */
public interface CardRepository {

    Optional<CardRecord> findCardByPan(String pan);

    Optional<CardRecord> findCardById(String cardId);

    /** Cards issued on an account of an issuer (a virtual card per product). */
    List<CardRecord> findCardsByAccount(String issuerIin, String accountNo);

    Optional<TokenRecord> findToken(String token);

    /** Tokens bound to a card, in any state. */
    List<TokenRecord> findTokensByCard(String cardId);

    /**
     * Stores a new card and its first token atomically. Returns false (and stores nothing) if the PAN or the token
     * number is already taken, so the caller can draw new numbers.
     */
    boolean insertCardWithToken(CardRecord card, TokenRecord token);

    /** Stores a new token for an existing card; false if the token number is taken. */
    boolean insertToken(TokenRecord token);

    /** Compare-and-set of a token's state; false if it was not in {@code expected} any more. */
    boolean updateTokenState(String token, CardState expected, TokenRecord updated);

    /** Sets a card's state and reason (issuer or system action). */
    void updateCardState(String cardId, CardState state, StateReason reason);
}
