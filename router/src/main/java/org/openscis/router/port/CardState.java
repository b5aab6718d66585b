package org.openscis.router.port;

/** Lifecycle of a card or token (decisions.md §6). DELETED is terminal. */
public enum CardState {
    ACTIVE, SUSPENDED, DELETED;

    /**
     * The state a wallet sees for a token in {@code tokenState} on a card in {@code cardState}: CARD_STATUS_INQUIRY's
     * {@code cardStatus} and CARD_STATUS_NOTIFICATION's {@code tokenState}. The token's own state, except that an
     * ACTIVE token on a card that is not ACTIVE reports the card's state (that is what decides whether it can pay),
     * and any token on a DELETED card reports DELETED (DELETED is terminal, so it can never be resumed).
     */
    public static CardState reported(CardState tokenState, CardState cardState) {
        if (cardState == DELETED) {
            return DELETED;
        }
        return tokenState == ACTIVE && cardState != ACTIVE ? cardState : tokenState;
    }
}
