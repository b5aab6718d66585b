package org.openscis.bench.load;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.RequestSpec;
import org.openscis.server.client.SignedExchange;

/**
 * Open-loop, constant-rate load: request {@code n} is due at {@code start + n / rate}, whatever happened to earlier
 * requests, and its latency is measured from that intended time. A switch (or a generator) that falls behind
 * therefore shows up as latency instead of as a quietly lower send rate (coordinated omission corrected).
 *
 * <p>Several sender threads share the schedule (thread {@code k} sends requests {@code k, k+s, k+2s...}) because
 * building a request includes signing it, which alone may take longer than the interval between requests. The
 * schedule ends after the phase duration; then the runner waits for outstanding responses at most
 * {@code drainTimeout}.
 */
final class OpenLoopRunner {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final long PROGRESS_PERIOD_MILLIS = 1_000;
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AppGatewayClient client;
    private final RequestFactory requests;
    private final Mix mix;
    private final double ratePerSecond;
    private final int senders;
    private final Duration drainTimeout;
    /** The consumer-presented operations (QRC_GENERATION then CPQRC_PAYMENT), or null when the mix has none. */
    private final CpqrcFlow cpqrc;

    OpenLoopRunner(AppGatewayClient client, RequestFactory requests, Mix mix, double ratePerSecond, int senders,
            Duration drainTimeout) {
        this(client, requests, null, mix, ratePerSecond, senders, drainTimeout);
    }

    /**
     * @param cpqrc the flow of CPQRC_PAYMENT and CPQRC_PAYMENT_CVM operations, whose latency is measured from the
     *              intended send of the QRC_GENERATION to the acquirer's response; null if the mix has none
     */
    OpenLoopRunner(AppGatewayClient client, RequestFactory requests, CpqrcFlow cpqrc, Mix mix, double ratePerSecond,
            int senders, Duration drainTimeout) {
        if (ratePerSecond <= 0 || senders < 1) {
            throw new IllegalArgumentException("rate and senders must be positive");
        }
        this.client = client;
        this.requests = requests;
        this.mix = mix;
        this.ratePerSecond = ratePerSecond;
        this.senders = senders;
        this.drainTimeout = drainTimeout;
        this.cpqrc = cpqrc;
        if (cpqrc == null && mix.entries().stream().anyMatch(e -> e.type().consumerPresented())) {
            throw new IllegalArgumentException(mix.text() + " has consumer-presented operations and no CpqrcFlow");
        }
    }

    /** Runs one phase of {@code duration}, printing progress every second under {@code label}. */
    PhaseResult run(String label, Duration duration, PrintWriter out) throws InterruptedException {
        LoadStats stats = new LoadStats(mix);
        return stats.result(runInto(stats, label, duration, out));
    }

    /**
     * Runs for {@code duration} recording into {@code stats} (which may already hold earlier rounds of the same
     * mix); returns the seconds from the first intended send to the last response of this round.
     */
    double runInto(LoadStats stats, String label, Duration duration, PrintWriter out) throws InterruptedException {
        double nanosPerRequest = NANOS_PER_SECOND / ratePerSecond;
        long outstandingBefore = stats.outstanding();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong lastFinish = new AtomicLong(start);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "load-progress"));
        progress.scheduleAtFixedRate(new ProgressPrinter(label, stats, out, start), PROGRESS_PERIOD_MILLIS,
                PROGRESS_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        try {
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < senders; k++) {
                int first = k;
                Thread t = new Thread(() -> sendSchedule(first, start, end, nanosPerRequest, stats, lastFinish),
                        "load-sender-" + k);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            drain(stats, outstandingBefore);
        } finally {
            progress.shutdownNow();
        }
        long finishedAt = Math.max(end, lastFinish.get());
        return (finishedAt - start) / NANOS_PER_SECOND;
    }

    private void sendSchedule(int first, long start, long end, double nanosPerRequest, LoadStats stats,
            AtomicLong lastFinish) {
        for (long n = first; ; n += senders) {
            long intended = start + (long) (n * nanosPerRequest);
            if (intended - end >= 0) {
                return;
            }
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            send(mix.pick(n), intended, stats, lastFinish);
        }
    }

    private void send(LoadType type, long intended, LoadStats stats, AtomicLong lastFinish) {
        stats.sent(type, System.nanoTime() - intended);
        CompletableFuture<SignedExchange> future;
        try {
            if (type.consumerPresented()) {
                future = cpqrc.start(type);
            } else {
                RequestSpec spec = requests.spec(type);
                future = client.send(spec);
            }
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((exchange, error) -> {
            long now = System.nanoTime();
            lastFinish.accumulateAndGet(now, Math::max);
            if (error != null) {
                stats.error(type, error);
            } else {
                stats.response(type, now - intended, exchange);
            }
        });
    }

    /** Waits for this round's responses; requests an earlier round left unanswered do not hold it up. */
    private void drain(LoadStats stats, long outstandingBefore) {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (stats.outstanding() > outstandingBefore && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
