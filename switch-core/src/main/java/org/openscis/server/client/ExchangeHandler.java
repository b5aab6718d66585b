package org.openscis.server.client;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a client connection: writes one request at a time (HTTP/1.1 without pipelining) and completes
 * it with the aggregated response. Runs on the channel's event loop only; the aggregated message is released by
 * {@link SimpleChannelInboundHandler} after the body has been copied out.
 */
final class ExchangeHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);

    private final ConnectionPool pool;
    private final String hostHeader;
    private final int maxResponseBytes;
    private ChannelHandlerContext ctx;
    private PendingExchange current;

    ExchangeHandler(ConnectionPool pool, String hostHeader, int maxResponseBytes) {
        this.pool = pool;
        this.hostHeader = hostHeader;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Called on the event loop when the pool hands this connection to {@code ex}. */
    void start(PendingExchange ex) {
        if (!ctx.channel().isActive()) {
            // The server closed an idle connection under us; nothing was written, so another connection may serve.
            pool.resubmit(ex);
            return;
        }
        if (!ex.bind(ctx.channel())) {
            pool.release(ctx.channel(), true);
            return;
        }
        current = ex;
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, ex.method, ex.uri,
                Unpooled.wrappedBuffer(ex.body));
        req.headers().set(HttpHeaderNames.HOST, hostHeader);
        for (Map.Entry<String, String> h : ex.headers.entrySet()) {
            req.headers().set(h.getKey(), h.getValue());
        }
        // Framing headers are ours: a caller-supplied value would desynchronise the connection.
        req.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        req.headers().set(HttpHeaderNames.CONTENT_LENGTH, ex.body.length);
        ctx.writeAndFlush(req).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                failCurrent(new ConnectionClosedException("request could not be written", f.cause()));
                f.channel().close();
            }
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
        PendingExchange ex = current;
        current = null;
        if (ex == null || !ex.finish()) {
            // Unsolicited, or the exchange timed out and its channel is being closed: never reuse this connection.
            ctx.close();
            return;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> h : msg.headers()) {
            headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b);
        }
        HttpReply reply = new HttpReply(msg.status().code(), headers,
                ByteBufUtil.getBytes(msg.content()));
        boolean reusable = HttpUtil.isKeepAlive(msg) && msg.decoderResult().isSuccess();
        // Release first so that a caller reacting to the result finds this connection idle again.
        pool.release(ctx.channel(), reusable);
        ex.result.complete(reply);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        failCurrent(new ConnectionClosedException("connection closed before a complete response arrived"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable failure = tooLong(cause) ? new ResponseTooLargeException(maxResponseBytes, cause)
                : new ConnectionClosedException("connection failed: " + cause, cause);
        if (current == null) {
            LOG.debug("error on idle client connection {}", ctx.channel(), cause);
        }
        failCurrent(failure);
        ctx.close();
    }

    private void failCurrent(Throwable cause) {
        PendingExchange ex = current;
        current = null;
        if (ex != null) {
            ex.fail(cause);
        }
    }

    private static boolean tooLong(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLongFrameException) {
                return true;
            }
        }
        return false;
    }
}
