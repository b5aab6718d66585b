package org.openscis.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweProfile;
import org.openscis.router.Handler;
import org.openscis.router.HandlerRegistry;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.Participant;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.gate.GateDecision;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.JdbcIdempotencyStore;
import org.openscis.server.testing.MutableClock;

/** Idempotency of decisions.md §4 over the real (H2) store. */
class DispatcherTest {

    private static final Participant APPGW = new Participant("39990157", Participant.Kind.APP_GATEWAY,
            EnumSet.allOf(MessageType.class), "k", null, JweProfile.RSA_OAEP_256_A128GCM, null);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final Database db = Database.openH2InMemory("dispatcher_" + System.nanoTime());
    private final JdbcIdempotencyStore store = new JdbcIdempotencyStore(db,
            new DataCipher(DataKeyring.ephemeral(clock)));
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final AtomicInteger runs = new AtomicInteger();
    private CompletableFuture<Outcome> nextOutcome;
    private final AtomicReference<Request> lastRequest = new AtomicReference<>();

    private final Handler handler = new Handler() {
        @Override
        public MessageType type() {
            return MessageType.CVM_INQUIRY;
        }

        @Override
        public CompletionStage<Outcome> handle(Request request) {
            runs.incrementAndGet();
            lastRequest.set(request);
            if (nextOutcome != null) {
                return nextOutcome;
            }
            return CompletableFuture.completedFuture(Outcome.ok(TrxInfo.builder().put("run", "" + runs.get()).build()));
        }
    };

    @AfterEach
    void close() {
        timer.shutdownNow();
        db.close();
    }

    private Dispatcher dispatcher(Duration deadline) {
        return dispatcher(deadline, RecordedAnswers.NONE);
    }

    private Dispatcher dispatcher(Duration deadline, RecordedAnswers recorded) {
        return new Dispatcher(new HandlerRegistry().register(handler), store,
                new ResponseFactory(codec, clock, ZoneOffset.UTC), clock, timer, deadline, recorded);
    }

    private static GateDecision.Admitted request(String msgId, String note) {
        MsgInfo info = new MsgInfo("1.0.0", msgId, "20261125120000", "CVM_INQUIRY", "39990157");
        return new GateDecision.Admitted(MessageType.CVM_INQUIRY,
                Envelope.request(info, TrxInfo.builder().put("note", note).build()), APPGW);
    }

    private String code(Reply reply) {
        return reply.responseCode();
    }

    @Test
    void exactRetryReturnsTheOriginalResponseWithoutRunningAgain() {
        Dispatcher d = dispatcher(Duration.ofSeconds(8));
        Reply first = d.dispatch(request("A3999015720261125120000000001", "x")).join();
        clock.advance(Duration.ofSeconds(5));
        Reply again = d.dispatch(request("A3999015720261125120000000001", "x")).join();
        assertThat(code(first)).isEqualTo("00");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(runs).hasValue(1);
        assertThat(d.inFlightCount()).isZero();
    }

    @Test
    void sameMsgIdWithOtherContentIs94() {
        Dispatcher d = dispatcher(Duration.ofSeconds(8));
        d.dispatch(request("A3999015720261125120000000002", "x")).join();
        Reply other = d.dispatch(request("A3999015720261125120000000002", "y")).join();
        assertThat(code(other)).isEqualTo(ResponseCode.DUPLICATED_TRANSACTION.code());
        assertThat(runs).hasValue(1);
    }

    @Test
    void retryOfAnInFlightRequestWaitsForItsOutcome() {
        Dispatcher d = dispatcher(Duration.ofSeconds(8));
        nextOutcome = new CompletableFuture<>();
        CompletableFuture<Reply> first = d.dispatch(request("A3999015720261125120000000003", "x"));
        CompletableFuture<Reply> retry = d.dispatch(request("A3999015720261125120000000003", "x"));
        assertThat(retry).isNotDone();
        nextOutcome.complete(Outcome.ok(TrxInfo.builder().put("late", "yes").build()));
        assertThat(first.join().body()).isEqualTo(retry.join().body());
        assertThat(new String(retry.join().body(), StandardCharsets.UTF_8)).contains("\"late\":\"yes\"");
        assertThat(runs).hasValue(1);
        assertThat(d.inFlightCount()).isZero();
    }

