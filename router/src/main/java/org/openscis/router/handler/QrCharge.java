package org.openscis.router.handler;

import java.util.Objects;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;

/**
 * A merchant-presented QR payment its handler has validated against the QR or the order, ready for {@link QrPayment}.
 *
 * @param amount         what the merchant gets before any promotion (a tip included), above zero
 * @param fee            the convenience fee (zero for none), in the same currency: debited with the amount, to the
 *                       issuer's fee account
 * @param additionalData the request's {@code additionalData}, copied to the CBS (null: none)
 */
record QrCharge(String token, String deviceId, Amount amount, Amount fee, QrMerchant merchant, TrxInfo additionalData,
        String trxNote, String referNo) {

    QrCharge {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(merchant, "merchant");
        if (!fee.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("the fee is in another currency than the amount");
        }
    }
}
