package org.openscis.connector.link;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.openscis.codec.mask.Masking;

/**
 * The last handler of a link connection: one exchange at a time (no pipelining). {@link #send} writes a request and
 * remembers whom to tell; the aggregated response, a lost connection, or unusable bytes end the exchange, exactly
 * once. A response with no exchange waiting (unsolicited, or late after {@link #abandon}) closes the connection, so
 * that it can never be taken for the answer to a later request. Interim 1xx responses are skipped. Event loop only;
 * not sharable.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {

    static final String UPI_JWS = "UPI-JWS";

    private ChannelHandlerContext ctx;
    private Consumer<ExchangeOutcome> waiting;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Writes {@code request} (taking ownership of it) and reports how the exchange ends to {@code onOutcome}, on the
     * event loop. Throws IllegalStateException (after releasing the request) if an exchange is still open.
     */
    void send(FullHttpRequest request, Consumer<ExchangeOutcome> onOutcome) {
        if (waiting != null) {
            ReferenceCountUtil.release(request);
            throw new IllegalStateException("an exchange is already open on this connection");
        }
        waiting = onOutcome;
        ctx.writeAndFlush(request).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                end(new ExchangeOutcome.Lost("request write failed: " + describe(f.cause())));
                f.channel().close();
            }
        });
    }

    /** Forgets the open exchange without reporting it (its caller gave up and closes the connection). */
    void abandon() {
        waiting = null;
    }

    boolean busy() {
        return waiting != null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpResponse response)) {
            ReferenceCountUtil.release(msg);
            end(new ExchangeOutcome.Malformed("unexpected " + msg.getClass().getSimpleName()));
            ctx.close();
            return;
        }
        try {
            read(ctx, response);
        } finally {
            response.release();
        }
    }

    private void read(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (response.decoderResult().isFailure()) {
            Throwable cause = response.decoderResult().cause();
            // The decoder reports a close in the middle of a response as a failed message: the connection's fault.
            end(cause instanceof PrematureChannelClosureException
                    ? new ExchangeOutcome.Lost("connection closed in the middle of the answer")
                    : new ExchangeOutcome.Malformed("unreadable HTTP response: " + describe(cause)));
            ctx.close();
            return;
        }
        int status = response.status().code();
        if (status < HttpResponseStatus.OK.code() && status != HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
            return;
        }
        if (waiting == null) {
            ctx.close();
            return;
        }
        end(new ExchangeOutcome.Response(status, HttpUtil.isKeepAlive(response), response.headers().get(UPI_JWS),
                ByteBufUtil.getBytes(response.content())));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ResponseAggregator.TooLarge tooLarge) {
            end(new ExchangeOutcome.Malformed("response larger than " + tooLarge.limitBytes() + " bytes"));
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(new ExchangeOutcome.Lost("connection closed before a complete answer"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // TLS failures also arrive wrapped in a DecoderException, but they are the connection's, not the response's.
        end(cause instanceof DecoderException && !(cause.getCause() instanceof SSLException)
                ? new ExchangeOutcome.Malformed("unreadable HTTP response: " + describe(cause))
                : new ExchangeOutcome.Lost("connection failed: " + describe(cause)));
        ctx.close();
    }

    private void end(ExchangeOutcome outcome) {
        Consumer<ExchangeOutcome> w = waiting;
        waiting = null;
        if (w != null) {
            w.accept(outcome);
        }
    }

    /**
     * Exception class and message. Decoder messages may quote what the peer sent (a bad status line), so long digit
     * runs are masked like any free text that may reach a log.
     */
    static String describe(Throwable t) {
        if (t == null) {
            return "unknown cause";
        }
        Throwable root = t instanceof DecoderException && t.getCause() != null ? t.getCause() : t;
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + Masking.digits(message) + ")");
    }
}
