package org.openscis.connector.link;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openscis.connector.link.LinkResult.NoAnswer;
import org.openscis.connector.link.LinkResult.NoAnswerReason;
import org.openscis.connector.link.LinkResult.NotSent;
import org.openscis.connector.link.LinkResult.NotSentReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections and waiting calls of one link, confined to the link's event loop (every method runs there, every
 * connection is registered there), so its state needs no lock.
 *
 * <p>A call is sent at once on an idle connection when fewer than {@code maxInFlight} are in flight; otherwise it
 * waits in a FIFO queue of at most {@code maxQueued} while connections are opened for the waiting calls, up to
 * {@code maxConnections}. A call leaves the queue when a connection frees up, when its deadline passes (not sent),
 * or when nothing can serve it any more (no connection, none being opened). Once a call's request is handed to a
 * connection it is in flight: from then on every failure is a {@link NoAnswer}. A call that times out closes its
 * connection, so that its late answer can never be read as another call's.
 *
 * <p>Futures are completed after the pool's state is consistent again. A caller's continuation that runs inline may
 * call {@link PeerLink#post} or {@link PeerLink#close}: both go through the loop's task queue, never back into a
 * method of this class.
 */
final class LinkPool {

    private static final Logger LOG = LoggerFactory.getLogger(LinkPool.class);

    private final String name;
    private final EventLoop loop;
    private final LinkConfig cfg;
    private final Clock clock;
    private final LinkConnector connector;
    private final LinkRequests requests;
    private final ResponseVerifier verifier;
    private final LinkCounters counters;
    private final CircuitBreaker breaker;
    private final ReconnectBackoff backoff;
    private final long callTimeoutNanos;

    private final ArrayDeque<PendingCall> waiting = new ArrayDeque<>();
    /** Established connections with no exchange; the most recently used is taken first. */
    private final ArrayDeque<LinkConnection> idle = new ArrayDeque<>();
    private final Set<LinkConnection> open = new HashSet<>();
    private int connecting;
    private int inFlight;
    private boolean closed;
    private boolean pumping;
    private boolean pumpAgain;

    LinkPool(String name, EventLoop loop, LinkConfig cfg, Clock clock, LinkConnector connector,
            LinkRequests requests, ResponseVerifier verifier, LinkCounters counters) {
        this.name = name;
        this.loop = loop;
        this.cfg = cfg;
        this.clock = clock;
        this.connector = connector;
        this.requests = requests;
        this.verifier = verifier;
        this.counters = counters;
        this.breaker = new CircuitBreaker(cfg.circuitFailureThreshold(), cfg.circuitOpenFor());
        this.backoff = new ReconnectBackoff(cfg.reconnectBackoffMin(), cfg.reconnectBackoffMax());
        this.callTimeoutNanos = cfg.callTimeout().toNanos();
    }

    /** Admits a new call: refused at once, sent, or queued. */
    void submit(PendingCall call) {
        if (closed) {
            notSent(call, NotSentReason.CLOSED, "link closed");
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(call.deadline)) {
            notSent(call, NotSentReason.DEADLINE_BEFORE_SEND, "deadline passed before sending");
            return;
        }
        switch (breaker.admit(now)) {
            case REJECT -> {
                notSent(call, NotSentReason.CIRCUIT_OPEN, "circuit open until " + breaker.openUntil()
                        + " after " + breaker.failuresInARow() + " failures in a row");
                return;
            }
            case PROBE -> {
                // The probe is the reconnect attempt: it does not wait for the backoff.
                call.probe = true;
                backoff.reset();
            }
            default -> { }
        }
        boolean sendsNow = waiting.isEmpty() && inFlight < cfg.maxInFlight() && hasIdle();
        if (!sendsNow) {
            if (open.isEmpty() && connecting == 0 && backoff.active(now)) {
                notSent(call, NotSentReason.CONNECT_FAILED, "no connection to " + cfg.origin()
                        + ": next connect attempt in " + backoff.remaining(now).toMillis() + " ms");
                return;
            }
            if (waiting.size() >= cfg.maxQueued()) {
                notSent(call, NotSentReason.OVERLOADED, waiting.size() + " calls already waiting");
                return;
            }
        }
        call.queued = true;
        waiting.addLast(call);
        pump();
        if (call.queued) {
            long delay = nanosUntil(call.deadline, clock.instant());
            call.watch(loop.schedule(() -> queueDeadlinePassed(call), Math.max(0, delay), TimeUnit.NANOSECONDS));
        }
    }

    /** Fails the waiting calls and closes every connection; calls in flight end as their connections close. */
    void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        failWaiting(NotSentReason.CLOSED, "link closed");
        for (LinkConnection c : new ArrayList<>(open)) {
            c.close();
        }
        publish();
    }

    private void queueDeadlinePassed(PendingCall call) {
        if (!call.queued) {
            return;
        }
        waiting.remove(call);
        call.queued = false;
        publish();
        notSent(call, NotSentReason.DEADLINE_BEFORE_SEND, "deadline passed while waiting for a connection");
    }

    /** Matches waiting calls with idle connections and opens connections for the rest; re-entrant calls loop. */
    private void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                pumpOnce();
            } while (pumpAgain);
        } finally {
            pumping = false;
        }
        publish();
    }

    private void pumpOnce() {
        if (closed) {
            return;
        }
        while (!waiting.isEmpty() && inFlight < cfg.maxInFlight()) {
            LinkConnection conn = pollIdle();
            if (conn == null) {
                break;
            }
            PendingCall call = waiting.pollFirst();
            call.queued = false;
            send(conn, call);
        }
        Instant now = clock.instant();
        int wanted = Math.min(waiting.size(), cfg.maxInFlight() - inFlight) - connecting;
        while (wanted > 0 && open.size() + connecting < cfg.maxConnections() && !backoff.active(now)) {
            connect();
            wanted--;
        }
        if (!waiting.isEmpty() && open.isEmpty() && connecting == 0) {
            // Nothing can serve them: no connection and none may be opened yet (backing off after failed connects).
            failWaiting(NotSentReason.CONNECT_FAILED, "no connection to " + cfg.origin()
                    + ": next connect attempt in " + backoff.remaining(now).toMillis() + " ms");
        }
    }

    private void send(LinkConnection conn, PendingCall call) {
        call.cancelTimer();
        long remaining = nanosUntil(call.deadline, clock.instant());
        if (remaining <= 0) {
            idle.addLast(conn);
            notSent(call, NotSentReason.DEADLINE_BEFORE_SEND, "deadline passed before a connection was free");
            return;
        }
        long timeout = Math.min(callTimeoutNanos, remaining);
        inFlight++;
        // The timer first: a write that fails at once reports before send returns.
        call.watch(loop.schedule(() -> timedOut(conn, call, timeout), timeout, TimeUnit.NANOSECONDS));
        conn.exchange().send(requests.build(call.target, call.body, call.upiJws),
                outcome -> exchangeEnded(conn, call, outcome));
    }

    private void exchangeEnded(LinkConnection conn, PendingCall call, ExchangeOutcome outcome) {
        if (call.done()) {
            conn.close();
            return;
        }
        inFlight--;
        LinkResult result;
        if (outcome instanceof ExchangeOutcome.Response response) {
            breaker.onSuccess();
            if (response.keepAlive() && !closed && conn.channel().isActive()) {
                idle.addLast(conn);
            } else {
                conn.close();
            }
            result = verifier.verify(response, call.appId);
        } else if (outcome instanceof ExchangeOutcome.Malformed malformed) {
            // The peer did answer, just not usably: not a reachability failure.
            breaker.onSuccess();
            conn.close();
            result = new NoAnswer(NoAnswerReason.BAD_RESPONSE, malformed.detail());
        } else {
            conn.close();
            failure(clock.instant());
            result = new NoAnswer(NoAnswerReason.CONNECTION_LOST, ((ExchangeOutcome.Lost) outcome).detail());
        }
        if (result instanceof NoAnswer noAnswer) {
            LOG.debug("link {}: no usable answer from {}: {} {}", name, cfg.origin(), noAnswer.reason(),
                    noAnswer.detail());
        }
        pump();
        call.finish(result);
    }

    private void timedOut(LinkConnection conn, PendingCall call, long timeoutNanos) {
        if (call.done()) {
            return;
        }
        inFlight--;
        conn.exchange().abandon();
        conn.close();
        failure(clock.instant());
        pump();
        call.finish(new NoAnswer(NoAnswerReason.TIMEOUT, "no answer within "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms; connection closed"));
    }

    private void connect() {
        connecting++;
        connector.connect().addListener((Future<Channel> f) -> {
            connecting--;
            if (f.isSuccess()) {
                connected(f.getNow());
            } else {
                connectFailed(f.cause());
            }
        });
    }

    private void connected(Channel ch) {
        backoff.reset();
        ExchangeHandler exchange = (ExchangeHandler) ch.pipeline().get(LinkChannelInitializer.EXCHANGE);
        if (closed || exchange == null || !ch.isActive()) {
            ch.close();
            pump();
            return;
        }
        LinkConnection conn = new LinkConnection(ch, exchange);
        open.add(conn);
        ch.closeFuture().addListener(f -> connectionClosed(conn));
        idle.addLast(conn);
        pump();
    }

    private void connectFailed(Throwable cause) {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        backoff.onFailure(now);
        String detail = "connect to " + cfg.origin() + " failed: " + ExchangeHandler.describe(cause);
        LOG.warn("link {}: {}; next attempt in {} ms", name, detail, backoff.remaining(now).toMillis());
        if (open.isEmpty() && connecting == 0) {
            failWaiting(NotSentReason.CONNECT_FAILED, detail);
        }
        failure(now);
        pump();
    }

    private void connectionClosed(LinkConnection conn) {
        open.remove(conn);
        idle.remove(conn);
        pump();
    }

    /** A reachability failure (connect failed, timeout, connection lost): may open the circuit. */
    private void failure(Instant now) {
        boolean wasOpen = breaker.state() == CircuitBreaker.State.OPEN;
        if (breaker.onFailure(now) && !wasOpen) {
            LOG.warn("link {}: circuit open until {} after {} failures in a row", name, breaker.openUntil(),
                    breaker.failuresInARow());
            failWaiting(NotSentReason.CIRCUIT_OPEN, "circuit opened after " + breaker.failuresInARow()
                    + " failures in a row");
        }
    }

    private void failWaiting(NotSentReason reason, String detail) {
        PendingCall call;
        while ((call = waiting.pollFirst()) != null) {
            call.queued = false;
            notSent(call, reason, detail);
        }
    }

    private void notSent(PendingCall call, NotSentReason reason, String detail) {
        if (call.probe) {
            breaker.onProbeAbandoned();
        }
        call.finish(new NotSent(reason, detail));
    }

    private boolean hasIdle() {
        while (!idle.isEmpty()) {
            if (idle.peekLast().usable()) {
                return true;
            }
            idle.pollLast();
        }
        return false;
    }

    private LinkConnection pollIdle() {
        return hasIdle() ? idle.pollLast() : null;
    }

    private void publish() {
        counters.update(open.size(), inFlight, waiting.size());
    }

    /** Nanoseconds from {@code now} to {@code deadline}, saturated rather than overflowing. */
    static long nanosUntil(Instant deadline, Instant now) {
        try {
            return Duration.between(now, deadline).toNanos();
        } catch (ArithmeticException e) {
            return deadline.isAfter(now) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}
