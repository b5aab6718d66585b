package org.openscis.server.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.server.NamedThreads;
import org.openscis.server.outbox.CallbackDelivery.Acknowledged;
import org.openscis.server.outbox.CallbackDelivery.Failed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored callbacks (decisions.md §8). Every {@code pollInterval}, or at once after {@link #wakeUp()}, it
 * claims due rows under a lease (never more than it has room for under {@code maxConcurrent}), sends them
 * concurrently through the {@link CallbackSender}, and records each outcome: {@code 00} delivers; anything else is
 * retried after {@code initialBackoff} doubling up to {@code maxBackoff}, and parked once the attempt fails
 * {@code giveUpAfter} or more after the row was stored (or replayed). A delivery wakes the dispatcher so the next
 * callback of the same token follows without waiting for a poll.
 *
 * <p>Times come from the injected {@link Clock}; only the poll cadence and the per-attempt guard are real time.
 * Database work runs on the dispatcher's scheduler, never on the sender's threads. A failure to record an outcome
 * leaves the row leased; it is sent again when the lease runs out (at least once; the recipient deduplicates by
 * msgID). Delivered rows are purged after {@link #DELIVERED_RETENTION}.
 */
public final class CallbackDispatcher implements AutoCloseable {

    /** Delivered rows are kept this long (for operators' listings), then deleted. */
    public static final Duration DELIVERED_RETENTION = Duration.ofDays(7);
    /** The pending / parked gauges are recounted at most this often. */
    static final Duration COUNTS_REFRESH = Duration.ofSeconds(5);
    /** Delivered rows past their retention are looked for this often. */
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /** A sender that has not completed this long after its deadline is taken to have failed. */
    static final Duration SENDER_GRACE = Duration.ofSeconds(1);
    /** How long {@link #close()} waits for a scheduler it created to finish its current task. */
    private static final long CLOSE_WAIT_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);

    private final JdbcOutbox outbox;
    private final CallbackSender sender;
    private final OutboxSettings settings;
    private final Clock clock;
    private final CallbackMetrics metrics;
    private final ScheduledExecutorService executor;
    private final boolean ownExecutor;
    private final CallbackEnvelope envelope = new CallbackEnvelope(new EnvelopeCodec());

    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock polling = new ReentrantLock();
    private final AtomicBoolean pollRequested = new AtomicBoolean();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean closed;
    /** The last poll filled all the room it had: more rows may be due as soon as sends complete. */
    private volatile boolean backlog;
    private ScheduledFuture<?> ticker;
    // guarded by polling
    private Instant countsDueAt = Instant.EPOCH;
    private Instant purgeDueAt = Instant.EPOCH;
    private boolean pollFailing;

    /** A dispatcher with its own single scheduler thread ({@code openscis-callbacks}), stopped by {@link #close()}. */
    public CallbackDispatcher(JdbcOutbox outbox, CallbackSender sender, OutboxSettings settings, Clock clock,
            MeterRegistry registry) {
        this(outbox, sender, settings, clock, registry,
                Executors.newSingleThreadScheduledExecutor(new NamedThreads("openscis-callbacks")), true);
    }

    /**
     * A dispatcher on {@code executor}, which the caller owns (it is not shut down by {@link #close()}). Its tasks do
     * blocking database work.
     */
    public CallbackDispatcher(JdbcOutbox outbox, CallbackSender sender, OutboxSettings settings, Clock clock,
            MeterRegistry registry, ScheduledExecutorService executor) {
        this(outbox, sender, settings, clock, registry, executor, false);
    }

    private CallbackDispatcher(JdbcOutbox outbox, CallbackSender sender, OutboxSettings settings, Clock clock,
            MeterRegistry registry, ScheduledExecutorService executor, boolean ownExecutor) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new CallbackMetrics(Objects.requireNonNull(registry, "registry"));
        this.executor = Objects.requireNonNull(executor, "executor");
        this.ownExecutor = ownExecutor;
    }

    /** Starts polling (the first poll runs at once). Idempotent. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        long interval = settings.pollInterval().toNanos();
        ticker = executor.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.NANOSECONDS);
    }

    /**
     * Polls as soon as possible instead of at the next interval, e.g. right after a callback was stored. Cheap and
     * safe from any thread; wake-ups arriving while one is queued are merged. Ignored before {@link #start()}.
     */
    public void wakeUp() {
        if (!started || closed || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                wakeQueued.set(false);
                poll();
            });
        } catch (RejectedExecutionException e) {
            wakeQueued.set(false);
        }
    }

    /** Callbacks sent and not yet answered (at most {@code maxConcurrent}). */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Runs one poll unless one is running; then that one runs again when it ends, so no request is lost. Never
     * throws: an exception would cancel the periodic task.
     */
    private void poll() {
        pollRequested.set(true);
        while (pollRequested.get() && !closed && polling.tryLock()) {
            try {
                pollRequested.set(false);
                pollOnce();
            } finally {
                polling.unlock();
            }
        }
    }

    private void pollOnce() {
        try {
            Instant now = clock.instant();
            housekeeping(now);
            int room = settings.maxConcurrent() - inFlight.get();
            if (room <= 0) {
                backlog = true;
                return;
            }
            int max = Math.min(room, settings.batchSize());
            List<ClaimedCallback> claimed = outbox.claimDue(now, settings.lease(), max);
            backlog = claimed.size() == max;
            for (ClaimedCallback callback : claimed) {
                send(callback);
            }
            if (pollFailing) {
                pollFailing = false;
                LOG.info("Callback outbox reachable again");
            }
        } catch (RuntimeException e) {
            if (!pollFailing) {
                pollFailing = true;
                LOG.warn("Callback outbox poll failed; retrying every {}", settings.pollInterval(), e);
            } else {
                LOG.debug("Callback outbox poll failed again: {}", e.toString());
            }
        }
    }

    private void housekeeping(Instant now) {
        if (due(now, countsDueAt, COUNTS_REFRESH)) {
            countsDueAt = now.plus(COUNTS_REFRESH);
            metrics.counts(outbox.counts());
        }
        if (due(now, purgeDueAt, PURGE_INTERVAL)) {
            purgeDueAt = now.plus(PURGE_INTERVAL);
            int purged = outbox.purgeDeliveredBefore(now.minus(DELIVERED_RETENTION));
            if (purged > 0) {
                LOG.debug("Purged {} delivered callbacks older than {}", purged, DELIVERED_RETENTION);
            }
        }
    }

    /** Due at {@code dueAt}; also due if the clock went back by more than a period since it was set. */
    private static boolean due(Instant now, Instant dueAt, Duration period) {
        return !now.isBefore(dueAt) || now.isBefore(dueAt.minus(period).minus(period));
    }

    private void send(ClaimedCallback callback) {
        Instant now = clock.instant();
        if (!callback.readable()) {
            recordFailure(callback, null, "stored payload cannot be read", now, true);
            return;
        }
        byte[] body;
        try {
            body = envelope.body(callback, now);
        } catch (RuntimeException e) {
            recordFailure(callback, null, "callback cannot be encoded: " + e.getClass().getSimpleName(), now, true);
            return;
        }
        inFlight.incrementAndGet();
        CompletableFuture<CallbackDelivery> attempt;
        try {
            attempt = sender.send(callback.recipientInsId(), callback.msgType(), callback.msgId(), body,
                    now.plus(settings.callTimeout()));
            if (attempt == null) {
                attempt = CompletableFuture.completedFuture(new Failed("sender returned no result"));
            }
        } catch (RuntimeException e) {
            attempt = CompletableFuture.completedFuture(new Failed("sender failed: " + e.getClass().getSimpleName()));
        }
        // a copy, so that the guard's timeout never completes the sender's own future
        attempt.copy()
                .orTimeout(settings.callTimeout().plus(SENDER_GRACE).toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((delivery, error) -> finish(callback, delivery, error), executor);
    }

    private void finish(ClaimedCallback callback, CallbackDelivery delivery, Throwable error) {
        inFlight.decrementAndGet();
        try {
            CallbackDelivery outcome = error != null ? new Failed(describe(error))
                    : delivery == null ? new Failed("sender returned no result") : delivery;
            Instant now = clock.instant();
            if (outcome instanceof Acknowledged ack && ack.delivered()) {
                if (outbox.markDelivered(callback, ack.responseCode(), now)) {
                    metrics.delivered();
                    LOG.debug("Callback {} {} delivered to {}", callback.msgType(), callback.msgId(),
                            callback.recipientInsId());
                }
                // the token's next callback is eligible now
                wakeUp();
                return;
            }
            String code = outcome instanceof Acknowledged ack ? ack.responseCode() : null;
            String reason = outcome instanceof Failed failed ? failed.reason() : "recipient answered " + code;
            recordFailure(callback, code, reason, now, false);
        } catch (RuntimeException e) {
            LOG.warn("Callback {}: outcome not recorded ({}); it is sent again when its lease ends", callback.msgId(),
                    e.toString());
        }
        if (backlog) {
            wakeUp();
        }
    }

    private void recordFailure(ClaimedCallback callback, String code, String reason, Instant now, boolean hopeless) {
        if (hopeless || !now.isBefore(callback.pendingSince().plus(settings.giveUpAfter()))) {
            if (outbox.park(callback, code, reason)) {
                metrics.parked();
                LOG.warn("Callback {} {} to {} parked after {} attempt(s): {}", callback.msgType(), callback.msgId(),
                        callback.recipientInsId(), callback.attempts() + 1, JdbcOutbox.sanitize(reason));
            }
            return;
        }
        Duration wait = settings.backoffAfter(callback.attempts() + 1);
        if (outbox.reschedule(callback, now.plus(wait), code, reason)) {
            metrics.retried();
            LOG.debug("Callback {} to {} failed ({}); next attempt in {}", callback.msgId(), callback.recipientInsId(),
                    JdbcOutbox.sanitize(reason), wait);
        }
    }

    /** Exceptions from senders are described by type only: their messages are not ours to store. */
    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "no outcome within " + settings.callTimeout().plus(SENDER_GRACE);
        }
        return "sender failed: " + cause.getClass().getSimpleName();
    }

    /**
     * Stops polling. Callbacks still in flight keep their lease and are sent again once it ends (by this node after a
     * restart, or by another). A scheduler the dispatcher created is shut down.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (ticker != null) {
                ticker.cancel(false);
            }
        }
        if (ownExecutor) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "CallbackDispatcher[" + settings + "]";
    }
}
