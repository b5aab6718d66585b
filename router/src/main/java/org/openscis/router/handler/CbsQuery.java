package org.openscis.router.handler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.CbsCall;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.CoreBanking;
import org.openscis.router.port.SwitchIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call to an issuer's CBS that moves no money (KYC_VERIFICATION, OPEN_ACCOUNT, ACCOUNT_BALANCE_INQUIRY), with its
 * reply reduced to what the App Gateway is told (decisions.md §5, response-codes.md):
 * <ul>
 *   <li>answered 00: {@link Approved} with the CBS's {@code trxInfo};</li>
 *   <li>answered with another code: that code, passed through (05, 14, 51, 70, 71, 72, 01, ...);</li>
 *   <li>{@link CbsReply.NotSent}: its code (92 no connection, 91 circuit open, 98 deadline passed while queued);</li>
 *   <li>{@link CbsReply.NoAnswer}: 91 "Issuer system error", never 04. 04 promises that the switch resolves the
 *       outcome in the background and reports it later; only money movements have such a resolver. These calls are
 *       safe to repeat instead: inquiries change nothing, a KYC the switch never recorded is simply sent again, and
 *       OPEN_ACCOUNT repeats its fixed CBS msgID so that the (msgID-idempotent) CBS returns the same account.</li>
 * </ul>
 * Each call gets a deadline of {@code callTimeout} from the moment it is made. The stage completes on a thread that
 * may block (the {@link CoreBanking} contract), so callers may write storage in what they chain to it.
 */
public final class CbsQuery {

    private static final Logger LOG = LoggerFactory.getLogger(CbsQuery.class);

    private final CoreBanking coreBanking;
    private final SwitchIds ids;
    private final Duration callTimeout;

    public CbsQuery(CoreBanking coreBanking, SwitchIds ids, Duration callTimeout) {
        this.coreBanking = Objects.requireNonNull(coreBanking, "coreBanking");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** Over the CBS link, identifiers and call timeout of {@code money}. */
    public static CbsQuery of(MoneyPorts money) {
        return new CbsQuery(money.coreBanking(), money.ids(), money.cbsCallTimeout());
    }

    /** What the App Gateway is told about a CBS call. */
    public sealed interface Answer {}

    /** The CBS answered 00; {@code trxInfo} is its plain-text answer, never null. */
    public record Approved(TrxInfo trxInfo) implements Answer {}

    /** The call failed or the CBS refused: answer {@code code}; {@code detail} never holds card or KYC data. */
    public record Refused(ResponseCode code, String detail) implements Answer {}

    /** A fresh CBS msgID for {@code issuerIin} (decisions.md §9). */
    public String newMsgId(String issuerIin, Instant now) {
        return ids.cbsMsgId(issuerIin, now);
    }

    /** Asks with a fresh CBS msgID. */
    public CompletionStage<Answer> ask(String issuerIin, CbsOperation operation, TrxInfo trxInfo, Instant now) {
        return ask(issuerIin, operation, newMsgId(issuerIin, now), trxInfo, now);
    }

    /** Asks with a given CBS msgID: the same msgID again gets the CBS's stored answer to the first call. */
    public CompletionStage<Answer> ask(String issuerIin, CbsOperation operation, String cbsMsgId, TrxInfo trxInfo,
            Instant now) {
        if (operation.movesMoney()) {
            throw new IllegalArgumentException(operation + " moves money and needs a durable transaction record");
        }
        CbsCall call = new CbsCall(operation, cbsMsgId, trxInfo);
        return coreBanking.call(issuerIin, call, now.plus(callTimeout)).thenApply(reply -> answer(call, reply));
    }

    private static Answer answer(CbsCall call, CbsReply reply) {
        if (reply instanceof CbsReply.Answered answered) {
            if (answered.code() == ResponseCode.APPROVED) {
                return new Approved(answered.trxInfo() == null ? TrxInfo.EMPTY : answered.trxInfo());
            }
            LOG.info("{} refused by the issuer's CBS with {}", call, answered.code().code());
            return new Refused(answered.code(), null);
        }
        if (reply instanceof CbsReply.NotSent notSent) {
            LOG.warn("{} not sent to the issuer's CBS ({}): {}", call, notSent.code().code(), notSent.detail());
            // NotSent is 91, 92 or 98 by contract; an approval that was never sent would be a bug of the link.
            return new Refused(notSent.code() == ResponseCode.APPROVED ? ResponseCode.ISSUER_SYSTEM_ERROR
                    : notSent.code(), null);
        }
        CbsReply.NoAnswer noAnswer = (CbsReply.NoAnswer) reply;
        LOG.warn("{} got no usable answer from the issuer's CBS: {}", call, noAnswer.detail());
        return new Refused(ResponseCode.ISSUER_SYSTEM_ERROR, "no answer from the issuer's core banking system");
    }
}
