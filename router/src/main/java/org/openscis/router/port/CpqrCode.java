package org.openscis.router.port;

import java.time.Instant;
import org.openscis.codec.mask.Masking;

/** One consumer-presented code the switch issued (decisions.md §7); {@code toString} masks payload and token. */
public record CpqrCode(String codeId, String insId /* App Gateway */, String issuerIin, String cardId, String token,
        String deviceId, String userId, String emvPayload, String barcode, int atc, long trxLimitMinor,
        long cvmLimitMinor, String limitCurrency, Instant createdAt, Instant expiresAt, String usedByInsId,
        String usedByMsgId) {

    @Override
    public String toString() {
        return "CpqrCode[" + codeId + ", " + insId + ", token=" + Masking.pan(token) + ", atc=" + atc + ", limits "
                + trxLimitMinor + "/" + cvmLimitMinor + " " + limitCurrency + ", expires " + expiresAt
                + (usedByMsgId == null ? "" : ", used by " + usedByInsId + "/" + usedByMsgId) + "]";
    }
}
