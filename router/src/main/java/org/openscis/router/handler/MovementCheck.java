package org.openscis.router.handler;

import java.time.Instant;
import java.util.Objects;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;
import org.openscis.router.Request;
import org.openscis.router.port.Merchant;

/**
 * What {@link MovementChecks} judges: one requested movement, with its fields as the request carried them (amounts
 * and currency unparsed: parsing them is part of the checks, in their place in the order).
 *
 * @param type         the requester's message type (the product must allow it)
 * @param insId        the authenticated requester (the token must be its own)
 * @param token        the token as sent
 * @param deviceId     the request's {@code deviceID}; null skips the device check (55) for messages that may come
 *                     from elsewhere than the cardholder's device
 * @param trxAmt       the amount as sent
 * @param feeAmt       a fee as sent (≥ 0, debited with the amount), or null for none
 * @param trxCurrency  ISO 4217 numeric as sent
 * @param merchantId   the {@code mid} of the merchant-side party, or null when there is none
 * @param merchantRole the role that party must have (null when there is none)
 * @param outgoing     true when money leaves the card's account (the daily limit applies)
 * @param receivedAt   when the switch received the request: decides the UTC day and the cut-off window
 */
public record MovementCheck(
        MessageType type,
        String insId,
        String token,
        String deviceId,
        String trxAmt,
        String feeAmt,
        String trxCurrency,
        String merchantId,
        Merchant.Role merchantRole,
        boolean outgoing,
        Instant receivedAt) {

    public MovementCheck {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(insId, "insId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Money leaves the card's account: every check applies. */
    public static MovementCheck debit(Request request, String token, String deviceId, String trxAmt,
            String trxCurrency) {
        return new MovementCheck(request.type(), request.participant().insId(), token, deviceId, trxAmt, null,
                trxCurrency, null, null, true, request.receivedAt());
    }

    /** Money arrives on the card's account: no daily outgoing limit; {@code deviceId} may be null. */
    public static MovementCheck credit(Request request, String token, String deviceId, String trxAmt,
            String trxCurrency) {
        return new MovementCheck(request.type(), request.participant().insId(), token, deviceId, trxAmt, null,
                trxCurrency, null, null, false, request.receivedAt());
    }

    public MovementCheck withFee(String fee) {
        return new MovementCheck(type, insId, token, deviceId, trxAmt, fee, trxCurrency, merchantId, merchantRole,
                outgoing, receivedAt);
    }

    /** The movement involves the configured merchant {@code mid}, which must have {@code role} (03 otherwise). */
    public MovementCheck withMerchant(String mid, Merchant.Role role) {
        return new MovementCheck(type, insId, token, deviceId, trxAmt, feeAmt, trxCurrency,
                Objects.requireNonNull(mid, "mid"), Objects.requireNonNull(role, "role"), outgoing, receivedAt);
    }

    @Override
    public String toString() {
        return "MovementCheck[" + type + " from " + insId + ", token=" + Masking.pan(token) + ", "
                + (outgoing ? "debit" : "credit") + (merchantId == null ? "" : ", " + merchantRole + " " + merchantId)
                + "]";
    }
}
