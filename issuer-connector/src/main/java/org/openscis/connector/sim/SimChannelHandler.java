package org.openscis.connector.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection: requests are answered one at a time in arrival order (HTTP/1.1 pipelining keeps its order), each
 * copied off its buffer and released as soon as it is read. After a hung request (NO_ANSWER) the connection stays
 * open but answers nothing more, like a stuck server; it still reads, so that it notices when the client gives up
 * and closes. Every method runs on the connection's event loop. Not sharable.
 */
final class SimChannelHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SimChannelHandler.class);

    private final Routes routes;
    private final ArrayDeque<SimRequest> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean hung;

    SimChannelHandler(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (hung) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof SimRequest oversized) {
            waiting.add(oversized);
        } else if (msg instanceof FullHttpRequest request) {
            try {
                waiting.add(SimRequest.of(request, ctx.channel().remoteAddress()));
            } finally {
                request.release();
            }
        } else {
            // The rest of a discarded oversized body, which the aggregator lets through.
            ReferenceCountUtil.release(msg);
            return;
        }
        next(ctx);
    }

    private void next(ChannelHandlerContext ctx) {
        if (busy || waiting.isEmpty() || !ctx.channel().isActive()) {
            return;
        }
        busy = true;
        SimRequest request = waiting.poll();
        CompletableFuture<SimAction> decided;
        try {
            decided = routes.route(request, ctx.executor());
        } catch (RuntimeException e) {
            decided = CompletableFuture.failedFuture(e);
        }
        decided.whenComplete((action, error) -> ctx.executor().execute(() -> {
            if (error != null) {
                LOG.warn("Simulator request failed: {}", Failures.describe(error));
                perform(ctx, request, HttpBodies.error(500, "simulator error", true));
            } else {
                perform(ctx, request, action);
            }
        }));
    }

    private void perform(ChannelHandlerContext ctx, SimRequest request, SimAction action) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (action instanceof SimAction.Hang) {
            hung = true;
            waiting.clear();
            return;
        }
        if (action instanceof SimAction.Drop) {
            ctx.close();
            return;
        }
        SimAction.Reply reply = (SimAction.Reply) action;
        if (reply.delayMillis() > 0) {
            ctx.executor().schedule(() -> write(ctx, request, reply), reply.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            write(ctx, request, reply);
        }
    }

    private void write(ChannelHandlerContext ctx, SimRequest request, SimAction.Reply reply) {
        if (!ctx.channel().isActive()) {
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            response.headers().set(header.getKey(), header.getValue());
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        boolean keepAlive = request.keepAlive() && !reply.close();
        response.headers().set(HttpHeaderNames.CONNECTION,
                keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            if (!keepAlive || !f.isSuccess()) {
                f.channel().close();
                return;
            }
            busy = false;
            next(ctx);
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        waiting.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Simulator connection closed after an error: {}", Failures.describe(cause));
        ctx.close();
    }
}
