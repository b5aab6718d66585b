package org.openscis.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One request at a time per connection, so replies keep request order (HTTP/1.1 pipelining). Turning auto-read off
 * does not stop the decoder: several requests that arrived in one read are all decoded at once. A request that
 * arrives while an earlier one is unanswered is held here, with its body, until that answer has been written.
 * Sits right after the HTTP codec; not sharable.
 */
public final class PipelineOrder extends ChannelDuplexHandler {

    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private int unanswered;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!held.isEmpty() || (msg instanceof HttpRequest && unanswered > 0)) {
            held.add(msg);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        pass(ctx, msg);
    }

    private void pass(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            unanswered++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean answer = msg instanceof HttpResponse r ? r.status().code() >= 200 && msg instanceof LastHttpContent
                : msg instanceof LastHttpContent;
        ctx.write(msg, promise);
        if (answer && unanswered > 0) {
            unanswered--;
            if (!held.isEmpty()) {
                // after the writer's own completion listeners, which may turn auto-read back on
                ctx.executor().execute(() -> release(ctx));
            }
        }
    }

    private void release(ChannelHandlerContext ctx) {
        while (!held.isEmpty() && ctx.channel().isActive()) {
            if (held.peek() instanceof HttpRequest && unanswered > 0) {
                ctx.channel().config().setAutoRead(false);
                return;
            }
            pass(ctx, held.poll());
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discard();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        discard();
        super.channelInactive(ctx);
    }

    private void discard() {
        Object msg;
        while ((msg = held.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
