package org.openscis.connector.link;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One call from {@link PeerLink#post} to its result: the signed request, its deadline, the timer that currently
 * watches it (queue deadline, then call timeout) and the caller's future. Built on the caller's thread, then owned by
 * the link's event loop; {@link #finish} completes it exactly once.
 */
final class PendingCall {

    final String target;
    final String appId;
    final byte[] body;
    final String upiJws;
    final Instant deadline;
    private final long startNanos;
    private final CompletableFuture<LinkResult> future;
    private final LinkMetrics metrics;
    private ScheduledFuture<?> timer;
    private boolean done;
    /** Waiting in the link's queue. */
    boolean queued;
    /** The half-open circuit's probe: its outcome decides whether the circuit closes. */
    boolean probe;

    PendingCall(String target, String appId, byte[] body, String upiJws, Instant deadline, long startNanos,
            CompletableFuture<LinkResult> future, LinkMetrics metrics) {
        this.target = target;
        this.appId = appId;
        this.body = body;
        this.upiJws = upiJws;
        this.deadline = deadline;
        this.startNanos = startNanos;
        this.future = future;
        this.metrics = metrics;
    }

    boolean done() {
        return done;
    }

    /** Replaces the timer watching this call, cancelling the previous one. */
    void watch(ScheduledFuture<?> newTimer) {
        cancelTimer();
        timer = newTimer;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Completes the caller's future once; later calls are ignored. Returns whether this call completed it. */
    boolean finish(LinkResult result) {
        if (done) {
            return false;
        }
        done = true;
        queued = false;
        cancelTimer();
        metrics.record(result, System.nanoTime() - startNanos);
        future.complete(result);
        return true;
    }
}
