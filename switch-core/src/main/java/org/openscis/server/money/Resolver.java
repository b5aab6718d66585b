package org.openscis.server.money;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.CbsCall;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.CoreBanking;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.SwitchIds;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.openscis.server.dispatch.ResponseFactory;
import org.openscis.server.storage.ClaimResult;
import org.openscis.server.storage.IdempotencyStore;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles money movements whose outcome is unknown (decisions.md §5): those answered {@code 04} (UNKNOWN) and those
 * abandoned in RECEIVED or SENT by a crash. A payment abandoned in AWAITING_CVM (its node stopped while it waited for
 * the cardholder, decisions.md §7) becomes due after its verification timeout and is declined {@code 05} without a
 * CBS call: nothing was sent. It asks the CBS with TRANSACTION_INQUIRY and takes its word (APPROVED →
 * RESOLVED_APPROVED; DECLINED → RESOLVED_DECLINED with the CBS's code); when the CBS never saw the movement, or cannot
 * say after {@link ResolutionSettings#inquiriesBeforeReversal()} tries, it sends REVERSAL until acknowledged (the CBS
 * undoes the movement if it was applied and refuses it forever if it arrives later) → RESOLVED_DECLINED with 91. A
 * reversal the CBS refuses (the money was spent or withdrawn meanwhile) is followed by an inquiry, whose answer then
 * settles the movement.
 *
 * <p>Settling writes the final state with its TRX_RESULT_NOTIFICATION in one transaction, then replaces the stored
 * {@code 04} response so that a retry of the original request gets the final answer.
 */
public final class Resolver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);
    /** The code of a movement the resolver had to reverse: the issuer failed to answer, nothing stayed debited. */
    public static final ResponseCode REVERSED_CODE = ResponseCode.ISSUER_SYSTEM_ERROR;
    private static final DateTimeFormatter TRANS_DATETIME = DateTimeFormatter.ofPattern("MMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final TransactionStore transactions;
    private final CoreBanking coreBanking;
    private final SwitchIds ids;
    private final IdempotencyStore idempotency;
    private final ResponseFactory responses;
    private final FinalNotices notices;
    private final ResolutionSettings settings;
    private final Clock clock;
    private final ExecutorService workers;
    private final Consumer<String> onSettled;

    /**
     * @param workers   bounded pool the per-transaction resolutions run on (they block on CBS answers)
     * @param onSettled told the outcome label ("approved", "declined", "reversed", "retry") of every attempt, for
     *                  metrics
     */
    public Resolver(TransactionStore transactions, CoreBanking coreBanking, SwitchIds ids,
            IdempotencyStore idempotency, ResponseFactory responses, FinalNotices notices,
            ResolutionSettings settings, Clock clock, ExecutorService workers, Consumer<String> onSettled) {
        this.transactions = transactions;
        this.coreBanking = coreBanking;
        this.ids = ids;
        this.idempotency = idempotency;
        this.responses = responses;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
        this.workers = workers;
        this.onSettled = onSettled;
    }

    /** One sweep: claims what is due and settles it; never throws (a failed sweep is retried at the next tick). */
    @Override
    public void run() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("resolution sweep failed", e);
        }
    }

    /** Claims due transactions and settles them, waiting until every attempt of this sweep has finished. */
    public int sweep() {
        Instant now = clock.instant();
        List<MoneyTransaction> due = transactions.claimDue(now, settings.lease(), settings.batchSize());
        List<CompletableFuture<Void>> running = new ArrayList<>(due.size());
        for (MoneyTransaction trx : due) {
            running.add(CompletableFuture.runAsync(() -> resolveQuietly(trx), workers));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    private void resolveQuietly(MoneyTransaction trx) {
        try {
            onSettled.accept(resolve(trx));
        } catch (RuntimeException e) {
            LOG.error("resolving {} failed; it will be retried", trx.trxId(), e);
            retryLater(trx);
            onSettled.accept("retry");
        }
    }

    /** Settles one transaction, or schedules another attempt; returns what happened. */
    String resolve(MoneyTransaction trx) {
        Instant now = clock.instant();
        if (trx.state() == TrxState.AWAITING_CVM) {
            // due only after its verification timeout: its node stopped while waiting; no CBS call was made
            return settle(trx, TrxState.DECLINED, ResponseCode.CARDHOLDER_VERIFICATION_FAILED) ? "declined" : "raced";
        }
        if (trx.state() != TrxState.UNKNOWN && now.isBefore(trx.createdAt().plus(settings.staleAfter()))) {
            // possibly still running on a live node: look again once it cannot be any more
            transactions.scheduleRetry(trx.trxId(), trx.attempts(), trx.createdAt().plus(settings.staleAfter()));
            return "waiting";
        }
        if (trx.attempts() < settings.inquiriesBeforeReversal()) {
            CbsReply reply = inquire(trx);
            String settled = settleAsTheCbsSays(trx, reply);
            if (settled != null) {
                return settled;
            }
            boolean neverSeen = reply instanceof CbsReply.Answered a && a.code() == ResponseCode.ORIGINAL_NOT_FOUND;
            if (!neverSeen) {
                retryLater(trx);
                return "retry";
            }
        }
        return reverse(trx);
    }

    private CbsReply inquire(MoneyTransaction trx) {
        return call(trx, CbsOperation.TRANSACTION_INQUIRY, TrxInfo.builder()
                .put("origTrxId", trx.trxId())
                .put("origTrxType", trx.operation().name())
                .build());
    }

    /** Settles as a TRANSACTION_INQUIRY answer says; null if it says nothing usable. */
    private String settleAsTheCbsSays(MoneyTransaction trx, CbsReply reply) {
        if (!(reply instanceof CbsReply.Answered a) || a.code() != ResponseCode.APPROVED) {
            return null;
        }
        String status = a.trxInfo().string("paymentStatus");
        if ("APPROVED".equals(status)) {
            return settle(trx, TrxState.RESOLVED_APPROVED, ResponseCode.APPROVED) ? "approved" : "raced";
        }
        if ("DECLINED".equals(status)) {
            ResponseCode code = ResponseCode.fromCode(a.trxInfo().string("origRespCode"))
                    .filter(c -> !c.approved()).orElse(ResponseCode.ISSUER_DECLINED);
            return settle(trx, TrxState.RESOLVED_DECLINED, code) ? "declined" : "raced";
        }
        if ("REVERSED".equals(status)) {
            return settle(trx, TrxState.RESOLVED_DECLINED, REVERSED_CODE) ? "reversed" : "raced";
        }
        return null;
    }

    private String reverse(MoneyTransaction trx) {
        Currency currency = Currency.byNumeric(trx.currency()).orElseThrow();
        String trxId = trx.trxId();
        CbsReply reply = call(trx, CbsOperation.REVERSAL, TrxInfo.builder()
                .put("origMsgId", trxId)
                .put("origMsgType", trx.operation().name())
                .put("trxAmt", new Amount(trx.amountMinor(), currency).toWire())
                .put("trxCurrency", trx.currency())
                .put("traceNum", trxId.substring(trxId.length() - 6))
                .put("transDatetime", TRANS_DATETIME.format(clock.instant()))
                .build());
        if (reply instanceof CbsReply.Answered a && a.code() == ResponseCode.APPROVED) {
            return settle(trx, TrxState.RESOLVED_DECLINED, REVERSED_CODE) ? "reversed" : "raced";
        }
        if (reply instanceof CbsReply.Answered) {
            // the CBS answers but will not undo the movement (a credit already spent, cash already withdrawn): it
            // stands, and asking again how it ended settles it; reversing again would be refused forever
            String settled = settleAsTheCbsSays(trx, inquire(trx));
            if (settled != null) {
                return settled;
            }
        }
        LOG.warn("reversal of {} not acknowledged ({}); retrying later", trxId, describe(reply));
        retryLater(trx);
        return "retry";
    }

    private CbsReply call(MoneyTransaction trx, CbsOperation op, TrxInfo trxInfo) {
        Instant now = clock.instant();
        CbsCall call = new CbsCall(op, ids.cbsMsgId(trx.issuerIin(), now), trxInfo);
        try {
            return coreBanking.call(trx.issuerIin(), call, now.plus(settings.callTimeout())).toCompletableFuture()
                    .get(settings.callTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CbsReply.NoAnswer("interrupted");
        } catch (Exception e) {
            return new CbsReply.NoAnswer(e.getClass().getSimpleName());
        }
    }

    private void retryLater(MoneyTransaction trx) {
        int attempts = trx.attempts() + 1;
        transactions.scheduleRetry(trx.trxId(), attempts, clock.instant().plus(settings.delayAfter(attempts)));
    }

    /**
     * Moves the transaction to its final state (with its notifications), then gives the original request its final
     * answer. False if another party (the original call, or another node) settled it first.
     */
    private boolean settle(MoneyTransaction trx, TrxState finalState, ResponseCode code) {
        Instant now = clock.instant();
        if (!transactions.transition(trx.trxId(), trx.state(), finalState, code.code(),
                notices.forFinal(trx, finalState, code.code()), now)) {
            return false;
        }
        LOG.info("settled {} as {} ({})", trx.trxId(), finalState, code.code());
        storeFinalResponse(trx, finalState, code, now);
        return true;
    }

    private void storeFinalResponse(MoneyTransaction trx, TrxState finalState, ResponseCode code, Instant now) {
        byte[] response = FinalAnswers.body(responses, trx, finalState, code);
        try {
            if (idempotency.supersedePending(trx.insId(), trx.msgId(), code.code(), response, now)) {
                return;
            }
            // the original never stored an answer (the node stopped mid-flight): its claim is abandoned
            Optional<ClaimResult.Existing> claim = idempotency.find(trx.insId(), trx.msgId());
            if (claim.isPresent() && !claim.get().done()) {
                idempotency.complete(trx.insId(), trx.msgId(), code.code(), response, now);
            }
        } catch (RuntimeException e) {
            // the state is final and notified; a retry of the original then reads the transaction's state instead
            LOG.warn("could not store the final response of {}", trx.trxId(), e);
        }
    }

    private static String describe(CbsReply reply) {
        if (reply instanceof CbsReply.Answered a) {
            return "answered " + a.code().code();
        }
        if (reply instanceof CbsReply.NotSent n) {
            return "not sent: " + n.code().code();
        }
        return "no answer: " + ((CbsReply.NoAnswer) reply).detail();
    }

    /** For tests and metrics: how long until a transaction with this many attempts is looked at again. */
    Duration delayAfter(int attempts) {
        return settings.delayAfter(attempts);
    }
}
