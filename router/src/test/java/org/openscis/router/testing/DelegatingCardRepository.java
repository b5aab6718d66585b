package org.openscis.router.testing;

import java.util.List;
import java.util.Optional;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.InsertResult;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;

/** Forwards every call to another repository; tests override single methods to script what storage answers. */
public class DelegatingCardRepository implements CardRepository {

    private final CardRepository delegate;

    public DelegatingCardRepository(CardRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<CardRecord> findCardByPan(String pan) {
        return delegate.findCardByPan(pan);
    }

    @Override
    public Optional<CardRecord> findCardById(String cardId) {
        return delegate.findCardById(cardId);
    }

    @Override
    public List<CardRecord> findCardsByAccount(String issuerIin, String accountNo) {
        return delegate.findCardsByAccount(issuerIin, accountNo);
    }

    @Override
    public Optional<TokenRecord> findToken(String token) {
        return delegate.findToken(token);
    }

    @Override
    public List<TokenRecord> findTokensByCard(String cardId) {
        return delegate.findTokensByCard(cardId);
    }

    @Override
    public InsertResult insertCardWithToken(CardRecord card, TokenRecord token) {
        return delegate.insertCardWithToken(card, token);
    }

    @Override
    public InsertResult insertToken(TokenRecord token) {
        return delegate.insertToken(token);
    }

    @Override
    public boolean updateTokenState(String token, CardState expected, TokenRecord updated) {
        return delegate.updateTokenState(token, expected, updated);
    }

    @Override
    public void updateCardState(String cardId, CardState state, StateReason reason) {
        delegate.updateCardState(cardId, state, reason);
    }
}
