package org.openscis.server.client;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One request on its way: waiting for a connection, written, or finished. Exactly one party finishes it (response,
 * failure or timeout); {@link #finish()} decides which, and binding a channel is ordered against it so a timed-out
 * exchange never gets a channel and a bound one is always closed by its timeout.
 */
final class PendingExchange {

    final HttpMethod method;
    final String uri;
    final byte[] body;
    final Map<String, String> headers;
    final CompletableFuture<HttpReply> result = new CompletableFuture<>();

    private boolean finished;
    private Channel channel;
    private ScheduledFuture<?> timeout;

    PendingExchange(HttpMethod method, String uri, byte[] body, Map<String, String> headers) {
        this.method = method;
        this.uri = uri;
        this.body = body;
        this.headers = headers;
    }

    /** Binds the channel unless the exchange already finished (e.g. timed out while queued) or was cancelled. */
    synchronized boolean bind(Channel ch) {
        if (finished || result.isDone()) {
            return false;
        }
        channel = ch;
        return true;
    }

    /** True for the one caller that gets to complete the exchange. */
    synchronized boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        return true;
    }

    synchronized boolean finished() {
        return finished || result.isDone();
    }

    synchronized Channel channel() {
        return channel;
    }

    synchronized void timeout(ScheduledFuture<?> task) {
        if (finished) {
            task.cancel(false);
        } else {
            timeout = task;
        }
    }

    /** Completes exceptionally if nobody finished it yet. */
    void fail(Throwable cause) {
        if (finish()) {
            result.completeExceptionally(cause);
        }
    }
}