    @Test
    void handlerFailureIs96AndReleasesTheClaimSoARetryRunsAgain() {
        Dispatcher d = dispatcher(Duration.ofSeconds(8));
        nextOutcome = CompletableFuture.failedFuture(new IllegalStateException("boom"));
        Reply failed = d.dispatch(request("A3999015720261125120000000004", "x")).join();
        assertThat(failed.httpStatus()).isEqualTo(503);
        assertThat(code(failed)).isEqualTo("96");
        assertThat(new String(failed.body(), StandardCharsets.UTF_8)).doesNotContain("boom");
        nextOutcome = null;
        Reply retried = d.dispatch(request("A3999015720261125120000000004", "x")).join();
        assertThat(code(retried)).isEqualTo("00");
        assertThat(runs).hasValue(2);
    }

    @Test
    void deadlinePassedIsPendingAndTheLateOutcomeIsKeptForRetries() {
        Dispatcher d = dispatcher(Duration.ofMillis(50));
        nextOutcome = new CompletableFuture<>();
        Reply pending = d.dispatch(request("A3999015720261125120000000005", "x")).join();
        assertThat(code(pending)).isEqualTo(ResponseCode.PENDING.code());
        nextOutcome.complete(Outcome.ok(TrxInfo.builder().put("final", "yes").build()));
        Reply retried = d.dispatch(request("A3999015720261125120000000005", "x")).join();
        assertThat(code(retried)).isEqualTo("00");
        assertThat(new String(retried.body(), StandardCharsets.UTF_8)).contains("\"final\":\"yes\"");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aHandlerRecordingItsFinalStateWhenTheDeadlineComesIsWaitedFor() {
        Dispatcher d = dispatcher(Duration.ofMillis(50));
        nextOutcome = new CompletableFuture<>();
        CompletableFuture<Reply> reply = d.dispatch(request("A3999015720261125120000000008", "x"));
        assertThat(lastRequest.get().answers().claimFinalAnswer()).isTrue();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> !reply.isDone());
        nextOutcome.complete(Outcome.ok(TrxInfo.builder().put("final", "yes").build()));
        assertThat(code(reply.join())).as("the final answer, not 04").isEqualTo("00");
    }

    @Test
    void afterA04AtTheDeadlineTheHandlerCannotClaimTheAnswer() {
        Dispatcher d = dispatcher(Duration.ofMillis(50));
        nextOutcome = new CompletableFuture<>();
        Reply pending = d.dispatch(request("A3999015720261125120000000009", "x")).join();
        assertThat(code(pending)).isEqualTo(ResponseCode.PENDING.code());
        assertThat(lastRequest.get().answers().claimFinalAnswer())
                .as("the requester heard 04: the final state must be notified").isFalse();
        nextOutcome.complete(Outcome.ok(TrxInfo.EMPTY));
    }

