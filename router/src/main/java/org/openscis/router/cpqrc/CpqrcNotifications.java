package org.openscis.router.cpqrc;

import java.util.List;
import java.util.Optional;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.money.FinalNotifications;
import org.openscis.router.money.TrxResultNotifications;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.CpqrPayments;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TrxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRX_RESULT_NOTIFICATION of a CPQRC_PAYMENT's final state (decisions.md §7: the final outcome always goes to the
 * App Gateway), built the same whether the handler or the background resolver reached it. It goes to the App
 * Gateway that issued the code, not to the acquirer: the acquirer is answered synchronously, and after a 04 learns
 * the outcome by retrying its request. {@code trxInfo} (protocol.md §3.16, §7.9): {@code deviceID}, {@code token},
 * {@code trxMsgType} {@code CPQRC_PAYMENT}, {@code emvCpqrcPayload} or {@code barcodeCpqrcPayload} (an array holding
 * the code paid with), {@code trxAmt}, {@code trxCurrency}, {@code merchantName}, {@code qrcVoucherNo}, {@code
 * retrivlRefNum}, {@code settlementKey}, {@code paymentStatus}, {@code rejectionReason}.
 */
public final class CpqrcNotifications implements FinalNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(CpqrcNotifications.class);

    private final CpqrPayments payments;

    public CpqrcNotifications(CpqrPayments payments) {
        this.payments = payments;
    }

    @Override
    public List<Notification> forFinal(MoneyTransaction trx, TrxState state, String responseCode) {
        Optional<CpqrPayment> payment = payments.find(trx.insId(), trx.msgId());
        if (payment.isEmpty()) {
            // the handler stores the payment before the movement: a movement without one is not a CPQRC payment
            LOG.error("CPQRC movement {} has no payment record; no notification", trx.trxId());
            return List.of();
        }
        CpqrPayment p = payment.get();
        TrxInfo reply = trx.approvedReply() == null ? TrxInfo.EMPTY : trx.approvedReply();
        TrxInfo cbs = trx.cbsRequest() == null ? TrxInfo.EMPTY : trx.cbsRequest();
        TrxInfo merchant = cbs.object("merchantInfo");
        TrxInfo trxInfo = TrxInfo.builder()
                .put("deviceID", trx.deviceId())
                .put("token", trx.token())
                .put("trxMsgType", MessageType.CPQRC_PAYMENT.name())
                .put(p.barcode() ? "barcodeCpqrcPayload" : "emvCpqrcPayload", List.of(p.payload()))
                .put("trxAmt", TrxResultNotifications.trxAmt(trx))
                .put("trxCurrency", trx.currency())
                .put("merchantName", merchant == null ? null : merchant.string("merchantName"))
                .put("qrcVoucherNo", reply.string("qrcVoucherNo"))
                .put("retrivlRefNum", reply.string("retrivlRefNum"))
                .put("settlementKey", reply.object("settlementKey"))
                .put("paymentStatus", state.paymentStatus())
                .put("rejectionReason", TrxResultNotifications.rejectionReason(state, responseCode))
                .build();
        return List.of(new Notification(p.appGatewayInsId(), MessageType.TRX_RESULT_NOTIFICATION,
                trx.token() == null ? trx.trxId() : trx.token(), trxInfo));
    }
}
