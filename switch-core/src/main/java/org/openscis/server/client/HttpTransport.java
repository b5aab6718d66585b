package org.openscis.server.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP/1.1 layer of {@link AppGatewayClient}: a connection pool on an event loop group plus the per-request
 * deadline. A request that misses its deadline fails with {@link TimeoutException}; if it was already written, its
 * connection is closed (a late response would otherwise be read as the answer to the next request).
 */
final class HttpTransport implements AutoCloseable {

    private static final long SHUTDOWN_QUIET_MILLIS = 0;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final ClientOptions options;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ConnectionPool pool;
    private volatile boolean closed;

    HttpTransport(ClientOptions options) {
        this.options = options;
        this.ownsGroup = options.sharedGroup() == null;
        this.group = ownsGroup
                ? new MultiThreadIoEventLoopGroup(options.ioThreads(), NioIoHandler.newFactory())
                : options.sharedGroup();
        try {
            this.pool = new ConnectionPool(group, options, TlsContexts.forOptions(options));
        } catch (RuntimeException e) {
            if (ownsGroup) {
                group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
            throw e;
        }
    }

    /**
     * Sends one request; {@code path} is appended to the base URL's path prefix. {@code timeout} null means the
     * client's request timeout.
     */
    CompletableFuture<HttpReply> exchange(HttpMethod method, String path, byte[] body, Map<String, String> headers,
            Duration timeout) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("client is closed"));
        }
        String uri = options.pathPrefix() + (path.startsWith("/") ? path : "/" + path);
        PendingExchange ex = new PendingExchange(method, uri, body, headers);
        Duration deadline = timeout != null ? timeout : options.requestTimeout();
        try {
            ex.timeout(group.next().schedule(() -> onTimeout(ex, deadline), deadline.toNanos(),
                    TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("client is closed", e));
        }
        pool.submit(ex);
        return ex.result;
    }

    private void onTimeout(PendingExchange ex, Duration deadline) {
        if (!ex.finish()) {
            return;
        }
        Channel ch = ex.channel();
        if (ch != null) {
            ch.close();
        } else {
            pool.forget(ex);
        }
        ex.result.completeExceptionally(new TimeoutException("no response within " + deadline
                + " for " + ex.method + " " + ex.uri));
    }

    int openConnections() {
        return pool.openConnections();
    }

    int idleConnections() {
        return pool.idleConnections();
    }

    int queuedRequests() {
        return pool.queuedRequests();
    }

    long connectionsOpened() {
        return pool.connectionsOpened();
    }

    @Override
    public void close() {
        closed = true;
        for (ChannelFuture f : pool.close()) {
            f.awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        }
        if (ownsGroup) {
            group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2);
        }
    }
}
