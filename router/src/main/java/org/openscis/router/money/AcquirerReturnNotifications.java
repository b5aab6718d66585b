package org.openscis.router.money;

import java.util.List;
import java.util.Optional;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRX_RESULT_NOTIFICATION (protocol.md §3.16) of an acquirer's REFUND or CANCELLATION, built the same way whether the
 * handler reached the final state or the background resolver did.
 *
 * <p>It goes to the App Gateway of the token the original payment was made with (the acquirer is the requester but
 * gets no callbacks), and only when money moved back to the card: a declined refund changed nothing for the
 * cardholder, and the acquirer has its answer. {@code trxInfo}: {@code deviceID}, {@code token}, {@code trxMsgType}
 * ({@code REFUND}/{@code CANCELLATION}), {@code origMsgID} (the acquirer's msgID of the CPQRC_PAYMENT: the one id of
 * the payment every party has), {@code origTrxType} ({@code CPQRC_PAYMENT}), {@code trxAmt}, {@code trxCurrency},
 * {@code merchantName}, {@code qrcVoucherNo} (the refund's), {@code retrivlRefNum} (the acquirer's, of the refund),
 * {@code paymentStatus} and {@code rejectionReason}.
 */
public final class AcquirerReturnNotifications implements FinalNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(AcquirerReturnNotifications.class);

    private final CardRepository cards;
    private final TransactionStore transactions;

    public AcquirerReturnNotifications(CardRepository cards, TransactionStore transactions) {
        this.cards = cards;
        this.transactions = transactions;
    }

    /** Whether {@code trx} is a movement these notifications describe (REFUND or CANCELLATION). */
    public static boolean covers(MoneyTransaction trx) {
        return trx.msgType() == MessageType.REFUND || trx.msgType() == MessageType.CANCELLATION;
    }

    /**
     * {@code others} for every movement this class does not cover, so that the background resolver can use one set
     * of notifications for all movements.
     */
    public FinalNotifications before(FinalNotifications others) {
        return (trx, state, code) -> covers(trx) ? forFinal(trx, state, code) : others.forFinal(trx, state, code);
    }

    @Override
    public List<Notification> forFinal(MoneyTransaction trx, TrxState state, String responseCode) {
        if (!covers(trx) || !state.moved() || trx.token() == null) {
            return List.of();
        }
        Optional<TokenRecord> token = cards.findToken(trx.token());
        if (token.isEmpty()) {
            LOG.warn("{} {}: token {} is unknown; no TRX_RESULT_NOTIFICATION", trx.msgType(), trx.trxId(),
                    Masking.pan(trx.token()));
            return List.of();
        }
        TrxInfo cbs = trx.cbsRequest() == null ? TrxInfo.EMPTY : trx.cbsRequest();
        TrxInfo merchant = cbs.object("merchantInfo");
        TrxInfo reply = trx.approvedReply() == null ? TrxInfo.EMPTY : trx.approvedReply();
        String origTrxId = cbs.string("origMsgID");
        String origMsgId = origTrxId == null ? null
                : transactions.find(origTrxId).map(MoneyTransaction::msgId).orElse(null);
        TrxInfo info = TrxInfo.builder()
                .put("deviceID", token.get().deviceId())
                .put("token", token.get().token())
                .put("trxMsgType", trx.msgType().name())
                .put("origMsgID", origMsgId)
                .put("origTrxType", cbs.string("origMsgType"))
                .put("trxAmt", TrxResultNotifications.trxAmt(trx))
                .put("trxCurrency", trx.currency())
                .put("merchantName", merchant == null ? null : merchant.string("merchantName"))
                .put("qrcVoucherNo", reply.string("qrcVoucherNo"))
                .put("retrivlRefNum", cbs.string("retrivlRefNum"))
                .put("paymentStatus", state.paymentStatus())
                .put("rejectionReason", TrxResultNotifications.rejectionReason(state, responseCode))
                .build();
        return List.of(new Notification(token.get().insId(), MessageType.TRX_RESULT_NOTIFICATION,
                token.get().token(), info));
    }
}
