package org.openscis.router.port;

import java.time.Instant;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;

/**
 * The durable record of one money movement, written before the CBS is called (decisions.md §5).
 *
 * @param trxId          the switch's CBS msgID of the movement (decisions.md §9); REVERSAL and TRANSACTION_INQUIRY
 *                       refer to it
 * @param insId          the requester (App Gateway or acquirer)
 * @param msgId          the requester's msgID: the idempotency key with {@code insId}
 * @param msgType        the requester's message type (BILL_PAYMENT, P2P_TRANSFER, ...)
 * @param msgVersion     the request's {@code msgInfo.versionNo}, to rebuild the response when a 04 is resolved
 * @param msgTimeStamp   the request's {@code msgInfo.timeStamp}, ditto
 * @param issuerIin      whose CBS moves the money
 * @param cardId         the card debited or credited (null if none)
 * @param token          the token used (null if none)
 * @param deviceId       the request's {@code deviceID} (null if none)
 * @param operation      the CBS operation
 * @param amountMinor    the amount in minor units of {@code currency}
 * @param currency       ISO 4217 numeric
 * @param cbsRequest     the CBS request {@code trxInfo}, plain text (storage encrypts it: it holds account data);
 *                       REVERSAL copies its amounts
 * @param approvedReply  the response {@code trxInfo} to the requester if approved (null for none)
 * @param state          where it stands
 * @param responseCode   the final (or 04) code sent to the requester; null while undecided
 * @param notifyOnFinal  whether reaching a final state sends TRX_RESULT_NOTIFICATION (always true once a 04 went out)
 * @param attempts       resolution attempts so far
 * @param nextAttemptAt  when the resolver may next look at it (null once final)
 */
public record MoneyTransaction(
        String trxId,
        String insId,
        String msgId,
        MessageType msgType,
        String msgVersion,
        String msgTimeStamp,
        String issuerIin,
        String cardId,
        String token,
        String deviceId,
        CbsOperation operation,
        long amountMinor,
        String currency,
        TrxInfo cbsRequest,
        TrxInfo approvedReply,
        TrxState state,
        String responseCode,
        boolean notifyOnFinal,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt) {

    public MoneyTransaction withState(TrxState next, String code, Instant at) {
        return new MoneyTransaction(trxId, insId, msgId, msgType, msgVersion, msgTimeStamp, issuerIin, cardId, token,
                deviceId, operation, amountMinor, currency, cbsRequest, approvedReply, next, code, notifyOnFinal,
                attempts, nextAttemptAt, createdAt, at);
    }

    @Override
    public String toString() {
        return "MoneyTransaction[" + trxId + ", " + insId + "/" + msgId + ", " + msgType + ", " + operation + " "
                + amountMinor + " " + currency + ", token=" + Masking.pan(token) + ", " + state + " " + responseCode
                + "]";
    }
}
