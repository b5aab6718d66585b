package org.openscis.router.money;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.openscis.router.Outcome;
import org.openscis.router.port.CbsCall;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.CoreBanking;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.Participant;
import org.openscis.router.port.SwitchIds;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs a money movement exactly once (decisions.md §5):
 * <ol>
 *   <li>the transaction is stored RECEIVED, under the requester's (insID, msgID), before the CBS hears of it; if that
 *       request already has a transaction (a retry whose idempotency claim was released, e.g. after a crash), the
 *       CBS is not called again and the answer comes from the stored transaction: its final code and reply, or 04
 *       while it is open;</li>
 *   <li>with a daily limit, the card's total of the day is read again now that this movement counts in it: of two
 *       concurrent requests that each fit alone but not together, neither gets past this point unnoticed (61,
 *       declined without a CBS call); a movement's {@link RecordedCheck} is checked again here too;</li>
 *   <li>with a {@link CallGate} (a consumer-presented payment awaiting the cardholder's verification), the gate
 *       holds the record (AWAITING_CVM) without a thread and then lets it proceed or declines it without a CBS call;
 *       the record becomes due for the resolver the gate's longest wait later than others;</li>
 *   <li>RECEIVED (or the gate's state) → SENT, then one CBS call with the deadline now + the CBS call timeout;</li>
 *   <li>the reply decides the final state, stored with the callbacks it causes in one transition: answered 00 →
 *       APPROVED; answered 04 → UNKNOWN; any other answer → DECLINED with the CBS's code unchanged (01, 32, 51, 70,
 *       71, 72, 74, 75, 76, ...); not sent (91, 92, 98) → DECLINED with that code; no answer → UNKNOWN, answered 04
 *       and left to the background resolver. A final state the handler reaches after the requester was already
 *       answered 04 (its request deadline came first, see {@link org.openscis.router.AnswerRace}) is stored with the
 *       requester's TRX_RESULT_NOTIFICATION (not to an acquirer, which repeats its request instead), as a final
 *       state the resolver reaches is.</li>
 * </ol>
 * A compare-and-set that fails (the resolver got there first) is answered from what is stored. The stage never
 * completes exceptionally once the CBS may have been called: a storage failure after the call is answered 04, since
 * the CBS may have acted and the open record will be resolved. Before the call, a storage failure is an exception
 * (96), and nothing was moved.
 */
public final class MoneyMovement {

    private static final Logger LOG = LoggerFactory.getLogger(MoneyMovement.class);

    /** A taken CBS msgID is a generator fault or an astronomically rare clash; a few fresh draws settle it. */
    static final int MAX_CBS_MSG_ID_DRAWS = 3;
    /**
     * A RECEIVED or SENT record becomes due for the background resolver this many CBS call timeouts after it was
     * created: one for the call, one more for recording its outcome. Only a record its handler never settled (a crash,
     * storage down) is still open then; the resolver and a late handler both change state by compare-and-set.
     */
    static final int STALE_AFTER_CALL_TIMEOUTS = 2;

    private final CoreBanking coreBanking;
    private final TransactionStore transactions;
    private final SwitchIds ids;
    private final Duration cbsCallTimeout;
    private final Clock clock;

    public MoneyMovement(CoreBanking coreBanking, TransactionStore transactions, SwitchIds ids, Duration cbsCallTimeout,
            Clock clock) {
        this.coreBanking = coreBanking;
        this.transactions = transactions;
        this.ids = ids;
        this.cbsCallTimeout = cbsCallTimeout;
        this.clock = clock;
    }

    /** The requester's outcome; business outcomes never complete the stage exceptionally. */
    public CompletionStage<Outcome> execute(Movement movement) {
        return execute(movement, null);
    }

    /**
     * As {@link #execute(Movement)}, with {@code gate} (null: none) between recording the movement and its CBS call:
     * the gate may hold the movement (e.g. AWAITING_CVM) and then let it proceed to SENT or decline it without a CBS
     * call, with the movement's callbacks.
     */
    public CompletionStage<Outcome> execute(Movement movement, CallGate gate) {
        Instant now = clock.instant();
        Duration gateWait = gate == null ? Duration.ZERO : gate.maxWait();
        MoneyTransaction trx = null;
        for (int draw = 0; draw < MAX_CBS_MSG_ID_DRAWS && trx == null; draw++) {
            MoneyTransaction candidate = newRecord(movement, ids.cbsMsgId(movement.issuerIin(), now), now, gateWait);
            if (transactions.create(candidate)) {
                trx = candidate;
                continue;
            }
            Optional<MoneyTransaction> existing = transactions.findByRequest(candidate.insId(), candidate.msgId());
            if (existing.isPresent()) {
                LOG.info("{} {} already has transaction {} ({}); answering from it without calling the CBS",
                        candidate.insId(), candidate.msgId(), existing.get().trxId(), existing.get().state());
                return done(answer(existing.get(), movement));
            }
            LOG.warn("CBS msgID {} is already taken; drawing another", candidate.trxId());
        }
        if (trx == null) {
            throw new IllegalStateException("no free CBS msgID after " + MAX_CBS_MSG_ID_DRAWS + " draws");
        }
        if (movement.dailyLimit() != null && overDailyLimit(movement.dailyLimit())) {
            return done(declineBeforeCall(trx, TrxState.RECEIVED, movement, ResponseCode.EXCEEDS_LIMIT,
                    "above the card's daily limit"));
        }
        if (movement.recheck() != null) {
            RecordedCheck.Refusal refusal = movement.recheck().check(trx);
            if (refusal != null) {
                return done(declineBeforeCall(trx, TrxState.RECEIVED, movement, refusal.code(), refusal.detail()));
            }
        }
        if (gate == null) {
            return send(trx, TrxState.RECEIVED, movement);
        }
        MoneyTransaction received = trx;
        return gate.pass(received, movement).thenCompose(passage -> {
            if (passage instanceof CallGate.Passage.Proceed proceed) {
                return send(received, proceed.from(), movement);
            }
            if (passage instanceof CallGate.Passage.Decline decline) {
                return done(declineBeforeCall(received, decline.from(), movement, decline.code(), decline.detail()));
            }
            return done(answerFromStore(received.trxId(), movement));
        });
    }

    /** {@code from} → SENT, then the one CBS call and its outcome. */
    private CompletionStage<Outcome> send(MoneyTransaction trx, TrxState from, Movement movement) {
        if (!transactions.transition(trx.trxId(), from, TrxState.SENT, null, List.of(), clock.instant())) {
            return done(answerFromStore(trx.trxId(), movement));
        }
        MoneyTransaction sent = trx.withState(TrxState.SENT, null, clock.instant());
        return call(sent).thenApply(reply -> settle(sent, reply, movement));
    }

    private CompletionStage<CbsReply> call(MoneyTransaction trx) {
        Instant deadline = clock.instant().plus(cbsCallTimeout);
        CompletionStage<CbsReply> reply;
        try {
            reply = coreBanking.call(trx.issuerIin(), new CbsCall(trx.operation(), trx.trxId(), trx.cbsRequest()),
                    deadline);
        } catch (RuntimeException e) {
            // The port promises values, not exceptions; if one comes anyway the request may have left: unknown.
            LOG.error("the CBS link threw for {}", trx.trxId(), e);
            return CompletableFuture.completedFuture(new CbsReply.NoAnswer("the CBS link failed"));
        }
        return reply.handle((r, error) -> {
            if (error != null || r == null) {
                LOG.error("the CBS link failed for {}", trx.trxId(), error);
                return new CbsReply.NoAnswer("the CBS link failed");
            }
            return r;
        });
    }

    private Outcome settle(MoneyTransaction sent, CbsReply reply, Movement movement) {
        try {
            Decision decision = decide(reply);
            Instant now = clock.instant();
            List<Notification> callbacks = decision.state().isFinal()
                    ? finalCallbacks(sent.withState(decision.state(), decision.code(), now), movement)
                    : List.of();
            if (!transactions.transition(sent.trxId(), TrxState.SENT, decision.state(), decision.code(), callbacks,
                    now)) {
                LOG.info("transaction {} changed while its CBS call was out; answering from storage", sent.trxId());
                return answerFromStore(sent.trxId(), movement);
            }
            log(sent, reply, decision);
            return answer(decision.state(), decision.code(), movement.approvedReply(), movement);
        } catch (RuntimeException e) {
            LOG.error("could not record the CBS outcome of {}; answering 04, the resolver will settle it",
                    sent.trxId(), e);
            return pending(movement);
        }
    }

    static Decision decide(CbsReply reply) {
        if (reply instanceof CbsReply.Answered answered) {
            if (answered.code() == ResponseCode.APPROVED) {
                return new Decision(TrxState.APPROVED, ResponseCode.APPROVED.code());
            }
            if (answered.code() == ResponseCode.PENDING) {
                return new Decision(TrxState.UNKNOWN, ResponseCode.PENDING.code());
            }
            return new Decision(TrxState.DECLINED, answered.code().code());
        }
        if (reply instanceof CbsReply.NotSent notSent) {
            return new Decision(TrxState.DECLINED, notSent.code().code());
        }
        return new Decision(TrxState.UNKNOWN, ResponseCode.PENDING.code());
    }

    private boolean overDailyLimit(DailyLimit limit) {
        return transactions.outgoingSince(limit.cardId(), limit.currency(), limit.since()) > limit.limitMinor();
    }

    /**
     * The callbacks stored with a final state the handler reaches: the movement's own, and the requester's
     * TRX_RESULT_NOTIFICATION if the requester was already answered 04 because its deadline came first.
     */
    static List<Notification> finalCallbacks(MoneyTransaction done, Movement movement) {
        List<Notification> own = movement.notifications().forFinal(done, done.state(), done.responseCode());
        if (movement.request().answers().claimFinalAnswer()
                || movement.request().participant().kind() == Participant.Kind.ACQUIRER) {
            // an acquirer has no callback: it learns a final state after a 04 by retrying its request
            return own;
        }
        Notification requester = TrxResultNotifications.forTransaction(done, done.state(), done.responseCode());
        boolean included = own.stream().anyMatch(n -> n.type() == requester.type()
                && n.recipientInsId().equals(requester.recipientInsId())
                && Objects.equals(n.orderKey(), requester.orderKey()));
        if (included) {
            return own;
        }
        List<Notification> all = new ArrayList<>(own.size() + 1);
        all.add(requester);
        all.addAll(own);
        return all;
    }

    private Outcome declineBeforeCall(MoneyTransaction trx, TrxState from, Movement movement, ResponseCode code,
            String detail) {
        Instant now = clock.instant();
        if (!transactions.transition(trx.trxId(), from, TrxState.DECLINED, code.code(),
                finalCallbacks(trx.withState(TrxState.DECLINED, code.code(), now), movement), now)) {
            return answerFromStore(trx.trxId(), movement);
        }
        LOG.info("{} {} declined {} before the CBS call: {}", trx.operation(), trx.trxId(), code.code(), detail);
        return Outcome.fail(code, detail, movement.echo());
    }

    private Outcome answerFromStore(String trxId, Movement movement) {
        return transactions.find(trxId)
                .map(stored -> answer(stored, movement))
                .orElseThrow(() -> new IllegalStateException("transaction " + trxId + " vanished"));
    }

    private static Outcome answer(MoneyTransaction stored, Movement movement) {
        return answer(stored.state(), stored.responseCode(), stored.approvedReply(), movement);
    }

    /** Open states are 04; a final state answers its stored code, and an approval its stored reply. */
    private static Outcome answer(TrxState state, String code, TrxInfo approvedReply,
            Movement movement) {
        if (!state.isFinal()) {
            return pending(movement);
        }
        if (ResponseCode.APPROVED.code().equals(code) || (code == null && state.moved())) {
            return Outcome.ok(approvedReply);
        }
        Optional<ResponseCode> known = ResponseCode.fromCode(code);
        if (known.isEmpty()) {
            LOG.error("a final transaction carries the unknown response code {}", code);
            return Outcome.fail(ResponseCode.OTHER_ERROR, null, movement.echo());
        }
        return Outcome.fail(known.get(), null, movement.echo());
    }

    private static Outcome pending(Movement movement) {
        return Outcome.fail(ResponseCode.PENDING, null, movement.echo());
    }

    private MoneyTransaction newRecord(Movement m, String trxId, Instant now, Duration gateWait) {
        MsgInfo msgInfo = m.request().msgInfo();
        return new MoneyTransaction(trxId, m.request().participant().insId(), msgInfo.msgID(), m.request().type(),
                msgInfo.versionNo(), msgInfo.timeStamp(), m.issuerIin(), m.cardId(), m.token(), m.deviceId(),
                m.operation(), m.amountMinor(), m.currency(), m.cbsRequest().build(trxId, now), m.approvedReply(),
                TrxState.RECEIVED, null, m.notifyOnFinal(), 0,
                now.plus(gateWait).plus(cbsCallTimeout.multipliedBy(STALE_AFTER_CALL_TIMEOUTS)), now, now);
    }

    private static void log(MoneyTransaction trx, CbsReply reply, Decision decision) {
        String how;
        if (reply instanceof CbsReply.Answered) {
            how = "answered";
        } else if (reply instanceof CbsReply.NotSent notSent) {
            how = "not sent (" + Masking.digits(notSent.detail()) + ")";
        } else {
            how = "no answer (" + Masking.digits(((CbsReply.NoAnswer) reply).detail()) + ")";
        }
        LOG.info("{} {} for {}/{}: CBS {}, now {} {}", trx.operation(), trx.trxId(), trx.insId(), trx.msgId(), how,
                decision.state(), decision.code());
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** The state a CBS reply leads to and the code the requester gets. */
    record Decision(TrxState state, String code) {}
}
