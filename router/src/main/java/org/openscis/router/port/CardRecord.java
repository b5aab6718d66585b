package org.openscis.router.port;

import java.time.Instant;
import org.openscis.codec.mask.Masking;

/**
 * A virtual (or enrolled physical) card the switch knows. {@code pan} and {@code accountNo} are clear text in memory
 * only; storage encrypts them. {@code expiry} is {@code YYMM}. {@link #toString()} masks.
 */
public record CardRecord(
        String cardId,
        String pan,
        String expiry,
        String issuerIin,
        String productId,
        String accountNo,
        String cardType,
        String cardFaceId,
        CardState state,
        StateReason reason,
        Instant createdAt) {

    /** {@code MM/YY} as {@code panExpiry} carries it. */
    public String panExpiry() {
        return expiry.substring(2, 4) + "/" + expiry.substring(0, 2);
    }

    public String maskedPan() {
        return Masking.pan(pan);
    }

    public CardRecord withState(CardState newState, StateReason newReason) {
        return new CardRecord(cardId, pan, expiry, issuerIin, productId, accountNo, cardType, cardFaceId, newState,
                newReason, createdAt);
    }

    @Override
    public String toString() {
        return "CardRecord[" + cardId + ", pan=" + Masking.pan(pan) + ", expiry=**/**, issuer=" + issuerIin
                + ", product=" + productId + ", accountNo=" + Masking.pan(accountNo) + ", state=" + state + "/"
                + reason + "]";
    }
}
