package org.openscis.router.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One CPQRC_PAYMENT ({@link CpqrPayments}).
 *
 * @param key                  the acquirer's request: its (insID, msgID)
 * @param codeId               the code paid with
 * @param appGatewayInsId      the App Gateway that issued the code: it gets ADDITIONAL_PROCESSING and the
 *                             TRX_RESULT_NOTIFICATION
 * @param barcode              true if the acquirer scanned the barcode, false for the EMV payload
 * @param payload              what the acquirer scanned (storage encrypts it: it carries the token)
 * @param verificationRequired the amount is above the code's CVM limit: the cardholder must verify
 * @param verdict              the cardholder's verdict, or null while none is recorded (always null without
 *                             verification)
 * @param createdAt            when the payment was recorded
 */
public record CpqrPayment(Key key, String codeId, String appGatewayInsId, boolean barcode, String payload,
        boolean verificationRequired, CpqrVerdict verdict, Instant createdAt) {

    public CpqrPayment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(appGatewayInsId, "appGatewayInsId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The acquirer's request. */
    public record Key(String insId, String msgId) {
        public Key {
            Objects.requireNonNull(insId, "insId");
            Objects.requireNonNull(msgId, "msgId");
        }
    }

    public CpqrPayment withVerdict(CpqrVerdict v) {
        return new CpqrPayment(key, codeId, appGatewayInsId, barcode, payload, verificationRequired, v, createdAt);
    }

    @Override
    public String toString() {
        return "CpqrPayment[" + key.insId() + "/" + key.msgId() + ", code " + codeId + ", " + appGatewayInsId + ", "
                + (barcode ? "barcode" : "EMV payload")
                + (verificationRequired ? ", verification " + (verdict == null ? "awaited" : verdict.kind()) : "")
                + "]";
    }
}
