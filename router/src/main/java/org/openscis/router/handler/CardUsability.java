package org.openscis.router.handler;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;

/**
 * Whether a card may be used, and if not, which response code says why (decisions.md §6): a card that is not
 * ACTIVE, or carries a reason, answers with its reason's code (41 lost, 43 stolen, 34 fraud, 54 expired, else 21);
 * an ACTIVE card past the end of its expiry month answers 54.
 */
public final class CardUsability {

    private CardUsability() {}

    /** The refusal code of a card that may not be used now, or empty if it is usable. */
    public static Optional<ResponseCode> refusal(CardRecord card, Clock clock) {
        Optional<ResponseCode> byState = stateRefusal(card);
        if (byState.isPresent()) {
            return byState;
        }
        return expired(card, clock) ? Optional.of(ResponseCode.EXPIRED_CARD) : Optional.empty();
    }

    /** The refusal code implied by the card's state and reason alone. */
    public static Optional<ResponseCode> stateRefusal(CardRecord card) {
        StateReason reason = card.reason() == null ? StateReason.NONE : card.reason();
        if (card.state() == CardState.ACTIVE && reason == StateReason.NONE) {
            return Optional.empty();
        }
        return Optional.of(reason.code());
    }

    /**
     * True once the clock's month is after the card's expiry month (a card is valid through its last day). An
     * unreadable stored expiry counts as expired: better to refuse than to approve on corrupt data.
     */
    public static boolean expired(CardRecord card, Clock clock) {
        Optional<YearMonth> expiry = CardExpiry.parseYymm(card.expiry());
        return expiry.isEmpty() || YearMonth.now(clock).isAfter(expiry.get());
    }
}
