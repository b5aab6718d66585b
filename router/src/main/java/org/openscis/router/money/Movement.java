package org.openscis.router.money;

import java.util.Objects;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.openscis.router.Request;
import org.openscis.router.port.CbsOperation;

/**
 * One money movement a handler has decided to make, as {@link MoneyMovement} records and performs it.
 *
 * @param request       the requester's message: its (insID, msgID) is the movement's idempotency key
 * @param issuerIin     whose CBS moves the money
 * @param cardId        the card debited or credited
 * @param token         the token used (the notifications' order key)
 * @param deviceId      the device of the token
 * @param operation     the CBS operation (one that {@link CbsOperation#movesMoney() moves money})
 * @param amountMinor   what leaves or reaches the account (amount plus fee) in minor units of {@code currency}: the
 *                      figure the daily limit sums
 * @param currency      ISO 4217 numeric
 * @param cbsRequest    builds the CBS request {@code trxInfo}
 * @param approvedReply the response {@code trxInfo} if approved (null: none)
 * @param echo          the response {@code trxInfo} of a decline or a 04 (null: none)
 * @param notifyOnFinal stored with the record: a final state reached later, by the background resolver, sends a
 *                      TRX_RESULT_NOTIFICATION
 * @param notifications the callbacks of a final state this movement reaches in the handler
 * @param dailyLimit    the daily limit to check again once the movement is recorded (null: none)
 * @param recheck       a rule to check again once the movement is recorded (null: none), for caps that concurrent
 *                      movements share (e.g. the refundable rest of a payment)
 */
public record Movement(
        Request request,
        String issuerIin,
        String cardId,
        String token,
        String deviceId,
        CbsOperation operation,
        long amountMinor,
        String currency,
        CbsRequestFactory cbsRequest,
        TrxInfo approvedReply,
        TrxInfo echo,
        boolean notifyOnFinal,
        FinalNotifications notifications,
        DailyLimit dailyLimit,
        RecordedCheck recheck) {

    public Movement {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(issuerIin, "issuerIin");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(cbsRequest, "cbsRequest");
        Objects.requireNonNull(notifications, "notifications");
        if (!operation.movesMoney()) {
            throw new IllegalArgumentException(operation + " does not move money");
        }
    }

    /**
     * A movement with no response {@code trxInfo}, no callbacks of its own and no daily limit. It is recorded with
     * {@code notifyOnFinal} set: the handler answers every final state it reaches itself, so a final state the
     * resolver reaches later is always one the requester was not told (it got 04, or no answer at all).
     */
    public static Movement of(Request request, String issuerIin, String cardId, String token, String deviceId,
            CbsOperation operation, long amountMinor, String currency, CbsRequestFactory cbsRequest) {
        return new Movement(request, issuerIin, cardId, token, deviceId, operation, amountMinor, currency, cbsRequest,
                null, null, true, FinalNotifications.NONE, null, null);
    }

    public Movement withApprovedReply(TrxInfo reply) {
        return new Movement(request, issuerIin, cardId, token, deviceId, operation, amountMinor, currency, cbsRequest,
                reply, echo, notifyOnFinal, notifications, dailyLimit, recheck);
    }

    public Movement withEcho(TrxInfo failureEcho) {
        return new Movement(request, issuerIin, cardId, token, deviceId, operation, amountMinor, currency, cbsRequest,
                approvedReply, failureEcho, notifyOnFinal, notifications, dailyLimit, recheck);
    }

    public Movement withNotifications(FinalNotifications callbacks) {
        return new Movement(request, issuerIin, cardId, token, deviceId, operation, amountMinor, currency, cbsRequest,
                approvedReply, echo, notifyOnFinal, callbacks, dailyLimit, recheck);
    }

    public Movement withDailyLimit(DailyLimit limit) {
        return new Movement(request, issuerIin, cardId, token, deviceId, operation, amountMinor, currency, cbsRequest,
                approvedReply, echo, notifyOnFinal, notifications, limit, recheck);
    }

    public Movement withNotifyOnFinal(boolean notify) {
        return new Movement(request, issuerIin, cardId, token, deviceId, operation, amountMinor, currency, cbsRequest,
                approvedReply, echo, notify, notifications, dailyLimit, recheck);
    }

    public Movement withRecheck(RecordedCheck check) {
        return new Movement(request, issuerIin, cardId, token, deviceId, operation, amountMinor, currency, cbsRequest,
                approvedReply, echo, notifyOnFinal, notifications, dailyLimit, check);
    }

    @Override
    public String toString() {
        return "Movement[" + operation + " for " + request.msgInfo().msgID() + ", card " + cardId + ", token "
                + Masking.pan(token) + ", " + amountMinor + " " + currency + "]";
    }
}
