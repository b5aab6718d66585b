package org.openscis.server.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.FixedSwitchIds;
import org.openscis.router.testing.InMemoryOutbox;
import org.openscis.router.testing.InMemoryTransactionStore;
import org.openscis.router.testing.MutableClock;
import org.openscis.router.testing.ScriptedCoreBanking;
import org.openscis.server.dispatch.ResponseFactory;
import org.openscis.server.storage.ClaimResult;
import org.openscis.server.storage.IdempotencyStore;

class ResolverTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String ISSUER = "62000001";
    private static final ResolutionSettings SETTINGS = new ResolutionSettings(Duration.ofSeconds(10),
            Duration.ofSeconds(2), Duration.ofSeconds(30), 3, Duration.ofSeconds(3), Duration.ofSeconds(30), 100);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryTransactionStore transactions = new InMemoryTransactionStore(outbox);
    private final ScriptedCoreBanking cbs = new ScriptedCoreBanking();
    private final MapIdempotency idempotency = new MapIdempotency();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final List<String> outcomes = new ArrayList<>();
    private final Resolver resolver = new Resolver(transactions, cbs, new FixedSwitchIds(), idempotency,
            new ResponseFactory(new EnvelopeCodec(), clock, ZoneOffset.UTC),
            (trx, state, code) -> List.of(new Notification(trx.insId(), MessageType.TRX_RESULT_NOTIFICATION,
                    trx.token(), TrxInfo.builder().put("paymentStatus", state.paymentStatus()).build())),
            SETTINGS, clock, workers, o -> {
                synchronized (outcomes) {
                    outcomes.add(o);
                }
            });

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void anInquiryThatFindsTheDebitApprovedSettlesItAndGivesRetriesTheApprovedAnswer() {
        MoneyTransaction trx = unknown("T1");
        cbs.script((issuer, call, deadline) -> {
            assertThat(call.operation()).isEqualTo(CbsOperation.TRANSACTION_INQUIRY);
            assertThat(call.trxInfo().string("origTrxId")).isEqualTo(trx.trxId());
            return new CbsReply.Answered(ResponseCode.APPROVED, "ok",
                    TrxInfo.builder().put("paymentStatus", "APPROVED").build());
        });

        assertThat(resolver.sweep()).isEqualTo(1);

        assertThat(transactions.find(trx.trxId()).orElseThrow().state()).isEqualTo(TrxState.RESOLVED_APPROVED);
        assertThat(outbox.notifications()).singleElement().satisfies(n -> assertThat(n.trxInfo().string("paymentStatus"))
                .isEqualTo("APPROVED"));
        String stored = idempotency.body(trx);
        assertThat(stored).contains("\"responseCode\":\"00\"").contains("\"msgID\":\"" + trx.msgId() + "\"")
                .contains("\"receipt\":\"r-1\"");
        assertThat(outcomes).containsExactly("approved");
    }

    @Test
    void aDeclineTheCbsReportsKeepsItsCode() {
        MoneyTransaction trx = unknown("T2");
        cbs.script((issuer, call, deadline) -> new CbsReply.Answered(ResponseCode.APPROVED, "ok",
                TrxInfo.builder().put("paymentStatus", "DECLINED").put("origRespCode", "51").build()));

        resolver.sweep();

        MoneyTransaction settled = transactions.find(trx.trxId()).orElseThrow();
        assertThat(settled.state()).isEqualTo(TrxState.RESOLVED_DECLINED);
        assertThat(settled.responseCode()).isEqualTo("51");
        assertThat(idempotency.body(trx)).contains("\"responseCode\":\"51\"").doesNotContain("receipt");
    }

    @Test
    void aMovementTheCbsNeverSawIsReversedAndDeclinedWith91() {
        MoneyTransaction trx = unknown("T3");
        List<CbsOperation> ops = new ArrayList<>();
        cbs.script((issuer, call, deadline) -> {
            ops.add(call.operation());
            if (call.operation() == CbsOperation.TRANSACTION_INQUIRY) {
                return ScriptedCoreBanking.answered(ResponseCode.ORIGINAL_NOT_FOUND);
            }
            assertThat(call.trxInfo().string("origMsgId")).isEqualTo(trx.trxId());
            assertThat(call.trxInfo().string("trxAmt")).isEqualTo("12.50");
            return new CbsReply.Answered(ResponseCode.APPROVED, "ok",
                    TrxInfo.builder().put("reversalStatus", "NOTHING_TO_REVERSE").build());
        });

        resolver.sweep();

        assertThat(ops).containsExactly(CbsOperation.TRANSACTION_INQUIRY, CbsOperation.REVERSAL);
        MoneyTransaction settled = transactions.find(trx.trxId()).orElseThrow();
        assertThat(settled.state()).isEqualTo(TrxState.RESOLVED_DECLINED);
        assertThat(settled.responseCode()).isEqualTo("91");
        assertThat(outbox.notifications()).hasSize(1);
    }

    @Test
    void aSilentCbsIsAskedAgainWithBackoffThenReversedUntilItAcknowledges() {
        MoneyTransaction trx = unknown("T4");
        cbs.noAnswer();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(resolver.sweep()).isEqualTo(1);
            MoneyTransaction now = transactions.find(trx.trxId()).orElseThrow();
            assertThat(now.state()).isEqualTo(TrxState.UNKNOWN);
            assertThat(now.attempts()).isEqualTo(attempt + 1);
            assertThat(now.nextAttemptAt()).isEqualTo(clock.instant().plus(SETTINGS.delayAfter(attempt + 1)));
            assertThat(resolver.sweep()).isZero(); // not due yet
            clock.advance(SETTINGS.delayAfter(attempt + 1));
        }
        // three inquiries went unanswered: now it reverses, and keeps reversing until acknowledged
        List<CbsOperation> ops = new ArrayList<>();
        cbs.script((issuer, call, deadline) -> {
            ops.add(call.operation());
            return new CbsReply.NoAnswer("still silent");
        });
        resolver.sweep();
        clock.advance(SETTINGS.maxBackoff());
        cbs.script((issuer, call, deadline) -> {
            ops.add(call.operation());
            return ScriptedCoreBanking.answered(ResponseCode.APPROVED);
        });
        resolver.sweep();

        assertThat(ops).containsExactly(CbsOperation.REVERSAL, CbsOperation.REVERSAL);
        assertThat(transactions.find(trx.trxId()).orElseThrow().state()).isEqualTo(TrxState.RESOLVED_DECLINED);
    }

    @Test
    void aReversalTheCbsRefusesIsFollowedByAnInquiryThatSettlesTheMovement() {
        MoneyTransaction trx = unknown("T6");
        // three inquiries went unanswered (a CBS outage); the credit was applied and spent meanwhile
        transactions.scheduleRetry(trx.trxId(), SETTINGS.inquiriesBeforeReversal(), T0);
        List<CbsOperation> ops = new ArrayList<>();
        cbs.script((issuer, call, deadline) -> {
            ops.add(call.operation());
            if (call.operation() == CbsOperation.REVERSAL) {
                return ScriptedCoreBanking.answered(ResponseCode.INSUFFICIENT_BALANCE);
            }
            return new CbsReply.Answered(ResponseCode.APPROVED, "ok",
                    TrxInfo.builder().put("paymentStatus", "APPROVED").build());
        });

        resolver.sweep();

        assertThat(ops).containsExactly(CbsOperation.REVERSAL, CbsOperation.TRANSACTION_INQUIRY);
        assertThat(transactions.find(trx.trxId()).orElseThrow().state()).isEqualTo(TrxState.RESOLVED_APPROVED);
        assertThat(idempotency.body(trx)).contains("\"responseCode\":\"00\"");
        assertThat(outcomes).containsExactly("approved");
    }

    @Test
    void aRecentTransactionStillInFlightIsLeftAloneUntilItCannotBeAnyMore() {
        MoneyTransaction trx = transactions.put(base("T5", TrxState.SENT).withState(TrxState.SENT, null, T0));

        resolver.sweep();

        assertThat(cbs.calls()).isEmpty();
        assertThat(transactions.find(trx.trxId()).orElseThrow().nextAttemptAt())
                .isEqualTo(T0.plus(SETTINGS.staleAfter()));
        clock.advance(SETTINGS.staleAfter());
        cbs.script((issuer, call, deadline) -> new CbsReply.Answered(ResponseCode.APPROVED, "ok",
                TrxInfo.builder().put("paymentStatus", "APPROVED").build()));
        resolver.sweep();
        assertThat(transactions.find(trx.trxId()).orElseThrow().state()).isEqualTo(TrxState.RESOLVED_APPROVED);
        // its node stopped before answering: the resolver completes the abandoned claim
        assertThat(idempotency.body(trx)).contains("\"responseCode\":\"00\"");
    }

    @Test
    void aPaymentAbandonedWhileAwaitingTheCardholderIsDeclined05WithoutACbsCall() {
        MoneyTransaction trx = transactions.put(base("T7", TrxState.AWAITING_CVM));

        resolver.sweep();

        assertThat(cbs.calls()).isEmpty();
        MoneyTransaction settled = transactions.find(trx.trxId()).orElseThrow();
        assertThat(settled.state()).isEqualTo(TrxState.DECLINED);
        assertThat(settled.responseCode()).isEqualTo("05");
        assertThat(outbox.notifications()).singleElement()
                .satisfies(n -> assertThat(n.trxInfo().string("paymentStatus")).isEqualTo("DECLINED"));
        assertThat(outcomes).containsExactly("declined");
    }

    @Test
    void whenTheOriginalCallSettlesFirstTheResolverChangesNothing() {
        MoneyTransaction trx = unknown("T6");
        cbs.script((issuer, call, deadline) -> {
            transactions.force(trx.trxId(), TrxState.RESOLVED_DECLINED, "91", clock.instant());
            return new CbsReply.Answered(ResponseCode.APPROVED, "ok",
                    TrxInfo.builder().put("paymentStatus", "APPROVED").build());
        });

        resolver.sweep();

        assertThat(transactions.find(trx.trxId()).orElseThrow().state()).isEqualTo(TrxState.RESOLVED_DECLINED);
        assertThat(outbox.notifications()).isEmpty();
        assertThat(outcomes).containsExactly("raced");
    }

    private MoneyTransaction unknown(String id) {
        MoneyTransaction trx = transactions.put(base(id, TrxState.UNKNOWN));
        idempotency.pending(trx);
        return trx;
    }

    private static MoneyTransaction base(String id, TrxState state) {
        String trxId = "U" + ISSUER + "20261125100000" + "00000" + id.charAt(1);
        return new MoneyTransaction(trxId, "39990157", "A39990157" + id + "0000000000", MessageType.BILL_PAYMENT,
                "1.0.0", "20261125100000", ISSUER, "card-1", "6292000000000000001", "device-1",
                CbsOperation.DEBIT_TRANSACTION, 1250, "344", TrxInfo.builder().put("trxAmt", "12.50").build(),
                TrxInfo.builder().put("deviceID", "device-1").put("receipt", "r-1").build(), state,
                state == TrxState.UNKNOWN ? "04" : null, true, 0, T0, T0, T0);
    }

    /** Stored responses by (insID, msgID): a pending 04, or an abandoned claim. */
    private static final class MapIdempotency implements IdempotencyStore {
        private final Map<String, ClaimResult.Existing> records = new ConcurrentHashMap<>();

        @Override
        public boolean reclaim(String insId, String msgId, Instant claimedAt, Instant now) {
            throw new UnsupportedOperationException("the resolver never takes over claims");
        }

        void pending(MoneyTransaction trx) {
            records.put(trx.insId() + "/" + trx.msgId(), new ClaimResult.Existing(trx.msgType().name(), "fp",
                    ClaimResult.Status.DONE, "04", new byte[0], T0));
        }

        String body(MoneyTransaction trx) {
            ClaimResult.Existing e = records.get(trx.insId() + "/" + trx.msgId());
            return e == null ? "" : new String(e.response(), StandardCharsets.UTF_8);
        }

        @Override
        public ClaimResult claim(String insId, String msgId, String msgType, String fingerprint, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete(String insId, String msgId, String responseCode, byte[] responseBody, Instant now) {
            records.put(insId + "/" + msgId, new ClaimResult.Existing("X", "fp", ClaimResult.Status.DONE,
                    responseCode, responseBody, now));
        }

        @Override
        public boolean supersedePending(String insId, String msgId, String responseCode, byte[] responseBody,
                Instant now) {
            ClaimResult.Existing e = records.get(insId + "/" + msgId);
            if (e == null || !"04".equals(e.responseCode())) {
                return false;
            }
            complete(insId, msgId, responseCode, responseBody, now);
            return true;
        }

        @Override
        public void release(String insId, String msgId) {
            records.remove(insId + "/" + msgId);
        }

        @Override
        public Optional<ClaimResult.Existing> find(String insId, String msgId) {
            ClaimResult.Existing e = records.get(insId + "/" + msgId);
            if (e == null) {
                // an abandoned claim: in flight, never completed
                return Optional.of(new ClaimResult.Existing("X", "fp", ClaimResult.Status.IN_FLIGHT, null, null,
                        T0));
            }
            return Optional.of(e);
        }

        @Override
        public int purgeOlderThan(Instant cutoff) {
            return 0;
        }
    }
}
