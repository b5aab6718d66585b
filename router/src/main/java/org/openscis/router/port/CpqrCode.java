package org.openscis.router.port;

import java.time.Instant;
import java.util.Objects;
import org.openscis.codec.mask.Masking;

/**
 * One consumer-presented code (decisions.md §7): the EMV CPM payload and the barcode that both identify it, what it
 * was issued for and whether it was used.
 *
 * @param codeId        the switch's id of the code (32 hex characters)
 * @param insId         the App Gateway that asked for it
 * @param issuerIin     the card's issuer
 * @param cardId        the card behind the token
 * @param token         the token in the payload's track 2
 * @param emvPayload    base64 EMV CPM payload, exactly as returned in {@code emvCpqrcPayload}
 * @param barcode       19 digits starting 62, as returned in {@code barcodeCpqrcPayload}
 * @param atc           the application transaction counter in the payload (9F36)
 * @param trxLimitMinor the largest payment with the code, minor units of {@code limitCurrency}
 * @param cvmLimitMinor payments above it need cardholder verification, minor units of {@code limitCurrency}
 * @param limitCurrency ISO 4217 numeric
 * @param usedByInsId   the acquirer that redeemed the code, null while unused
 * @param usedByMsgId   its CPQRC_PAYMENT msgID, null while unused
 */
public record CpqrCode(String codeId, String insId, String issuerIin, String cardId, String token, String deviceId,
        String userId, String emvPayload, String barcode, int atc, long trxLimitMinor, long cvmLimitMinor,
        String limitCurrency, Instant createdAt, Instant expiresAt, String usedByInsId, String usedByMsgId) {

    public CpqrCode {
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(emvPayload, "emvPayload");
        Objects.requireNonNull(barcode, "barcode");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the code is past its expiry at {@code now} (expiry is exclusive: a code expiring at now is expired). */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean used() {
        return usedByMsgId != null;
    }

    /** The same code, used by {@code insId}'s {@code msgId}. */
    public CpqrCode usedBy(String insId, String msgId) {
        return new CpqrCode(codeId, this.insId, issuerIin, cardId, token, deviceId, userId, emvPayload, barcode, atc,
                trxLimitMinor, cvmLimitMinor, limitCurrency, createdAt, expiresAt, insId, msgId);
    }

    /** The payload and barcode are bearer credentials and the payload carries the token: neither is shown. */
    @Override
    public String toString() {
        return "CpqrCode[" + codeId + ", ins=" + insId + ", card=" + cardId + ", token=" + Masking.pan(token)
                + ", atc=" + atc + ", limits=" + trxLimitMinor + "/" + cvmLimitMinor + " " + limitCurrency
                + ", expiresAt=" + expiresAt + (used() ? ", used by " + usedByInsId + "/" + usedByMsgId : "") + "]";
    }
}
