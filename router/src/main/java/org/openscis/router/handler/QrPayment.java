package org.openscis.router.handler;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.money.CbsFields;
import org.openscis.router.money.MoneyMovement;
import org.openscis.router.money.Movement;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.Discount;
import org.openscis.router.port.Promotions;
import org.openscis.router.port.SwitchIds;

/**
 * What MPQRC_PAYMENT_EMV and MPQRC_PAYMENT_URL share once the QR or the order has been checked:
 * <ol>
 *   <li>the {@link MovementChecks} on amount + fee (before any promotion, so a discount never lets through what the
 *       card's limits refuse); the QR's merchant is another acquirer's, not a configured one;</li>
 *   <li>the merchant's category or country blocked by the card's product → 62 (after the checks' own steps, cut-off
 *       included, since this merchant is judged from the QR rather than from configuration);</li>
 *   <li>a promotion for the card's issuer, the type, the merchant's category and the amount lowers what is charged:
 *       {@code trxAmt} = amount − discount, with {@code discountDetails} and {@code originalAmount} in the response
 *       and the CBS request (protocol.md §5.7);</li>
 *   <li>one off-us CBS DEBIT_TRANSACTION ({@code onUsFlag} N, merchant data from the QR or order) of the charged
 *       amount + fee, through {@link MoneyMovement}.</li>
 * </ol>
 * The response is {@code deviceID}, {@code trxAmt}, {@code trxCurrency}, {@code qrcVoucherNo} (+ discount fields);
 * its voucher number is drawn before the movement is recorded and stored with it, so a retry gets the same one.
 * Refusals echo {@code deviceID}.
 */
final class QrPayment {

    static final String ON_US_FLAG_OFF_US = "N";

    private final MovementChecks checks;
    private final MoneyMovement movement;
    private final Promotions promotions;
    private final SwitchIds ids;

    QrPayment(MovementChecks checks, MoneyMovement movement, Promotions promotions, SwitchIds ids) {
        this.checks = checks;
        this.movement = movement;
        this.promotions = promotions;
        this.ids = ids;
    }

    CompletionStage<Outcome> pay(Request request, QrCharge charge) {
        TrxInfo echo = RequestFields.deviceEcho(charge.deviceId());
        String currency = charge.amount().currency().numeric();
        CheckResult result = checks.check(MovementCheck.debit(request, charge.token(), charge.deviceId(),
                        charge.amount().toWire(), currency)
                .withFee(charge.fee().minor() == 0 ? null : charge.fee().toWire()));
        if (result instanceof CheckResult.Refused refused) {
            return done(refused.toOutcome(echo));
        }
        CheckResult.Passed p = (CheckResult.Passed) result;
        QrMerchant merchant = charge.merchant();
        if (p.limits().blockedMccs().contains(merchant.mcc())
                || p.limits().blockedCountries().contains(merchant.country())) {
            return done(Outcome.fail(ResponseCode.RESTRICTED,
                    "the merchant's category or country is blocked for the card", echo));
        }
        Optional<Discount> discount = promotions.find(p.card().issuerIin(), request.type(), merchant.mcc(),
                charge.amount().minor(), currency)
                .filter(d -> d.amountMinor() < charge.amount().minor());
        Amount charged = discount.map(d -> new Amount(charge.amount().minor() - d.amountMinor(),
                charge.amount().currency())).orElse(charge.amount());
        List<TrxInfo> discountDetails = discount.map(d -> List.of(TrxInfo.builder()
                .put("discountAmt", new Amount(d.amountMinor(), charged.currency()).toWire())
                .put("discountNote", d.note())
                .build())).orElse(null);
        String originalAmount = discount.isPresent() ? charge.amount().toWire() : null;
        TrxInfo approved = TrxInfo.builder()
                .put("deviceID", charge.deviceId())
                .put("trxAmt", charged.toWire())
                .put("trxCurrency", currency)
                .put("qrcVoucherNo", ids.voucherNo())
                .put("discountDetails", discountDetails)
                .put("originalAmount", originalAmount)
                .build();
        String msgId = request.msgInfo().msgID();
        long totalMinor = Math.addExact(charged.minor(), charge.fee().minor());
        return movement.execute(Movement.of(request, p.card().issuerIin(), p.card().cardId(), p.token().token(),
                        p.token().deviceId(), CbsOperation.DEBIT_TRANSACTION, totalMinor, currency,
                        (cbsMsgId, now) -> TrxInfo.builder()
                                .put("relTrxMsgID", msgId)
                                .put("relTrxType", request.type().name())
                                .put("merchantInfo", merchant.cbsMerchantInfo())
                                .put("onUsFlag", ON_US_FLAG_OFF_US)
                                .put("debitAccountInfo", CbsFields.accountInfo(p.token(), p.card()))
                                .put("trxAmt", charged.toWire())
                                .put("trxCurrency", currency)
                                .put("billAmt", charged.toWire())
                                .put("billCurrency", currency)
                                .put("feeAmt", charge.fee().toWire())
                                .put("markupAmt", "0")
                                .put("discountDetails", discountDetails)
                                .put("originalAmount", originalAmount)
                                .put("additionalData", charge.additionalData())
                                .put("trxNote", charge.trxNote())
                                .put("retrivlRefNum", ids.retrievalRefNum())
                                .put("transDatetime", CbsFields.transDatetime(now))
                                .put("traceNum", CbsFields.traceNum(cbsMsgId))
                                .put("referNo", charge.referNo())
                                .build())
                .withApprovedReply(approved)
                .withEcho(echo)
                .withDailyLimit(p.dailyLimit()));
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
