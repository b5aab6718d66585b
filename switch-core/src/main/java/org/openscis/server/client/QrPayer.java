package org.openscis.server.client;

import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;

/** The wallet user (its toString masks the token) paying a QR code: the device, the user and the card's token (protocol.md §3.18-3.20). */
public record QrPayer(String deviceId, String userId, String token) {

    TrxInfo.Builder trx() {
        return TrxInfo.builder().put("deviceID", deviceId).put("userID", userId).put("token", token);
    }

    @Override
    public String toString() {
        return "QrPayer[deviceId=" + deviceId + ", userId=" + userId + ", token=" + Masking.pan(token) + "]";
    }
}
