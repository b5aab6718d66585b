package org.openscis.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.router.MessageType;
import org.openscis.server.dispatch.Dispatcher;
import org.openscis.server.dispatch.Reply;
import org.openscis.server.dispatch.ResponseFactory;
import org.openscis.server.gate.GateDecision;
import org.openscis.server.gate.InboundMessage;
import org.openscis.server.gate.SecurityGate;
import org.openscis.server.metrics.SwitchMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a complete request to a worker thread (the gate and the handlers may block on storage), and writes the
 * signed reply back on the event loop. The connection reads nothing else until the reply is written, so replies
 * keep request order on keep-alive connections. A full worker queue, or a request that waited longer than
 * {@code maxQueueWait} for a worker, is answered at once with HTTP 503 and code 96 without being processed, so an
 * overload is shed quickly instead of queueing every request towards its deadline.
 */
@ChannelHandler.Sharable
public final class SwitchRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchRequestHandler.class);
    /** One logfmt line per answered message (no card data: type, codes, timing, requester). */
    private static final Logger ACCESS = LoggerFactory.getLogger("org.openscis.access");
    static final String UPI_JWS = "UPI-JWS";

    private final Executor workers;
    private final EnvelopeCodec codec;
    private final SecurityGate gate;
    private final Dispatcher dispatcher;
    private final ResponseFactory responses;
    private final ResponseSigner signer;
    private final SwitchMetrics metrics;
    private final long maxQueueWaitNanos;

    public SwitchRequestHandler(Executor workers, Duration maxQueueWait, EnvelopeCodec codec, SecurityGate gate,
            Dispatcher dispatcher, ResponseFactory responses, ResponseSigner signer, SwitchMetrics metrics) {
        this.maxQueueWaitNanos = maxQueueWait.toNanos();
        this.workers = workers;
        this.codec = codec;
        this.gate = gate;
        this.dispatcher = dispatcher;
        this.responses = responses;
        this.signer = signer;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        long started = System.nanoTime();
        MessageType type = ctx.channel().attr(PreflightHandler.TYPE).get();
        byte[] body = ByteBufUtil.getBytes(request.content());
        String jws = request.headers().get(UPI_JWS);
        String path = PreflightHandler.path(request.uri());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Channel channel = ctx.channel();
        channel.config().setAutoRead(false);
        try {
            workers.execute(() -> process(channel, type, path, jws, body, keepAlive, started));
        } catch (RejectedExecutionException e) {
            shed(channel, type, body, keepAlive, started, "queue_full");
        }
    }

    private void shed(Channel channel, MessageType type, byte[] body, boolean keepAlive, long started, String why) {
        metrics.overload(why);
        DecodeResult decoded = codec.decode(body);
        MsgInfo echo = decoded instanceof DecodeResult.Ok ok ? ok.envelope().msgInfo() : null;
        Reply reply = responses.reply(503, echo, null, ResponseCode.SYSTEM_ERROR, "switch busy, retry later",
                echo == null ? "" : echo.insID());
        send(channel, type, reply, keepAlive, started);
    }

    private void process(Channel channel, MessageType type, String path, String jws, byte[] body, boolean keepAlive,
            long started) {
        if (System.nanoTime() - started > maxQueueWaitNanos) {
            shed(channel, type, body, keepAlive, started, "queue_wait");
            return;
        }
        CompletableFuture<Reply> reply;
        try {
            GateDecision decision = gate.check(new InboundMessage(type, path, jws, body, codec.decode(body)));
            if (decision instanceof GateDecision.Admitted a) {
                // the deadline counts from arrival, queueing and the gate included
                reply = dispatcher.dispatch(a, Duration.ofNanos(System.nanoTime() - started));
            } else if (decision instanceof GateDecision.Rejected r) {
                metrics.gateRejection(r.reason());
                reply = CompletableFuture.completedFuture(
                        responses.reply(200, r.echo(), null, r.code(), r.detail(), r.appId()));
            } else {
                GateDecision.Unreadable u = (GateDecision.Unreadable) decision;
                metrics.httpError(400);
                reply = CompletableFuture.completedFuture(
                        new Reply(400, responses.body(null, null, ResponseCode.FORMAT_ERROR, u.detail()),
                                ResponseCode.FORMAT_ERROR.code(), u.appId()));
            }
        } catch (Throwable e) {
            // storage behind the replay window unavailable, or a bug: the client still gets an answer (never a
            // stack trace, never a connection left waiting with reads off)
            LOG.error("request on {} failed before dispatch", path, e);
            send(channel, type, responses.reply(503, null, null, ResponseCode.SYSTEM_ERROR, null, ""), keepAlive,
                    started);
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return;
        }
        reply.whenComplete((r, e) -> {
            Reply out = e == null ? r : responses.reply(503, null, null, ResponseCode.SYSTEM_ERROR, null, "");
            send(channel, type, out, keepAlive, started);
        });
    }

    private void send(Channel channel, MessageType type, Reply reply, boolean keepAlive, long started) {
        String signature;
        try {
            signature = signer.sign(reply.body(), reply.appId());
        } catch (RuntimeException e) {
            LOG.error("could not sign a response", e);
            signature = null;
        }
        String jws = signature;
        channel.eventLoop().execute(() -> {
            FullHttpResponse response = HttpReplies.json(HttpResponseStatus.valueOf(reply.httpStatus()),
                    Unpooled.wrappedBuffer(reply.body()));
            if (jws != null) {
                response.headers().set(UPI_JWS, jws);
            }
            if (reply.overloaded()) {
                response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            }
            response.headers().set(HttpHeaderNames.CONNECTION,
                    keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
            long nanos = System.nanoTime() - started;
            metrics.response(type.name(), reply.responseCode(), reply.httpStatus(), nanos);
            if (ACCESS.isInfoEnabled()) {
                ACCESS.info("type={} code={} http={} micros={} appId={} remote={}", type.name(), reply.responseCode(),
                        reply.httpStatus(), nanos / 1000, ResponseSigner.usableAppId(reply.appId()),
                        channel.remoteAddress());
            }
            if (!channel.isActive()) {
                response.release();
                return;
            }
            channel.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
                if (!keepAlive || !f.isSuccess()) {
                    f.channel().close();
                } else {
                    f.channel().config().setAutoRead(true);
                    f.channel().read();
                }
            });
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
