package org.openscis.server.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.router.AnswerRace;
import org.openscis.router.Handler;
import org.openscis.router.HandlerRegistry;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.server.gate.GateDecision;
import org.openscis.server.storage.ClaimResult;
import org.openscis.server.storage.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs admitted requests exactly once per (insID, msgID) (decisions.md §4): the first request claims the key
 * durably and runs its handler; an exact retry gets the stored response again; a retry of a request still in flight
 * waits for it within its own deadline ({@code 04} if still unknown then); the same msgID with other content gets
 * {@code 94}. Whether the requester hears {@code 04} or the handler's final answer is decided once per request
 * ({@link AnswerRace}): a handler recording a final state when the deadline comes is waited for, and one that
 * finishes after a {@code 04} went out knows it must notify the final state. Called on a worker thread: it may
 * block on storage. The deadline depends on the message type ({@link RequestDeadlines}).
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final long POLL_MILLIS = 100;
    /** Outcomes that leave no trace (see {@link #finish}). */
    private static final Set<ResponseCode> UNRECORDED = EnumSet.of(ResponseCode.FORMAT_ERROR,
            ResponseCode.SIGNATURE_FAILURE, ResponseCode.NOT_SUPPORTED);

    private final HandlerRegistry handlers;
    private final IdempotencyStore idempotency;
    private final ResponseFactory responses;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final RequestDeadlines deadlines;
    private final RecordedAnswers recorded;
    private final Map<String, Running> inFlight = new ConcurrentHashMap<>();

    public Dispatcher(HandlerRegistry handlers, IdempotencyStore idempotency, ResponseFactory responses, Clock clock,
            ScheduledExecutorService timer, Duration deadline) {
        this(handlers, idempotency, responses, clock, timer, deadline, RecordedAnswers.NONE);
    }

    /** @param recorded final answers other records hold, for retries whose original never stored its answer */
    public Dispatcher(HandlerRegistry handlers, IdempotencyStore idempotency, ResponseFactory responses, Clock clock,
            ScheduledExecutorService timer, Duration deadline, RecordedAnswers recorded) {
        this(handlers, idempotency, responses, clock, timer, RequestDeadlines.uniform(deadline), recorded);
    }

    /** @param deadlines each request's end-to-end deadline by its message type */
    public Dispatcher(HandlerRegistry handlers, IdempotencyStore idempotency, ResponseFactory responses, Clock clock,
            ScheduledExecutorService timer, RequestDeadlines deadlines, RecordedAnswers recorded) {
        this.recorded = recorded;
        this.handlers = handlers;
        this.idempotency = idempotency;
        this.responses = responses;
        this.clock = clock;
        this.timer = timer;
        this.deadlines = deadlines;
    }

    /** Never completes exceptionally: failures become {@code 96} replies. */
    public CompletableFuture<Reply> dispatch(GateDecision.Admitted admitted) {
        return dispatch(admitted, Duration.ZERO);
    }

    /**
     * As {@link #dispatch(GateDecision.Admitted)}, for a request that arrived {@code alreadyElapsed} ago (queueing and
     * the gate count against its deadline).
     */
    public CompletableFuture<Reply> dispatch(GateDecision.Admitted admitted, Duration alreadyElapsed) {
        Instant receivedAt = clock.instant().minus(alreadyElapsed);
        MsgInfo msgInfo = admitted.envelope().msgInfo();
        String appId = msgInfo.insID();
        Optional<Handler> handler = handlers.find(admitted.type());
        if (handler.isEmpty()) {
            return CompletableFuture.completedFuture(responses.reply(200, msgInfo, null, ResponseCode.NOT_SUPPORTED,
                    "message type not supported by this switch yet", appId));
        }
        String fingerprint = EnvelopeCodec.fingerprint(msgInfo.msgType(), admitted.envelope().trxInfo());
        ClaimResult claim;
        try {
            claim = idempotency.claim(appId, msgInfo.msgID(), msgInfo.msgType(), fingerprint, receivedAt);
        } catch (RuntimeException e) {
            LOG.error("idempotency store unavailable for {}", msgInfo.msgType(), e);
            return CompletableFuture.completedFuture(unavailable(msgInfo));
        }
        Duration deadline = deadlines.of(admitted.type());
        if (claim instanceof ClaimResult.Existing existing) {
            return retry(handler.get(), admitted, fingerprint, existing, receivedAt, deadline);
        }
        return run(handler.get(), admitted, receivedAt, new AnswerRace(), deadline);
    }

    private CompletableFuture<Reply> run(Handler handler, GateDecision.Admitted admitted, Instant receivedAt,
            AnswerRace race, Duration deadline) {
        MsgInfo msgInfo = admitted.envelope().msgInfo();
        String key = key(msgInfo);
        CompletableFuture<Reply> result = new CompletableFuture<>();
        inFlight.put(key, new Running(result, race));
        CompletableFuture<Outcome> outcome;
        try {
            outcome = handler.handle(new Request(admitted.type(), admitted.envelope(), admitted.participant(),
                    receivedAt, race)).toCompletableFuture();
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((o, error) -> {
            Reply reply = error == null ? finish(msgInfo, o) : failed(msgInfo, error);
            inFlight.remove(key);
            result.complete(reply);
        });
        return withDeadline(result, msgInfo, receivedAt, race, deadline);
    }

    /**
     * Stores the handler's response durably before it is sent (decisions.md §5: durable before acknowledged).
     * Refusals of malformed, undecryptable or unauthorized content ({@link #UNRECORDED}) are not kept: they had no
     * effect, the same bytes would be refused again, and bad input must change no state.
     */
    private Reply finish(MsgInfo msgInfo, Outcome outcome) {
        byte[] body = responses.body(msgInfo, outcome.trxInfo(), outcome.code(), outcome.responseMsg());
        if (UNRECORDED.contains(outcome.code())) {
            releaseQuietly(msgInfo);
            return new Reply(200, body, outcome.code().code(), msgInfo.insID());
        }
        try {
            idempotency.complete(msgInfo.insID(), msgInfo.msgID(), outcome.code().code(), body, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("could not store the response of {} {}", msgInfo.msgType(), msgInfo.msgID(), e);
            // 96 says nothing happened; an outcome another record keeps durably (a money movement's final state)
            // did happen, and a retry will be answered the same from that record
            String code = outcome.code().code();
            return recordedReply(msgInfo).filter(r -> code.equals(r.responseCode()))
                    .map(r -> new Reply(200, body, code, msgInfo.insID()))
                    .orElseGet(() -> unavailable(msgInfo));
        }
        return new Reply(200, body, outcome.code().code(), msgInfo.insID());
    }

    private Reply failed(MsgInfo msgInfo, Throwable error) {
        LOG.error("handler of {} failed for {}", msgInfo.msgType(), msgInfo.msgID(), error);
        releaseQuietly(msgInfo);
        return unavailable(msgInfo);
    }

    private void releaseQuietly(MsgInfo msgInfo) {
        try {
            idempotency.release(msgInfo.insID(), msgInfo.msgID());
        } catch (RuntimeException e) {
            LOG.error("could not release the claim of {}", msgInfo.msgID(), e);
        }
    }

    private CompletableFuture<Reply> retry(Handler handler, GateDecision.Admitted admitted, String fingerprint,
            ClaimResult.Existing existing, Instant receivedAt, Duration deadline) {
        MsgInfo msgInfo = admitted.envelope().msgInfo();
        if (!existing.sameRequest(msgInfo.msgType(), fingerprint)) {
            return CompletableFuture.completedFuture(responses.reply(200, msgInfo, null,
                    ResponseCode.DUPLICATED_TRANSACTION, "msgID already used with other content", msgInfo.insID()));
        }
        if (existing.done()) {
            if (ResponseCode.PENDING.code().equals(existing.responseCode())) {
                // settled since, but the stored 04 was not replaced (its resolver's node stopped in between)
                Optional<Reply> settled = recordedReply(msgInfo);
                if (settled.isPresent()) {
                    supersedeQuietly(msgInfo, settled.get());
                    return CompletableFuture.completedFuture(settled.get());
                }
            }
            return CompletableFuture.completedFuture(new Reply(200, existing.response(), existing.responseCode(), msgInfo.insID()));
        }
        Running local = inFlight.get(key(msgInfo));
        if (local != null) {
            // the original's race: a 04 to this retry also means the original's final state must be notified
            return withDeadline(local.result().thenApply(r -> r), msgInfo, receivedAt, local.race(), deadline);
        }
        Optional<Reply> answered = recordedReply(msgInfo);
        if (answered.isPresent()) {
            return CompletableFuture.completedFuture(answered.get());
        }
        if (abandoned(existing, receivedAt, deadline) && reclaimed(msgInfo, existing, receivedAt)) {
            LOG.warn("{} {}: its original left the claim open without a trace; running it again",
                    msgInfo.msgType(), msgInfo.msgID());
            // earlier retries were answered 04 while the claim looked alive: the final state must be notified
            AnswerRace told = new AnswerRace();
            told.answerPending();
            return run(handler, admitted, receivedAt, told, deadline);
        }
        CompletableFuture<Reply> polled = new CompletableFuture<>();
        schedulePoll(polled, msgInfo);
        CompletableFuture<Reply> bounded = withDeadline(polled, msgInfo, receivedAt, new AnswerRace(), deadline);
        // once this retry is answered (04 at its deadline), nobody waits for the poll: stop it
        bounded.whenComplete((r, e) -> polled.cancel(false));
        return bounded;
    }

    /**
     * The original was claimed on another node (or before a restart): watch storage for its response, or for a
     * final answer another record holds (the original may have stopped before storing its own).
     */
    private void schedulePoll(CompletableFuture<Reply> target, MsgInfo msgInfo) {
        timer.schedule(() -> {
            if (target.isDone()) {
                return;
            }
            try {
                Optional<ClaimResult.Existing> now = idempotency.find(msgInfo.insID(), msgInfo.msgID());
                if (now.isPresent() && now.get().done()) {
                    target.complete(new Reply(200, now.get().response(), now.get().responseCode(), msgInfo.insID()));
                    return;
                }
                Optional<Reply> answered = recordedReply(msgInfo);
                if (answered.isPresent()) {
                    target.complete(answered.get());
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("polling the original of {} failed", msgInfo.msgID(), e);
            }
            schedulePoll(target, msgInfo);
        }, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The reply, or {@code 04} at the request's deadline unless the handler has claimed the answer in {@code race}
     * (it is recording a final state and answers right after): then the reply is awaited a little past the deadline.
     */
    private CompletableFuture<Reply> withDeadline(CompletableFuture<Reply> reply, MsgInfo msgInfo,
            Instant receivedAt, AnswerRace race, Duration deadline) {
        Duration left = deadline.minus(Duration.between(receivedAt, clock.instant()));
        Reply pending = responses.reply(200, msgInfo, null, ResponseCode.PENDING, null, msgInfo.insID());
        CompletableFuture<Reply> bounded = new CompletableFuture<>();
        reply.whenComplete((r, e) -> bounded.complete(e == null ? r : unavailable(msgInfo)));
        Runnable atDeadline = () -> {
            if (!bounded.isDone() && race.answerPending()) {
                bounded.complete(pending);
            }
        };
        if (left.isNegative() || left.isZero()) {
            atDeadline.run();
            return bounded;
        }
        ScheduledFuture<?> timeout = timer.schedule(atDeadline, left.toMillis(), TimeUnit.MILLISECONDS);
        bounded.whenComplete((r, e) -> timeout.cancel(false));
        return bounded;
    }

    private void supersedeQuietly(MsgInfo msgInfo, Reply settled) {
        try {
            idempotency.supersedePending(msgInfo.insID(), msgInfo.msgID(), settled.responseCode(), settled.body(),
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not replace the pending answer of {}", msgInfo.msgID(), e);
        }
    }

    /** An open claim older than a whole request deadline: its original has answered, or is gone. */
    private boolean abandoned(ClaimResult.Existing existing, Instant receivedAt, Duration deadline) {
        return existing.createdAt().plus(deadline).isBefore(receivedAt);
    }

    private boolean reclaimed(MsgInfo msgInfo, ClaimResult.Existing existing, Instant receivedAt) {
        try {
            return recorded.rerunnable(msgInfo.insID(), msgInfo.msgID(), msgInfo.msgType())
                    && idempotency.reclaim(msgInfo.insID(), msgInfo.msgID(), existing.createdAt(), receivedAt);
        } catch (RuntimeException e) {
            LOG.warn("taking over the open claim of {} failed", msgInfo.msgID(), e);
            return false;
        }
    }

    /** The final answer another record holds for the request, if any; empty when storage fails. */
    private Optional<Reply> recordedReply(MsgInfo msgInfo) {
        try {
            return recorded.find(msgInfo.insID(), msgInfo.msgID())
                    .map(a -> new Reply(200, a.body(), a.responseCode(), msgInfo.insID()));
        } catch (RuntimeException e) {
            LOG.warn("looking up the recorded answer of {} failed", msgInfo.msgID(), e);
            return Optional.empty();
        }
    }

    private Reply unavailable(MsgInfo msgInfo) {
        return responses.reply(503, msgInfo, null, ResponseCode.SYSTEM_ERROR, null, msgInfo.insID());
    }

    private static String key(MsgInfo msgInfo) {
        return msgInfo.insID() + '\u0000' + msgInfo.msgID();
    }

    /** A request running on this node: its reply to come, and who answers it. */
    private record Running(CompletableFuture<Reply> result, AnswerRace race) {}

    /** For tests: requests currently running on this node. */
    int inFlightCount() {
        return inFlight.size();
    }

}
