package org.openscis.connector.sim;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Buffers a request body up to the limit. A body over it (declared or grown) is discarded as it arrives and the
 * request goes on as a {@link SimRequest#oversized} one, so that its 413 is answered in turn with the connection's
 * other requests; the connection stays usable when the request was keep-alive.
 */
final class SimBodyAggregator extends HttpObjectAggregator {

    SimBodyAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest request) {
            ctx.fireChannelRead(SimRequest.oversized(request, ctx.channel().remoteAddress()));
        } else {
            ctx.close();
        }
    }
}
