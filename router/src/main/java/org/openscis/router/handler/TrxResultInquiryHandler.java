package org.openscis.router.handler;

import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.money.TrxResultNotifications;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TransactionStore;

/**
 * TRX_RESULT_INQUIRY (protocol.md §3.23): the state of an earlier money movement of the requester. Request:
 * {@code deviceID}, {@code userID}, {@code token}, {@code origMsgID} (AN 17-49), {@code origMsgType},
 * {@code trxAmt}?, {@code trxCurrency}? (format-checked only: the original is found by its msgID).
 *
 * <p>After the {@link TokenResolver} checks (14/73/55; the token's state does not matter, an inquiry moves nothing),
 * the original is looked up by (requester, {@code origMsgID}); not found, or made with another token or of another
 * type than {@code origMsgType} → 25. Otherwise 00, whatever the original's outcome, with {@code trxInfo}:
 * {@code deviceID}, {@code origMsgType}, {@code trxAmt} and {@code trxCurrency} of the original (the amount as sent
 * to the CBS, without fee), {@code paymentStatus} (APPROVED, DECLINED, PENDING, REFUNDED, CANCELLED),
 * {@code rejectionReason} ({@code "APPROVED"}, or {@code "<code> <message>"} of a decline; absent while pending) and
 * {@code referNo} when the original has one.
 */
public final class TrxResultInquiryHandler extends SynchronousHandler {

    public static final int ORIG_MSG_ID_MIN_CHARS = 17;
    public static final int ORIG_MSG_ID_MAX_CHARS = 49;
    static final int ORIG_MSG_TYPE_MAX_CHARS = 50;

    private final TokenResolver resolver;
    private final TransactionStore transactions;

    public TrxResultInquiryHandler(CardRepository cards, TransactionStore transactions) {
        super(MessageType.TRX_RESULT_INQUIRY);
        this.resolver = new TokenResolver(cards);
        this.transactions = transactions;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        String origMsgId = reader.required("origMsgID", ORIG_MSG_ID_MIN_CHARS, ORIG_MSG_ID_MAX_CHARS, CharClass.AN);
        String origMsgType = reader.required("origMsgType", 1, ORIG_MSG_TYPE_MAX_CHARS, CharClass.ANS);
        MoneyFields.optionalAmount(reader, "trxAmt");
        MoneyFields.optionalCurrency(reader);
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        TrxInfo echo = RequestFields.deviceEcho(deviceId);
        String insId = request.participant().insId();
        TokenResolution resolution = resolver.resolve(token, deviceId, insId);
        if (resolution instanceof TokenResolution.Refused refused) {
            return refused.toOutcome(echo);
        }
        Optional<MoneyTransaction> found = transactions.findByRequest(insId, origMsgId)
                .filter(trx -> token.equals(trx.token()) && trx.msgType().name().equals(origMsgType));
        if (found.isEmpty()) {
            return Outcome.fail(ResponseCode.ORIGINAL_NOT_FOUND, null, echo);
        }
        MoneyTransaction trx = found.get();
        return Outcome.ok(TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("origMsgType", origMsgType)
                .put("trxAmt", TrxResultNotifications.trxAmt(trx))
                .put("trxCurrency", trx.currency())
                .put("paymentStatus", trx.state().paymentStatus())
                .put("rejectionReason", TrxResultNotifications.rejectionReason(trx.state(), trx.responseCode()))
                .put("referNo", TrxResultNotifications.referNo(trx))
                .build());
    }
}
