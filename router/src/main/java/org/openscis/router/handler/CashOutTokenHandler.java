package org.openscis.router.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
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
import org.openscis.router.port.SwitchIds;

/**
 * GET_CASH_OUT_TOKEN (protocol.md §3.17): a one-time code to withdraw cash at an ATM or agent. Request:
 * {@code deviceID}, {@code userID}, {@code token}, {@code trxTokenType}, {@code trxAmt}, {@code trxCurrency}.
 *
 * <p>Only {@code trxTokenType} {@code WITHDRAW} is supported; anything else, {@code DEPOSIT} included, is 40. The
 * {@link MovementChecks} apply as to a debit (daily limit included: the held amount counts). The switch draws the
 * 18-digit {@code trxToken} and a {@code referNo}; the token can be withdrawn until now + the product's
 * {@code cashOutTokenValidityMinutes}. One CBS GET_CASH_OUT_TOKEN places a hold on the account until then. Response
 * {@code trxInfo}: {@code trxToken}, {@code referNo}, {@code tokenExpiry} ({@code yyyyMMddHHmmss}, UTC: not in the
 * real sample, but a wallet needs it to show how long the code is valid). Refusals carry no {@code trxInfo}.
 */
public final class CashOutTokenHandler extends MoneyHandler {

    public static final String WITHDRAW = "WITHDRAW";
    static final int TOKEN_TYPE_MAX_CHARS = 20;

    private final MovementChecks checks;
    private final MoneyMovement movement;
    private final SwitchIds ids;
    private final Clock clock;

    public CashOutTokenHandler(MovementChecks checks, MoneyMovement movement, SwitchIds ids, Clock clock) {
        super(MessageType.GET_CASH_OUT_TOKEN);
        this.checks = checks;
        this.movement = movement;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    CompletionStage<Outcome> decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        String tokenType = reader.required("trxTokenType", 1, TOKEN_TYPE_MAX_CHARS, CharClass.ANS);
        String trxAmt = MoneyFields.trxAmt(reader);
        String trxCurrency = MoneyFields.trxCurrency(reader);
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        if (!WITHDRAW.equals(tokenType)) {
            return done(Outcome.fail(ResponseCode.NOT_SUPPORTED,
                    "trxTokenType: only WITHDRAW is supported (cash-in tokens, DEPOSIT, are not)"));
        }
        CheckResult result = checks.check(MovementCheck.debit(request, token, deviceId, trxAmt, trxCurrency));
        if (result instanceof CheckResult.Refused refused) {
            return done(refused.toOutcome(null));
        }
        CheckResult.Passed p = (CheckResult.Passed) result;
        String issuer = p.card().issuerIin();
        String trxToken = ids.cashOutToken();
        String referNo = ids.referNo(issuer);
        Instant expiry = clock.instant().plus(Duration.ofMinutes(p.limits().cashOutTokenValidityMinutes()));
        String tokenExpiry = CbsFields.timestamp(expiry);
        TrxInfo reply = TrxInfo.builder()
                .put("trxToken", trxToken)
                .put("referNo", referNo)
                .put("tokenExpiry", tokenExpiry)
                .build();
        String msgId = request.msgInfo().msgID();
        return movement.execute(Movement.of(request, issuer, p.card().cardId(), p.token().token(),
                        p.token().deviceId(), CbsOperation.GET_CASH_OUT_TOKEN, p.totalMinor(),
                        p.amount().currency().numeric(),
                        (cbsMsgId, now) -> TrxInfo.builder()
                                .put("relTrxMsgID", msgId)
                                .put("trxTokenType", WITHDRAW)
                                .put("trxToken", trxToken)
                                .put("tokenExpiry", tokenExpiry)
                                .put("debitAccountInfo", CbsFields.accountInfo(p.token(), p.card()))
                                .put("trxAmt", p.amount().toWire())
                                .put("trxCurrency", p.amount().currency().numeric())
                                .put("traceNum", CbsFields.traceNum(cbsMsgId))
                                .put("transDatetime", CbsFields.transDatetime(now))
                                .put("referNo", referNo)
                                .build())
                .withApprovedReply(reply)
                .withDailyLimit(p.dailyLimit()));
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
