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
     * Stores a new card and its first token atomically, or nothing. {@link InsertResult#NUMBER_TAKEN} if the card id,
     * PAN or token number is taken (draw new numbers); {@link InsertResult#ALREADY_LIVE} if the card has an account
     * and that (issuer, account) already has a card of the same product that is not DELETED. The rule holds across
     * every node sharing the storage, so of two concurrent enrolments of one account exactly one creates the card.
     */
    InsertResult insertCardWithToken(CardRecord card, TokenRecord token);

    /**
     * Stores a new token for an existing card. {@link InsertResult#NUMBER_TAKEN} if the token number is taken;
     * {@link InsertResult#ALREADY_LIVE} if the token is live (not DELETED) and the card already has a live token on
     * the same device (one live token per card and device, across every node).
     */
    InsertResult insertToken(TokenRecord token);

    /**
     * Compare-and-set of a token's state; false if it was not in {@code expected} any more. DELETED is final: a
     * deleted token frees its device for a new enrolment of the card and must not be revived.
     */
    boolean updateTokenState(String token, CardState expected, TokenRecord updated);

    /**
     * Sets a card's state and reason (issuer or system action). DELETED is final: a deleted card frees its account
     * for a new card of the product and must not be revived.
     */
    void updateCardState(String cardId, CardState state, StateReason reason);
}
