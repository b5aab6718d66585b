package org.openscis.server.cli;

import org.openscis.codec.mask.Masking;

/**
 * What {@code openscis client qr pay} asks the {@link ClientRunner} to pay: a scanned merchant QR (an EMV string or a
 * UnionPay URL) with the wallet's token, device and user.
 *
 * @param amount the payer's amount, for codes without one (null: none given)
 * @param tip    the payer's tip, for EMV codes that ask for one (null: none)
 */
public record QrPayRequest(String token, String deviceId, String userId, String payload, String amount, String tip) {

    @Override
    public String toString() {
        return "QrPayRequest[token=" + Masking.pan(token) + ", deviceId=" + deviceId + ", userId=" + userId
                + ", amount=" + amount + ", tip=" + tip + "]";
    }
}
