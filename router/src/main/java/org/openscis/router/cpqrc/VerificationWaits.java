package org.openscis.router.cpqrc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.CpqrPayments;
import org.openscis.router.port.CpqrVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payments of this node waiting for the cardholder's verdict, each a future and no thread. A verdict completes
 * its payment's future in one of three ways: the ADDITIONAL_PROCESSING_RESULT handler on this node {@link #wake wakes}
 * it right after recording it; {@link #tick} finds it in storage when another node recorded it; or {@link #tick}
 * records a TIMEOUT verdict once the payment's deadline has passed. Verdicts are recorded by compare-and-set
 * ({@link CpqrPayments#recordVerdict}), so a late result and the timeout cannot both win. Futures complete on
 * {@code continuations}: what follows (a CBS call, storage) must not run on the caller's timer or poll thread.
 * Thread-safe.
 */
public final class VerificationWaits {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationWaits.class);

    private final CpqrPayments payments;
    private final Clock clock;
    private final Executor continuations;
    private final Map<CpqrPayment.Key, Waiting> waiting = new ConcurrentHashMap<>();

    public VerificationWaits(CpqrPayments payments, Clock clock, Executor continuations) {
        this.payments = payments;
        this.clock = clock;
        this.continuations = continuations;
    }

    /** The verdict of the payment, at the latest a TIMEOUT soon after {@code deadline}. */
    public CompletionStage<CpqrVerdict> await(CpqrPayment.Key payment, Instant deadline) {
        Waiting fresh = new Waiting(new CompletableFuture<>(), deadline);
        Waiting existing = waiting.putIfAbsent(payment, fresh);
        return (existing == null ? fresh : existing).verdict();
    }

    /** A verdict for the payment was recorded: its waiter on this node (if any) goes on. */
    public void wake(CpqrPayment.Key payment, CpqrVerdict verdict) {
        Waiting w = waiting.remove(payment);
        if (w != null) {
            complete(w, verdict);
        }
    }

    /**
     * One round, run periodically: the verdicts other nodes recorded (one query), then the deadlines that passed.
     * Never throws; a storage failure leaves the payments waiting for the next round.
     */
    public void tick() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            payments.verdicts(List.copyOf(waiting.keySet())).forEach(this::wake);
        } catch (RuntimeException e) {
            LOG.warn("looking for recorded verdicts failed; looking again next round", e);
        }
        Instant now = clock.instant();
        for (Map.Entry<CpqrPayment.Key, Waiting> e : waiting.entrySet()) {
            if (!now.isBefore(e.getValue().deadline())) {
                expire(e.getKey(), now);
            }
        }
    }

    /** Payments of this node still waiting. */
    public int waitingCount() {
        return waiting.size();
    }

    private void expire(CpqrPayment.Key payment, Instant now) {
        try {
            CpqrVerdict timeout = CpqrVerdict.timeout(now);
            CpqrPayments.RecordResult result = payments.recordVerdict(payment.insId(), payment.msgId(), timeout);
            if (result == CpqrPayments.RecordResult.ALREADY_DECIDED) {
                // a result came in at the last moment: it decides
                Optional<CpqrVerdict> recorded = payments.find(payment.insId(), payment.msgId())
                        .map(CpqrPayment::verdict);
                wake(payment, recorded.orElse(timeout));
                return;
            }
            LOG.info("no verification verdict for {}/{} in time: declining", payment.insId(), payment.msgId());
            wake(payment, timeout);
        } catch (RuntimeException e) {
            LOG.warn("recording the verification timeout of {}/{} failed; trying again next round",
                    payment.insId(), payment.msgId(), e);
        }
    }

    private void complete(Waiting w, CpqrVerdict verdict) {
        try {
            continuations.execute(() -> w.verdict().complete(verdict));
        } catch (RejectedExecutionException e) {
            w.verdict().complete(verdict);
        }
    }

    private record Waiting(CompletableFuture<CpqrVerdict> verdict, Instant deadline) {}
}
