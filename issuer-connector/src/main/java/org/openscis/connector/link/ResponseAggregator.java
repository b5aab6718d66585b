package org.openscis.connector.link;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Buffers a response body up to the link's limit. A response that declares or grows past it becomes a
 * {@link TooLarge} event for the handlers behind and the connection is closed: the rest of the body cannot be
 * skipped reliably and the connection is unusable. (Netty's own aggregator throws for an oversized response.)
 */
final class ResponseAggregator extends HttpObjectAggregator {

    /** The user event fired for a response over {@code limitBytes}. */
    record TooLarge(int limitBytes) {}

    ResponseAggregator(int maxResponseBytes) {
        super(maxResponseBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // The aggregator releases the oversized message itself.
        ctx.fireUserEventTriggered(new TooLarge(maxContentLength()));
        ctx.close();
    }
}
