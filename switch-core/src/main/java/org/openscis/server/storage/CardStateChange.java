package org.openscis.server.storage;

import java.util.List;
import java.util.Objects;
import org.openscis.codec.mask.Masking;
import org.openscis.router.port.CardState;

/**
 * What an issuer or system state change did ({@link JdbcCardStates}). {@code before} and {@code after} are the
 * states of the card (or of the token, for a token change); null when nothing was found. {@code notified} lists the
 * CARD_STATUS_NOTIFICATIONs stored with the change, in token order.
 */
public record CardStateChange(Outcome outcome, CardState before, CardState after, List<Notified> notified) {

    /** How the change ended. Only {@link #CHANGED} changed a state; the others changed no state at all. */
    public enum Outcome {
        /** The state (or reason) changed, and the notifications were stored with it. */
        CHANGED,
        /** It already had that state and reason. */
        UNCHANGED,
        /** No such card or token. */
        NOT_FOUND,
        /** It is DELETED, which is terminal. */
        TERMINAL,
        /** ACTIVE was asked for a card past its expiry. */
        CARD_EXPIRED,
        /** The expiry sweep looked at a card that has not expired (yet). */
        NOT_DUE
    }

    /** One CARD_STATUS_NOTIFICATION stored: to {@code insId} about {@code token}, now reported as {@code tokenState}. */
    public record Notified(String token, String insId, CardState tokenState) {

        public Notified {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(insId, "insId");
            Objects.requireNonNull(tokenState, "tokenState");
        }

        @Override
        public String toString() {
            return "Notified[" + Masking.pan(token) + " to " + insId + ": " + tokenState + "]";
        }
    }

    public CardStateChange {
        Objects.requireNonNull(outcome, "outcome");
        notified = List.copyOf(notified);
    }

    static CardStateChange of(Outcome outcome, CardState state) {
        return new CardStateChange(outcome, state, state, List.of());
    }

    static CardStateChange notFound() {
        return new CardStateChange(Outcome.NOT_FOUND, null, null, List.of());
    }

    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }
}
