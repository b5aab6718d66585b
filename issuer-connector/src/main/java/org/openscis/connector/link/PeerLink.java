package org.openscis.connector.link;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Future;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;
import org.openscis.connector.link.LinkResult.NotSent;
import org.openscis.connector.link.LinkResult.NotSentReason;

/**
 * A non-blocking HTTP/1.1 client for signed envelopes to one origin (the CBS of an issuer, later an App Gateway's
 * callback endpoint). Each call is signed on the caller's thread ({@code UPI-JWS}, four-name form, {@code UPI-REQPATH}
 * = the request target), POSTed as JSON over a bounded pool of keep-alive connections, and its answer's signature
 * is checked with the peer's key before the envelope is decoded. See {@link LinkConfig} for the bounds and
 * {@link LinkResult} for the outcomes; the package documentation describes the design.
 *
 * <p>All connections of a link live on one event loop of {@code group}, where the link's state is kept; futures are
 * completed on that loop, so callers that block must hop to their own executor. Close a link before shutting its
 * group down (a queued call's deadline timer dies with the loop). Link names must be unique within a meter registry.
 * An answer is attributed to the call whose request went out on that connection; callers that can should also check
 * that it echoes their msgID (a misbehaving peer can send two answers). Thread-safe.
 */
public final class PeerLink implements AutoCloseable {

    /** How long {@link #close} waits for the loop to fail the queue and close the connections. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final String name;
    private final LinkConfig cfg;
    private final LinkSigner signer;
    private final Clock clock;
    private final EventLoop loop;
    private final LinkCounters counters = new LinkCounters();
    private final LinkMetrics metrics;
    private final LinkPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * {@code sslOrNull} is required for an https base URI and refused for http. {@code peerKeys} maps (appId, kid) of
     * an answer's {@code UPI-JWS} to the peer's public key. Throws IllegalArgumentException for a signer whose key
     * does not fit its alg, or a base URI path that cannot prefix a request target.
     */
    public PeerLink(String name, LinkConfig cfg, SslContext sslOrNull, EventLoopGroup group, LinkSigner signer,
            BiFunction<String, String, Optional<PublicKey>> peerKeys, Clock clock, MeterRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(peerKeys, "peerKeys");
        Objects.requireNonNull(registry, "registry");
        if (cfg.https() != (sslOrNull != null)) {
            throw new IllegalArgumentException(cfg.https() ? "an https link needs an SslContext"
                    : "an http link takes no SslContext");
        }
        if (!cfg.pathPrefix().isEmpty() && !LinkRequests.validTarget(cfg.pathPrefix())) {
            throw new IllegalArgumentException("baseUri path cannot prefix a request target");
        }
        checkSigner(signer);
        this.loop = group.next();
        this.metrics = new LinkMetrics(name, registry, counters);
        this.pool = new LinkPool(name, loop, cfg, clock, new LinkConnector(loop, cfg, sslOrNull),
                new LinkRequests(cfg.hostHeader()), new ResponseVerifier(peerKeys), counters);
    }

    /** Signs once so that a key that does not fit its alg fails here, not on every call. */
    private static void checkSigner(LinkSigner signer) {
        try {
            UpiJws.sign(UpiJwsHeader.request(signer.alg(), signer.kid(), UpiJws.newUuid(), "0", "check", "/"),
                    new byte[0], signer.key());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("link signer unusable: " + e.getMessage(), e);
        }
    }

    /**
     * POSTs {@code body} to the base URI's path prefix + {@code path}, signed for {@code appId}, giving up at
     * {@code deadline}: while still waiting to be sent as {@link NotSent} {@code DEADLINE_BEFORE_SEND}, once sent as
     * {@link LinkResult.NoAnswer} {@code TIMEOUT} (the per-call timeout is the sooner of the call timeout and the
     * deadline). The future never completes exceptionally; it completes on the link's event loop. A path or appId
     * that cannot be signed or sent completes it at once as {@code NotSent CLOSED}. Null arguments throw.
     */
    public CompletableFuture<LinkResult> post(String path, String appId, byte[] body, Instant deadline) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(deadline, "deadline");
        long start = System.nanoTime();
        CompletableFuture<LinkResult> result = new CompletableFuture<>();
        if (closed.get()) {
            return refuse(result, start, "link closed");
        }
        String target = cfg.pathPrefix() + path;
        if (!LinkRequests.validTarget(target)) {
            return refuse(result, start, "path cannot be a request target");
        }
        String upiJws;
        try {
            upiJws = UpiJws.sign(UpiJwsHeader.request(signer.alg(), signer.kid(), UpiJws.newUuid(),
                    Long.toString(clock.instant().getEpochSecond()), appId, target), body, signer.key());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return refuse(result, start, "request cannot be signed: " + e.getMessage());
        }
        PendingCall call = new PendingCall(target, appId, body, upiJws, deadline, start, result, metrics);
        try {
            loop.execute(() -> pool.submit(call));
        } catch (RejectedExecutionException e) {
            call.finish(new NotSent(NotSentReason.CLOSED, "event loop shut down"));
        }
        return result;
    }

    private CompletableFuture<LinkResult> refuse(CompletableFuture<LinkResult> result, long start, String detail) {
        LinkResult notSent = new NotSent(NotSentReason.CLOSED, detail);
        metrics.record(notSent, System.nanoTime() - start);
        result.complete(notSent);
        return result;
    }

    /** Counts now and peaks since start; readable from any thread. */
    public LinkStats stats() {
        return counters.snapshot();
    }

    public String name() {
        return name;
    }

    public LinkConfig config() {
        return cfg;
    }

    /**
     * Refuses new calls, fails waiting ones as {@code NotSent CLOSED} and closes every connection: calls in flight end
     * as {@code NoAnswer CONNECTION_LOST}. Removes the link's meters. Off the event loop, waits (briefly) for that to
     * be done; on it, only schedules it. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Future<?> done = loop.submit(pool::shutdown);
            if (!loop.inEventLoop()) {
                done.awaitUninterruptibly(CLOSE_WAIT_MILLIS);
            }
        } catch (RejectedExecutionException e) {
            // The loop is gone, and its channels with it.
        }
        metrics.remove();
    }

    @Override
    public String toString() {
        return "PeerLink[" + name + " " + cfg.origin() + "]";
    }
}
