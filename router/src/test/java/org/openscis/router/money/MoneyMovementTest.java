package org.openscis.router.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.testing.MoneyFixture.CBS_CALL_TIMEOUT;
import static org.openscis.router.testing.MoneyFixture.ISSUER;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.AnswerRace;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.ScriptedCoreBanking;

class MoneyMovementTest {

    private static final String TOKEN = MoneyFixture.tokenNumber(MoneyFixture.WALLET, "1");
    private static final TrxInfo ECHO = trx("deviceID", DEVICE);

    private final MoneyFixture m = new MoneyFixture();
    private final MoneyMovement movement = new MoneyMovement(m.cbs, m.transactions, m.ids, CBS_CALL_TIMEOUT,
            m.f.clock);
    private final Request request = m.request(MessageType.BILL_PAYMENT, trx("deviceID", DEVICE, "trxAmt", "10"));

    private Movement debit(Request r) {
        return Movement.of(r, ISSUER, "C1", TOKEN, DEVICE, CbsOperation.DEBIT_TRANSACTION, 1000, "156",
                        (cbsMsgId, now) -> trx("trxAmt", "10.00", "traceNum", CbsFields.traceNum(cbsMsgId)))
                .withApprovedReply(ECHO)
                .withEcho(ECHO);
    }

    private static Outcome await(CompletionStage<Outcome> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the movement did not complete normally", e);
        }
    }

    private MoneyTransaction stored() {
        assertThat(m.transactions.all()).hasSize(1);
        return m.transactions.all().get(0);
    }

    @Test
    void theTransactionIsDurableAndReceivedBeforeTheCbsIsCalled() {
        AtomicReference<TrxState> beforeSent = new AtomicReference<>();
        m.transactions.beforeNextTransition(() -> {
            beforeSent.set(stored().state());
            assertThat(m.cbs.calls()).isEmpty();
        });
        m.cbs.script((issuer, call, deadline) -> {
            MoneyTransaction atCall = m.transactions.find(call.cbsMsgId()).orElseThrow();
            assertThat(atCall.state()).isEqualTo(TrxState.SENT);
            assertThat(atCall.cbsRequest()).isEqualTo(call.trxInfo());
            return ScriptedCoreBanking.answered(ResponseCode.APPROVED);
        });

        Outcome outcome = await(movement.execute(debit(request)));

        assertThat(beforeSent.get()).isEqualTo(TrxState.RECEIVED);
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isEqualTo(ECHO);
        MoneyTransaction trx = stored();
        assertThat(trx.state()).isEqualTo(TrxState.APPROVED);
        assertThat(trx.responseCode()).isEqualTo("00");
        assertThat(trx.nextAttemptAt()).isNull();
    }

    @Test
    void theRecordCarriesTheRequestAndTheCallItsIdAndDeadline() {
        Instant now = m.f.clock.instant();
        await(movement.execute(debit(request)));

        MoneyTransaction trx = stored();
        ScriptedCoreBanking.Received call = m.cbs.onlyCall();
        assertThat(call.issuerIin()).isEqualTo(ISSUER);
        assertThat(call.call().operation()).isEqualTo(CbsOperation.DEBIT_TRANSACTION);
        assertThat(call.call().cbsMsgId()).isEqualTo(trx.trxId()).hasSize(29).startsWith("U" + ISSUER);
        assertThat(call.deadline()).isEqualTo(now.plus(CBS_CALL_TIMEOUT));
        assertThat(call.call().trxInfo().string("traceNum")).isEqualTo(trx.trxId().substring(23));
        assertThat(trx.insId()).isEqualTo(WALLET_ID);
        assertThat(trx.msgId()).isEqualTo(request.msgInfo().msgID());
        assertThat(trx.msgType()).isEqualTo(MessageType.BILL_PAYMENT);
        assertThat(trx.msgVersion()).isEqualTo("1.0.0");
        assertThat(trx.msgTimeStamp()).isEqualTo(request.msgInfo().timeStamp());
        assertThat(trx.issuerIin()).isEqualTo(ISSUER);
        assertThat(trx.cardId()).isEqualTo("C1");
        assertThat(trx.token()).isEqualTo(TOKEN);
        assertThat(trx.deviceId()).isEqualTo(DEVICE);
        assertThat(trx.amountMinor()).isEqualTo(1000);
        assertThat(trx.currency()).isEqualTo("156");
        assertThat(trx.approvedReply()).isEqualTo(ECHO);
        assertThat(trx.notifyOnFinal()).isTrue();
        assertThat(trx.createdAt()).isEqualTo(now);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"REFER_TO_ISSUER", "INVALID_MERCHANT",
        "CARDHOLDER_VERIFICATION_FAILED", "INVALID_TRANSACTION", "INVALID_AMOUNT", "INVALID_CARD_NUMBER",
        "OTP_MAX_TRIES", "INSUFFICIENT_BALANCE", "ISSUER_VALIDATION_ERROR", "ISSUER_DECLINED", "ISSUER_MAC_FAILED",
        "OTP_EXPIRED", "INVALID_OTP", "OTP_NOT_FOUND", "FORMAT_ERROR", "ISSUER_SYSTEM_ERROR"})
    void anyOtherCbsAnswerDeclinesWithTheCbsCodeUnchanged(ResponseCode code) {
        m.cbs.answer(code);
        Outcome outcome = await(movement.execute(debit(request)));
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.responseMsg()).isEqualTo(code.message());
        assertThat(outcome.trxInfo()).isEqualTo(ECHO);
        assertThat(stored().state()).isEqualTo(TrxState.DECLINED);
        assertThat(stored().responseCode()).isEqualTo(code.code());
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"ISSUER_SYSTEM_ERROR", "NETWORK_ERROR", "TIMEOUT"})
    void notSentDeclinesWithItsCode(ResponseCode code) {
        m.cbs.notSent(code);
        Outcome outcome = await(movement.execute(debit(request)));
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(stored().state()).isEqualTo(TrxState.DECLINED);
        assertThat(stored().responseCode()).isEqualTo(code.code());
        assertThat(stored().nextAttemptAt()).isNull();
    }

    @Test
    void noAnswerIsPendingAndLeftToTheResolver() {
        Instant now = m.f.clock.instant();
        m.cbs.noAnswer();
        Outcome outcome = await(movement.execute(debit(request)));
        assertThat(outcome.code()).isEqualTo(ResponseCode.PENDING);
        assertThat(outcome.trxInfo()).isEqualTo(ECHO);
        MoneyTransaction trx = stored();
        assertThat(trx.state()).isEqualTo(TrxState.UNKNOWN);
        assertThat(trx.responseCode()).isEqualTo("04");
        assertThat(trx.notifyOnFinal()).isTrue();
        assertThat(trx.nextAttemptAt()).isEqualTo(now.plus(CBS_CALL_TIMEOUT.multipliedBy(2)));
        assertThat(m.transactions.claimDue(now.plus(CBS_CALL_TIMEOUT.multipliedBy(2)), CBS_CALL_TIMEOUT, 10))
                .extracting(MoneyTransaction::trxId).containsExactly(trx.trxId());
        assertThat(m.outbox.entries()).isEmpty();
    }

    @Test
    void aPendingAnswerFromTheCbsIsUnknownToo() {
        m.cbs.answer(ResponseCode.PENDING);
        assertThat(await(movement.execute(debit(request))).code()).isEqualTo(ResponseCode.PENDING);
        assertThat(stored().state()).isEqualTo(TrxState.UNKNOWN);
    }

    @Test
    void aCbsLinkThatFailsOrThrowsAnyway() {
        m.cbs.script((issuer, call, deadline) -> {
            throw new IllegalStateException("link bug");
        });
        assertThat(await(movement.execute(debit(request))).code()).isEqualTo(ResponseCode.PENDING);
        assertThat(stored().state()).isEqualTo(TrxState.UNKNOWN);

        MoneyMovement failing = new MoneyMovement((issuer, call, deadline) -> CompletableFuture.failedFuture(
                new IllegalStateException("stage failed")), m.transactions, m.ids, CBS_CALL_TIMEOUT, m.f.clock);
        Request second = m.request(MessageType.BILL_PAYMENT, trx("deviceID", DEVICE));
        assertThat(await(failing.execute(debit(second))).code()).isEqualTo(ResponseCode.PENDING);
        assertThat(m.transactions.findByRequest(WALLET_ID, second.msgInfo().msgID()).orElseThrow().state())
                .isEqualTo(TrxState.UNKNOWN);
    }

    @Test
    void theSameRequestNeverCallsTheCbsTwice() {
        m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        Outcome first = await(movement.execute(debit(request)));
        Outcome again = await(movement.execute(debit(request)));

        assertThat(m.cbs.calls()).hasSize(1);
        assertThat(m.transactions.all()).hasSize(1);
        assertThat(m.transactions.createCalls()).isEqualTo(2);
        assertThat(again).isEqualTo(first);
        assertThat(again.code()).isEqualTo(ResponseCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void aRetryOfAnApprovedMovementGetsTheStoredReply() {
        Movement original = debit(request).withApprovedReply(trx("trxToken", "900000000000000001"));
        await(movement.execute(original));
        Outcome again = await(movement.execute(debit(request).withApprovedReply(trx("trxToken", "other"))));
        assertThat(again.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(again.trxInfo().string("trxToken")).isEqualTo("900000000000000001");
        assertThat(m.cbs.calls()).hasSize(1);
    }

    @Test
    void aRetryWhileTheOriginalIsStillOpenIsPendingWithoutASecondCall() {
        m.cbs.deferred();
        CompletionStage<Outcome> first = movement.execute(debit(request));
        Outcome retry = await(movement.execute(debit(request)));
        assertThat(retry.code()).isEqualTo(ResponseCode.PENDING);
        assertThat(m.cbs.calls()).hasSize(1);

        m.cbs.complete(ScriptedCoreBanking.answered(ResponseCode.APPROVED));
        assertThat(await(first).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(await(movement.execute(debit(request))).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(m.cbs.calls()).hasSize(1);
    }

    @Test
    void aMovementTheResolverSettledBeforeItWasSentIsAnsweredFromStorage() {
        m.transactions.beforeNextTransition(() -> m.transactions.force(stored().trxId(), TrxState.RESOLVED_DECLINED,
                "12", m.f.clock.instant()));
        Outcome outcome = await(movement.execute(debit(request)));
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void aMovementTheResolverSettledWhileTheCallWasOutIsAnsweredFromStorage() {
        m.cbs.deferred();
        CompletionStage<Outcome> pending = movement.execute(debit(request));
        m.transactions.force(stored().trxId(), TrxState.RESOLVED_APPROVED, "00", m.f.clock.instant());
        m.cbs.complete(new CbsReply.NoAnswer("late"));

        Outcome outcome = await(pending);
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isEqualTo(ECHO);
        assertThat(stored().state()).isEqualTo(TrxState.RESOLVED_APPROVED);
    }

    @Test
    void aStorageFailureAfterTheCallIsPendingAndLeavesTheRecordForTheResolver() {
        m.cbs.deferred();
        CompletionStage<Outcome> pending = movement.execute(debit(request));
        m.transactions.failNextTransition(new IllegalStateException("database down"));
        m.cbs.complete(ScriptedCoreBanking.answered(ResponseCode.APPROVED));

        assertThat(await(pending).code()).isEqualTo(ResponseCode.PENDING);
        assertThat(stored().state()).isEqualTo(TrxState.SENT);
        assertThat(stored().nextAttemptAt()).isNotNull();
    }

    @Test
    void aTakenCbsMsgIdIsDrawnAgain() {
        Request earlier = m.request(MessageType.BILL_PAYMENT, trx("deviceID", DEVICE));
        await(movement.execute(debit(earlier)));
        m.ids.repeatNextCbsMsgId();

        Outcome outcome = await(movement.execute(debit(request)));

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(m.transactions.all()).hasSize(2);
        assertThat(m.cbs.calls()).extracting(c -> c.call().cbsMsgId()).doesNotHaveDuplicates();
    }

    @Test
    void aFinalStateReachedAfterThePendingAnswerIsNotifiedToTheRequester() {
        Request late = racing(request);
        m.cbs.script((issuer, call, deadline) -> {
            // the request deadline comes while the CBS call is out: the requester is answered 04
            assertThat(late.answers().answerPending()).isTrue();
            return ScriptedCoreBanking.answered(ResponseCode.APPROVED);
        });

        Outcome outcome = await(movement.execute(debit(late)));

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(stored().state()).isEqualTo(TrxState.APPROVED);
        assertThat(m.outbox.notifications()).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(MessageType.TRX_RESULT_NOTIFICATION);
            assertThat(n.recipientInsId()).isEqualTo(WALLET_ID);
            assertThat(n.orderKey()).isEqualTo(TOKEN);
            assertThat(n.trxInfo().string("paymentStatus")).isEqualTo("APPROVED");
        });
    }

    @Test
    void aHandlerThatClaimedTheAnswerAddsNoNotificationAndNo04MayFollow() {
        await(movement.execute(debit(request)));

        assertThat(m.outbox.entries()).isEmpty();
        assertThat(request.answers().answerPending()).as("the handler answered the final state itself").isFalse();
    }

    @Test
    void aLateDeclineIsNotifiedAndTheRequestersNotificationIsNeverDoubled() {
        Request late = racing(request);
        assertThat(late.answers().answerPending()).isTrue();
        m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        FinalNotifications ownIncludesRequester = (trx, state, code) -> List.of(
                TrxResultNotifications.forTransaction(trx, state, code));

        await(movement.execute(debit(late).withNotifications(ownIncludesRequester)));

        assertThat(m.outbox.notifications()).singleElement()
                .satisfies(n -> assertThat(n.trxInfo().string("paymentStatus")).isEqualTo("DECLINED"));
    }

    /** The same request with a deadline race of its own. */
    private static Request racing(Request r) {
        return new Request(r.type(), r.envelope(), r.participant(), r.receivedAt(), new AnswerRace());
    }

    @Test
    void finalStatesStoreTheirCallbacksWithTheTransition() {
        Notification callback = new Notification(WALLET_ID, MessageType.TRX_RESULT_NOTIFICATION, TOKEN,
                trx("paymentStatus", "APPROVED"));
        AtomicReference<MoneyTransaction> seen = new AtomicReference<>();
        FinalNotifications notifications = (trx, state, code) -> {
            seen.set(trx);
            return List.of(callback);
        };
        await(movement.execute(debit(request).withNotifications(notifications)));

        assertThat(m.outbox.notifications()).containsExactly(callback);
        assertThat(seen.get().state()).isEqualTo(TrxState.APPROVED);
        assertThat(seen.get().responseCode()).isEqualTo("00");

        m.cbs.noAnswer();
        await(movement.execute(debit(m.request(MessageType.BILL_PAYMENT, ECHO)).withNotifications(notifications)));
        assertThat(m.outbox.notifications()).hasSize(1);
    }

    @Test
    void aRecordedMovementOverTheDailyLimitIsDeclinedWithoutACall() {
        // a concurrent movement of the same card got recorded between the check and this one
        DailyLimit limit = new DailyLimit("C1", "156", Instant.parse("2025-06-15T00:00:00Z"), 1500);
        Request concurrent = m.request(MessageType.BILL_PAYMENT, ECHO);
        m.cbs.deferred();
        movement.execute(debit(concurrent));
        m.cbs.answer(ResponseCode.APPROVED);

        Outcome outcome = await(movement.execute(debit(request).withDailyLimit(limit)));

        assertThat(outcome.code()).isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(outcome.trxInfo()).isEqualTo(ECHO);
        assertThat(m.cbs.calls()).hasSize(1);
        MoneyTransaction declined = m.transactions.findByRequest(WALLET_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(declined.state()).isEqualTo(TrxState.DECLINED);
        assertThat(declined.responseCode()).isEqualTo("61");
    }

    @Test
    void aMovementWithinTheDailyLimitGoesAhead() {
        DailyLimit limit = new DailyLimit("C1", "156", Instant.parse("2025-06-15T00:00:00Z"), 1000);
        assertThat(await(movement.execute(debit(request).withDailyLimit(limit))).code())
                .isEqualTo(ResponseCode.APPROVED);
    }
}
