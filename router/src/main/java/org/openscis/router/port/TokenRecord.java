package org.openscis.router.port;

import java.time.Instant;
import org.openscis.codec.mask.Masking;

/**
 * A payment token: 19 digits, bound to one card and one device, owned by the App Gateway that enrolled it.
 * {@code tokenExpiry} is {@code YYMMDDhhmmss}.
 */
public record TokenRecord(
        String token,
        String cardId,
        String insId,
        String deviceId,
        String userId,
        String tokenExpiry,
        CardState state,
        Instant createdAt,
        Instant updatedAt) {

    public TokenRecord withState(CardState newState, Instant at) {
        return new TokenRecord(token, cardId, insId, deviceId, userId, tokenExpiry, newState, createdAt, at);
    }

    @Override
    public String toString() {
        return "TokenRecord[" + Masking.pan(token) + ", card=" + cardId + ", ins=" + insId + ", state=" + state + "]";
    }
}
