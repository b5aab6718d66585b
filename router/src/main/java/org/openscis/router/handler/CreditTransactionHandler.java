package org.openscis.router.handler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.envelope.CharClass;
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
 * CREDIT_TRANSACTION (protocol.md §3.22): an agent or merchant tops up the card. Request: {@code merchantInfo}
 * {{@code mid}, {@code merchantName}?}, {@code token}, {@code trxAmt}, {@code trxCurrency}, {@code trxNote}?,
 * {@code referNo}?; {@code deviceID} and {@code userID} are accepted but optional (the real sample has neither: a
 * top-up need not come from the cardholder's device). Without {@code deviceID} the token is resolved with the 14 and
 * 73 checks but no device check.
 *
 * <p>The {@link MovementChecks} apply as for a debit (card and token state, product, tier, currency, amount,
 * per-transaction limit, merchant restrictions, cut-off) except the daily limit, which counts outgoing movements;
 * the {@code mid} must be configured with role AGENT for the card's issuer (03). Then one CBS CREDIT_TRANSACTION: the
 * agent's account is debited (51 if its float is exhausted) and the card's account credited. The response carries
 * no {@code trxInfo}.
 */
public final class CreditTransactionHandler extends MoneyHandler {

    private final MovementChecks checks;
    private final MoneyMovement movement;
    private final SwitchIds ids;

    public CreditTransactionHandler(MovementChecks checks, MoneyMovement movement, SwitchIds ids) {
        super(MessageType.CREDIT_TRANSACTION);
        this.checks = checks;
        this.movement = movement;
        this.ids = ids;
    }

    @Override
    CompletionStage<Outcome> decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String mid = MoneyFields.merchantId(reader);
        String deviceId = reader.optional("deviceID", 1, RequestFields.ID_MAX_CHARS, CharClass.ANS);
        reader.optional("userID", 1, RequestFields.ID_MAX_CHARS, CharClass.ANS);
        String token = RequestFields.token(reader);
        String trxAmt = MoneyFields.trxAmt(reader);
        String trxCurrency = MoneyFields.trxCurrency(reader);
        String note = MoneyFields.trxNote(reader);
        String referNo = MoneyFields.referNo(reader);
        if (reader.failed()) {
            return CompletableFuture.completedFuture(RequestFields.formatError(reader));
        }
        CheckResult result = checks.check(MovementCheck.credit(request, token, deviceId, trxAmt, trxCurrency)
                .withMerchant(mid, Merchant.Role.AGENT));
        if (result instanceof CheckResult.Refused refused) {
            return CompletableFuture.completedFuture(refused.toOutcome(null));
        }
        CheckResult.Passed p = (CheckResult.Passed) result;
        String msgId = request.msgInfo().msgID();
        return movement.execute(Movement.of(request, p.card().issuerIin(), p.card().cardId(), p.token().token(),
                p.token().deviceId(), CbsOperation.CREDIT_TRANSACTION, p.totalMinor(), p.amount().currency().numeric(),
                (cbsMsgId, now) -> TrxInfo.builder()
                        .put("relTrxMsgID", msgId)
                        .put("relTrxType", MessageType.CREDIT_TRANSACTION.name())
                        .put("merchantInfo", CbsFields.merchantInfo(p.merchant()))
                        .put("creditAccountInfo", CbsFields.accountInfo(p.token(), p.card()))
                        .put("trxAmt", p.amount().toWire())
                        .put("trxCurrency", p.amount().currency().numeric())
                        .put("billAmt", p.amount().toWire())
                        .put("billCurrency", p.amount().currency().numeric())
                        .put("trxNote", note)
                        .put("retrivlRefNum", ids.retrievalRefNum())
                        .put("transDatetime", CbsFields.transDatetime(now))
                        .put("traceNum", CbsFields.traceNum(cbsMsgId))
                        .put("referNo", referNo)
                        .build()));
    }
}
