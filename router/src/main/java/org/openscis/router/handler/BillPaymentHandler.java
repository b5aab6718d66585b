package org.openscis.router.handler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.money.CbsFields;
import org.openscis.router.money.MoneyMovement;
import org.openscis.router.money.Movement;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.SwitchIds;

/**
 * BILL_PAYMENT (protocol.md §3.21): the cardholder pays a biller. Request: {@code deviceID}, {@code userID},
 * {@code token}, {@code trxAmt}, {@code trxCurrency}, {@code trxFeeAmt} (optional, ≥ 0, debited with the amount),
 * {@code trxNote}?, {@code merchantInfo} {{@code mid}, {@code merchantName}?}, {@code riskInfo}?, {@code referNo}?.
 *
 * <p>The {@link MovementChecks} apply to amount + fee, with the biller as merchant: it must be configured with role
 * BILLER for the card's issuer (03). Then one CBS DEBIT_TRANSACTION ({@link MoneyMovement}): it debits amount + fee,
 * credits the amount to the biller and the fee to the issuer. The response {@code trxInfo} is {@code {deviceID}},
 * also on refusals and 04.
 */
public final class BillPaymentHandler extends MoneyHandler {

    private final MovementChecks checks;
    private final MoneyMovement movement;
    private final SwitchIds ids;

    public BillPaymentHandler(MovementChecks checks, MoneyMovement movement, SwitchIds ids) {
        super(MessageType.BILL_PAYMENT);
        this.checks = checks;
        this.movement = movement;
        this.ids = ids;
    }

    @Override
    CompletionStage<Outcome> decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        String trxAmt = MoneyFields.trxAmt(reader);
        String trxCurrency = MoneyFields.trxCurrency(reader);
        String fee = MoneyFields.optionalAmount(reader, "trxFeeAmt");
        String note = MoneyFields.trxNote(reader);
        String mid = MoneyFields.merchantId(reader);
        MoneyFields.riskInfo(reader);
        String referNo = MoneyFields.referNo(reader);
        if (reader.failed()) {
            return CompletableFuture.completedFuture(RequestFields.formatError(reader));
        }
        TrxInfo echo = RequestFields.deviceEcho(deviceId);
        CheckResult result = checks.check(MovementCheck.debit(request, token, deviceId, trxAmt, trxCurrency)
                .withFee(fee)
                .withMerchant(mid, Merchant.Role.BILLER));
        if (result instanceof CheckResult.Refused refused) {
            return CompletableFuture.completedFuture(refused.toOutcome(echo));
        }
        CheckResult.Passed p = (CheckResult.Passed) result;
        String msgId = request.msgInfo().msgID();
        return movement.execute(Movement.of(request, p.card().issuerIin(), p.card().cardId(), p.token().token(),
                        p.token().deviceId(), CbsOperation.DEBIT_TRANSACTION, p.totalMinor(),
                        p.amount().currency().numeric(),
                        (cbsMsgId, now) -> TrxInfo.builder()
                                .put("relTrxMsgID", msgId)
                                .put("relTrxType", MessageType.BILL_PAYMENT.name())
                                .put("merchantInfo", CbsFields.merchantInfo(p.merchant()))
                                .put("onUsFlag", "Y")
                                .put("debitAccountInfo", CbsFields.accountInfo(p.token(), p.card()))
                                .put("trxAmt", p.amount().toWire())
                                .put("trxCurrency", p.amount().currency().numeric())
                                .put("billAmt", p.amount().toWire())
                                .put("billCurrency", p.amount().currency().numeric())
                                .put("feeAmt", fee == null ? "0" : p.fee().toWire())
                                .put("markupAmt", "0")
                                .put("trxNote", note)
                                .put("retrivlRefNum", ids.retrievalRefNum())
                                .put("transDatetime", CbsFields.transDatetime(now))
                                .put("traceNum", CbsFields.traceNum(cbsMsgId))
                                .put("referNo", referNo)
                                .build())
                .withApprovedReply(echo)
                .withEcho(echo)
                .withDailyLimit(p.dailyLimit()));
    }
}