    @Test
    void a04ToARetryOfALocalOriginalCountsForTheOriginal() {
        Dispatcher d = dispatcher(Duration.ofSeconds(8));
        nextOutcome = new CompletableFuture<>();
        CompletableFuture<Reply> original = d.dispatch(request("A3999015720261125120000000010", "x"));
        // a retry whose own deadline has already passed is answered 04 at once
        Reply retry = d.dispatch(request("A3999015720261125120000000010", "x"), Duration.ofSeconds(8)).join();
        assertThat(code(retry)).isEqualTo(ResponseCode.PENDING.code());
        assertThat(lastRequest.get().answers().claimFinalAnswer()).isFalse();
        nextOutcome.complete(Outcome.ok(TrxInfo.EMPTY));
        assertThat(code(original.join())).isEqualTo("00");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRetryOfAnAbandonedClaimGetsTheFinalAnswerAnotherRecordHolds() {
        byte[] recordedBody = "{\"recorded\":true}".getBytes(StandardCharsets.UTF_8);
        Dispatcher d = dispatcher(Duration.ofSeconds(8),
                (insId, msgId) -> Optional.of(new RecordedAnswers.RecordedAnswer("00", recordedBody)));
        GateDecision.Admitted retry = request("A3999015720261125120000000011", "x");
        MsgInfo info = retry.envelope().msgInfo();
        // the original's node recorded the movement's final state, then stopped before storing its answer
        store.claim(info.insID(), info.msgID(), info.msgType(),
                EnvelopeCodec.fingerprint(info.msgType(), retry.envelope().trxInfo()), clock.instant());

        CompletableFuture<Reply> reply = d.dispatch(retry);

        assertThat(reply).as("answered at once, not 04 at the deadline").isDone();
        assertThat(code(reply.join())).isEqualTo("00");
        assertThat(reply.join().body()).isEqualTo(recordedBody);
        assertThat(runs).hasValue(0);
    }

    @Test
    void aStored04OfAMovementSettledSinceIsReplacedByItsFinalAnswer() {
        byte[] finalBody = "{\"final\":true}".getBytes(StandardCharsets.UTF_8);
        Dispatcher d = dispatcher(Duration.ofSeconds(8),
                (insId, msgId) -> Optional.of(new RecordedAnswers.RecordedAnswer("00", finalBody)));
        GateDecision.Admitted retry = request("A3999015720261125120000000016", "x");
        MsgInfo info = retry.envelope().msgInfo();
        // answered 04; the resolver settled the movement, then its node stopped before replacing the 04
        store.claim(info.insID(), info.msgID(), info.msgType(),
                EnvelopeCodec.fingerprint(info.msgType(), retry.envelope().trxInfo()), clock.instant());
        store.complete(info.insID(), info.msgID(), "04", new byte[0], clock.instant());

        Reply reply = d.dispatch(retry).join();

        assertThat(code(reply)).isEqualTo("00");
        assertThat(reply.body()).isEqualTo(finalBody);
        assertThat(store.find(info.insID(), info.msgID())).hasValueSatisfying(e ->
                assertThat(e.responseCode()).as("replaced for later retries").isEqualTo("00"));
        assertThat(runs).hasValue(0);
    }

    @Test
    void anOutcomeThatCannotBeStoredIsAnsweredWhenAnotherRecordKeepsIt() {
        GateDecision.Admitted admitted = request("A3999015720261125120000000012", "x");
        MsgInfo info = admitted.envelope().msgInfo();
        // storing the answer fails: the claim is gone when the handler finishes
        nextOutcome = CompletableFuture.supplyAsync(() -> {
            store.release(info.insID(), info.msgID());
            return Outcome.ok(TrxInfo.builder().put("moved", "yes").build());
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        Dispatcher kept = dispatcher(Duration.ofSeconds(8),
                (insId, msgId) -> Optional.of(new RecordedAnswers.RecordedAnswer("00", new byte[0])));

        Reply reply = kept.dispatch(admitted).join();

        assertThat(code(reply)).as("the money moved: not 96").isEqualTo("00");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("\"moved\":\"yes\"");

        nextOutcome = CompletableFuture.supplyAsync(() -> {
            store.release(info.insID(), "A3999015720261125120000000013");
            return Outcome.ok(TrxInfo.EMPTY);
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        Reply unrecorded = dispatcher(Duration.ofSeconds(8)).dispatch(request("A3999015720261125120000000013", "x"))
                .join();
        assertThat(code(unrecorded)).isEqualTo("96");
    }

    @Test
    void aRetryOfAClaimLeftOpenWithoutATraceRunsTheRequestAgainWhenThatIsSafe() {
        RecordedAnswers noTrace = new RecordedAnswers() {
            @Override
            public Optional<RecordedAnswer> find(String insId, String msgId) {
                return Optional.empty();
            }

            @Override
            public boolean rerunnable(String insId, String msgId, String msgType) {
                return true;
            }
        };
        Dispatcher d = dispatcher(Duration.ofMillis(300), noTrace);
        GateDecision.Admitted retry = request("A3999015720261125120000000014", "x");
        MsgInfo info = retry.envelope().msgInfo();
        // the original's node stopped right after claiming
        store.claim(info.insID(), info.msgID(), info.msgType(),
                EnvelopeCodec.fingerprint(info.msgType(), retry.envelope().trxInfo()), clock.instant());

        assertThat(code(d.dispatch(retry).join())).as("the original may still be running").isEqualTo("04");
        assertThat(runs).hasValue(0);

        clock.advance(Duration.ofSeconds(1));
        assertThat(code(d.dispatch(retry).join())).isEqualTo("00");
        assertThat(runs).hasValue(1);
        assertThat(lastRequest.get().answers().claimFinalAnswer())
                .as("earlier retries heard 04: the rerun's final state is notified").isFalse();
        assertThat(code(d.dispatch(retry).join())).as("now answered from storage").isEqualTo("00");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aClaimLeftOpenIsNeverTakenOverWhenASecondRunIsNotKnownToBeSafe() {
        Dispatcher d = dispatcher(Duration.ofMillis(200));
        GateDecision.Admitted retry = request("A3999015720261125120000000015", "x");
        MsgInfo info = retry.envelope().msgInfo();
        store.claim(info.insID(), info.msgID(), info.msgType(),
                EnvelopeCodec.fingerprint(info.msgType(), retry.envelope().trxInfo()), clock.instant());
        clock.advance(Duration.ofSeconds(5));

        assertThat(code(d.dispatch(retry).join())).isEqualTo("04");
        assertThat(runs).hasValue(0);
    }

    @Test
    void retryOfAnOriginalClaimedElsewhereStopsWatchingStorageAtItsDeadline() {
        Dispatcher d = dispatcher(Duration.ofMillis(150));
        GateDecision.Admitted retry = request("A3999015720261125120000000007", "x");
        MsgInfo info = retry.envelope().msgInfo();
        // claimed by a node that died: the record stays IN_FLIGHT
        store.claim(info.insID(), info.msgID(), info.msgType(),
                EnvelopeCodec.fingerprint(info.msgType(), retry.envelope().trxInfo()), clock.instant());
        Reply pending = d.dispatch(retry).join();
        assertThat(code(pending)).isEqualTo(ResponseCode.PENDING.code());
        // no poll left behind: the timer stays idle (a poll is briefly off the queue only while it runs)
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> timer.getQueue().isEmpty());
        assertThat(runs).hasValue(0);
    }

    @Test
    void responsesEchoMsgInfoWithTheSwitchTimeStamp() {
        Reply r = dispatcher(Duration.ofSeconds(8)).dispatch(request("A3999015720261125120000000006", "x")).join();
        Envelope e = ((org.openscis.codec.envelope.DecodeResult.Ok) codec.decode(r.body())).envelope();
        assertThat(e.msgInfo().msgID()).isEqualTo("A3999015720261125120000000006");
        assertThat(e.msgInfo().timeStamp()).isEqualTo("20261125120000");
        assertThat(e.msgResponse().responseCode()).isEqualTo("00");
    }

    @Test
    void theDeadlineDependsOnTheMessageType() {
        nextOutcome = new CompletableFuture<>();
        Dispatcher standardOnly = new Dispatcher(new HandlerRegistry().register(handler), store,
                new ResponseFactory(codec, clock, ZoneOffset.UTC), clock, timer,
                RequestDeadlines.uniform(Duration.ofSeconds(8)), RecordedAnswers.NONE);
        Reply late = standardOnly.dispatch(request("A3999015720261125120000000090", "x"), Duration.ofSeconds(9))
                .join();
        assertThat(code(late)).isEqualTo(ResponseCode.PENDING.code());

        Dispatcher longer = new Dispatcher(new HandlerRegistry().register(handler), store,
                new ResponseFactory(codec, clock, ZoneOffset.UTC), clock, timer,
                RequestDeadlines.uniform(Duration.ofSeconds(8)).with(MessageType.CVM_INQUIRY, Duration.ofSeconds(35)),
                RecordedAnswers.NONE);
        CompletableFuture<Reply> waiting = longer.dispatch(request("A3999015720261125120000000091", "x"),
                Duration.ofSeconds(9));
        assertThat(waiting).isNotDone();
        nextOutcome.complete(Outcome.ok(TrxInfo.builder().put("late", "yes").build()));
        assertThat(code(waiting.join())).isEqualTo("00");
    }

    @Test
    void perTypeDeadlinesFallBackToTheStandardOne() {
        RequestDeadlines d = RequestDeadlines.uniform(Duration.ofSeconds(8))
                .with(MessageType.CPQRC_PAYMENT, Duration.ofSeconds(35));
        assertThat(d.of(MessageType.CPQRC_PAYMENT)).isEqualTo(Duration.ofSeconds(35));
        assertThat(d.of(MessageType.BILL_PAYMENT)).isEqualTo(Duration.ofSeconds(8));
        assertThat(d.standard()).isEqualTo(Duration.ofSeconds(8));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> d.with(MessageType.BILL_PAYMENT, Duration.ZERO));
    }
}
