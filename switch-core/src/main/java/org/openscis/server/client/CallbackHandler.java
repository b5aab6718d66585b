package org.openscis.server.client;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/**
 * Serves one connection of the {@link CallbackReceiver}: reads a callback, checks and records it, and writes the
 * answer the receiver chooses. The request is released by {@link SimpleChannelInboundHandler} once its body has been
 * copied.
 */
final class CallbackHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final List<String> RESPONSE_CRIT = List.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP,
            UpiJwsHeader.APPID);

    private final CallbackReceiver receiver;
    private final ClientIdentity identity;
    private final UpiJwsChecks checks;
    private final EnvelopeCodec codec;
    private final Clock clock;

    CallbackHandler(CallbackReceiver receiver, ClientIdentity identity, UpiJwsChecks checks, EnvelopeCodec codec,
            Clock clock) {
        this.receiver = receiver;
        this.identity = identity;
        this.checks = checks;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (!req.decoderResult().isSuccess()) {
            write(ctx, status(HttpResponseStatus.BAD_REQUEST), false);
            return;
        }
        if (!HttpMethod.POST.equals(req.method())) {
            FullHttpResponse resp = status(HttpResponseStatus.METHOD_NOT_ALLOWED);
            resp.headers().set(HttpHeaderNames.ALLOW, "POST");
            write(ctx, resp, keepAlive);
            return;
        }
        String path = new QueryStringDecoder(req.uri()).rawPath();
        byte[] body = ByteBufUtil.getBytes(req.content());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> h : req.headers()) {
            headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b);
        }
        Envelope envelope = codec.decode(body) instanceof DecodeResult.Ok ok ? ok.envelope() : null;
        SignatureCheck signature = checks.callback(headers.get(AppGatewayClient.UPI_JWS), body, path);
        ReceivedCallback callback = receiver.record(new ReceivedCallback(path, headers, body, envelope, signature,
                false, clock.instant()));
        CallbackAnswer answer = receiver.answerFor(callback);
        if (answer instanceof CallbackAnswer.Drop) {
            ctx.close();
        } else if (answer instanceof CallbackAnswer.Status s) {
            write(ctx, status(HttpResponseStatus.valueOf(s.httpStatus())), keepAlive);
        } else if (answer instanceof CallbackAnswer.Reply r) {
            write(ctx, signedReply(envelope, r), keepAlive);
        }
    }

    private FullHttpResponse signedReply(Envelope request, CallbackAnswer.Reply r) {
        boolean readable = request != null && request.msgInfo() != null;
        Envelope reply = new Envelope(readable ? request.msgInfo() : null, readable ? r.trxInfo() : null,
                new MsgResponse(r.responseCode(), r.responseMsg()));
        byte[] body = codec.encode(reply);
        UpiJwsHeader header = new UpiJwsHeader(JwsAlgorithms.forKey(identity.signingKey()), identity.signingKid(),
                RESPONSE_CRIT, UpiJws.newUuid(), Long.toString(clock.instant().getEpochSecond()), identity.insID(),
                null);
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                readable ? HttpResponseStatus.OK : HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, AppGatewayClient.CONTENT_TYPE_JSON);
        resp.headers().set(AppGatewayClient.UPI_JWS, UpiJws.sign(header, body, identity.signingKey()));
        return resp;
    }

    private static FullHttpResponse status(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse resp, boolean keepAlive) {
        HttpUtil.setContentLength(resp, resp.content().readableBytes());
        if (keepAlive) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture f = ctx.writeAndFlush(resp);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
