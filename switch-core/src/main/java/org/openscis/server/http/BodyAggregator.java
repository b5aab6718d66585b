package org.openscis.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.IntConsumer;

/**
 * Buffers a request body up to the limit. A body that grows past it (chunked, or longer than declared) gets the
 * same JSON 413 as a declared one, and the connection is closed since the rest of the body cannot be trusted.
 */
public final class BodyAggregator extends HttpObjectAggregator {

    private final IntConsumer httpErrors;

    public BodyAggregator(int maxBodyBytes, IntConsumer httpErrors) {
        super(maxBodyBytes);
        this.httpErrors = httpErrors;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        httpErrors.accept(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code());
        HttpReplies.send(ctx, HttpReplies.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "body larger than " + maxContentLength() + " bytes"), false);
    }
}
