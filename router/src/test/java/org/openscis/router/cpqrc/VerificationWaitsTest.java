package org.openscis.router.cpqrc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.CpqrPayments;
import org.openscis.router.port.CpqrVerdict;
import org.openscis.router.testing.InMemoryCpqrPayments;
import org.openscis.router.testing.MutableClock;

class VerificationWaitsTest {

    private final MutableClock clock = MutableClock.at("2025-06-15T10:00:00Z");
    private final InMemoryCpqrPayments payments = new InMemoryCpqrPayments();
    private final CpqrPayment.Key key = new CpqrPayment.Key("47010344", "A4701034420250615100000000001");

    private void awaitingPayment() {
        payments.create(new CpqrPayment(key, "code-1", "39990061", false, "payload", true, null, clock.instant()));
    }

    @Test
    void aWakeCompletesTheWaiterOnTheContinuationExecutor() {
        awaitingPayment();
        AtomicBoolean ranOnExecutor = new AtomicBoolean();
        VerificationWaits waits = new VerificationWaits(payments, clock, r -> {
            ranOnExecutor.set(true);
            r.run();
        });
        CompletableFuture<CpqrVerdict> v = waits.await(key, clock.instant().plusSeconds(30)).toCompletableFuture();
        CpqrVerdict continuing = CpqrVerdict.of("CONTINUING", null, "39990061", "A1", clock.instant());
        waits.wake(key, continuing);
        assertThat(v.join()).isEqualTo(continuing);
        assertThat(ranOnExecutor).isTrue();
        assertThat(waits.waitingCount()).isZero();
    }

    @Test
    void theTimeoutIsRecordedOnceAndALateResultThenLoses() {
        awaitingPayment();
        VerificationWaits waits = new VerificationWaits(payments, clock, Runnable::run);
        CompletableFuture<CpqrVerdict> v = waits.await(key, clock.instant().plusSeconds(30)).toCompletableFuture();
        clock.advance(Duration.ofSeconds(30));
        waits.tick();
        assertThat(v.join().kind()).isEqualTo(CpqrVerdict.Kind.TIMEOUT);
        assertThat(payments.recordVerdict(key.insId(), key.msgId(),
                CpqrVerdict.of("CONTINUING", null, "39990061", "A1", clock.instant())))
                .isEqualTo(CpqrPayments.RecordResult.ALREADY_DECIDED);
    }

    @Test
    void aResultRecordedJustBeforeTheTimeoutDecides() {
        awaitingPayment();
        CpqrVerdict continuing = CpqrVerdict.of("CONTINUING", null, "39990061", "A1", clock.instant());
        // the poll misses it (recorded between the poll's query and the deadline check)
        CpqrPayments racing = new CpqrPayments() {
            @Override
            public boolean create(CpqrPayment payment) {
                return payments.create(payment);
            }

            @Override
            public Optional<CpqrPayment> find(String insId, String msgId) {
                return payments.find(insId, msgId);
            }

            @Override
            public RecordResult recordVerdict(String insId, String msgId, CpqrVerdict verdict) {
                payments.recordVerdict(insId, msgId, continuing);
                return payments.recordVerdict(insId, msgId, verdict);
            }

            @Override
            public Map<CpqrPayment.Key, CpqrVerdict> verdicts(Collection<CpqrPayment.Key> keys) {
                return Map.of();
            }
        };
        VerificationWaits waits = new VerificationWaits(racing, clock, Runnable::run);
        CompletableFuture<CpqrVerdict> v = waits.await(key, clock.instant()).toCompletableFuture();
        waits.tick();
        assertThat(v.join()).isEqualTo(continuing);
    }

    @Test
    void aStorageFailureLeavesThePaymentWaitingForTheNextRound() {
        awaitingPayment();
        AtomicBoolean failing = new AtomicBoolean(true);
        CpqrPayments flaky = new CpqrPayments() {
            @Override
            public boolean create(CpqrPayment payment) {
                return payments.create(payment);
            }

            @Override
            public Optional<CpqrPayment> find(String insId, String msgId) {
                return payments.find(insId, msgId);
            }

            @Override
            public RecordResult recordVerdict(String insId, String msgId, CpqrVerdict verdict) {
                if (failing.get()) {
                    throw new IllegalStateException("database down");
                }
                return payments.recordVerdict(insId, msgId, verdict);
            }

            @Override
            public Map<CpqrPayment.Key, CpqrVerdict> verdicts(Collection<CpqrPayment.Key> keys) {
                if (failing.get()) {
                    throw new IllegalStateException("database down");
                }
                return payments.verdicts(keys);
            }
        };
        VerificationWaits waits = new VerificationWaits(flaky, clock, Runnable::run);
        Instant deadline = clock.instant();
        CompletableFuture<CpqrVerdict> v = waits.await(key, deadline).toCompletableFuture();
        waits.tick();
        assertThat(v).isNotDone();
        failing.set(false);
        waits.tick();
        assertThat(v.join().kind()).isEqualTo(CpqrVerdict.Kind.TIMEOUT);
    }
}
