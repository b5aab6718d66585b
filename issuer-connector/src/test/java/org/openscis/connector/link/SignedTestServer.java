package org.openscis.connector.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.ParsedJws;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/**
 * A loopback HTTP/1.1 peer for link tests. Each request is checked (its UPI-JWS against the switch key, appId and
 * path) and recorded; a settable behaviour decides the reply: by default the request's msgInfo echoed with code 00,
 * signed with the peer key. Counts connections accepted, open now and at most.
 */
public final class SignedTestServer implements AutoCloseable {

    /** A request as received; {@code signatureOk} says whether its UPI-JWS verified with the switch's key. */
    public record Received(String path, String upiJws, byte[] body, boolean signatureOk, String appId,
            ChannelHandlerContext ctx) {}

    /** What to do with a request. */
    public sealed interface Reply {
        record Signed(int status, byte[] body, PrivateKey key, String kid, String appId, boolean close)
                implements Reply {}

        record Unsigned(int status, byte[] body) implements Reply {}

        /** Bytes written as they are, bypassing the HTTP encoder. */
        record Raw(byte[] bytes) implements Reply {}

        /** Close the connection without a word. */
        record Close() implements Reply {}

        /** Keep it unanswered until {@link #releaseHeld} (or forever). */
        record Hold() implements Reply {}

        /** {@code then}, after {@code millis} (scheduled on the connection's loop). */
        record Later(long millis, Reply then) implements Reply {}
    }

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final String scheme;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger openNow = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    private final AtomicInteger closedConnections = new AtomicInteger();
    private volatile Function<Received, Reply> behaviour = SignedTestServer::echo;

    private SignedTestServer(SslContext ssl, int port) {
        this.scheme = ssl == null ? "http" : "https";
        this.server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accepted.incrementAndGet();
                        peakOpen.accumulateAndGet(openNow.incrementAndGet(), Math::max);
                        ch.closeFuture().addListener(f -> {
                            openNow.decrementAndGet();
                            closedConnections.incrementAndGet();
                        });
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                new Handler());
                    }
                })
                .bind("127.0.0.1", port).syncUninterruptibly().channel();
    }

    public static SignedTestServer start() {
        return new SignedTestServer(null, 0);
    }

    public static SignedTestServer start(SslContext ssl) {
        return new SignedTestServer(ssl, 0);
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + port());
    }

    public void behave(Function<Received, Reply> newBehaviour) {
        this.behaviour = newBehaviour;
    }

    public List<Received> received() {
        return received;
    }

    public int heldCount() {
        return held.size();
    }

    public int accepted() {
        return accepted.get();
    }

    public int openNow() {
        return openNow.get();
    }

    public int peakOpen() {
        return peakOpen.get();
    }

    public int closedConnections() {
        return closedConnections.get();
    }

    /** Answers every held request with {@code reply} (on its connection's loop). */
    public void releaseHeld(Function<Received, Reply> reply) {
        List<Received> toRelease = new ArrayList<>(held);
        held.removeAll(toRelease);
        for (Received r : toRelease) {
            r.ctx().executor().execute(() -> answer(r, reply.apply(r)));
        }
    }

    /** The default: msgInfo echoed (own timeStamp), code 00, trxInfo {path}, signed by the peer key. */
    public static Reply echo(Received r) {
        return signed(200, echoBody(r, "00", "Approved", TrxInfo.builder().put("path", r.path()).build()));
    }

    public static byte[] echoBody(Received r, String code, String msg, TrxInfo trxInfo) {
        DecodeResult decoded = CODEC.decode(r.body());
        if (!(decoded instanceof DecodeResult.Ok ok)) {
            throw new IllegalStateException("the link sent an unreadable body");
        }
        return CODEC.encode(Envelope.response(ok.envelope().msgInfo().withTimeStamp("20250101000000"), trxInfo,
                new MsgResponse(code, msg)));
    }

    public static Reply signed(int status, byte[] body) {
        return new Reply.Signed(status, body, LinkTestKeys.PEER_SIGNING.getPrivate(), LinkTestKeys.PEER_KID, null,
                false);
    }

    public static Reply signedBy(KeyPair pair, String kid, int status, byte[] body) {
        return new Reply.Signed(status, body, pair.getPrivate(), kid, null, false);
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            byte[] body = ByteBufUtil.getBytes(req.content());
            String jws = req.headers().get("UPI-JWS");
            String appId = null;
            boolean ok = false;
            JwsParseResult parsed = UpiJws.parse(jws, false);
            if (parsed instanceof JwsParseResult.Ok p) {
                ParsedJws pj = p.jws();
                appId = pj.header().appId();
                ok = req.uri().equals(pj.header().reqPath())
                        && UpiJws.verify(pj, body, LinkTestKeys.SWITCH_SIGNING.getPublic());
            }
            Received r = new Received(req.uri(), jws, body, ok, appId, ctx);
            received.add(r);
            answer(r, behaviour.apply(r));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private void answer(Received r, Reply reply) {
        ChannelHandlerContext ctx = r.ctx();
        if (reply instanceof Reply.Later later) {
            ctx.executor().schedule(() -> answer(r, later.then()), later.millis(), TimeUnit.MILLISECONDS);
        } else if (reply instanceof Reply.Hold) {
            held.add(r);
        } else if (reply instanceof Reply.Close) {
            ctx.close();
        } else if (reply instanceof Reply.Raw raw) {
            ctx.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(raw.bytes()));
        } else if (reply instanceof Reply.Unsigned u) {
            ctx.writeAndFlush(response(u.status(), u.body(), null, false));
        } else if (reply instanceof Reply.Signed s) {
            String appId = s.appId() != null ? s.appId() : r.appId() != null ? r.appId() : "unknown";
            String jws = UpiJws.sign(UpiJwsHeader.response("RS256".equals(alg(s.key())) ? "RS256" : "ES256", s.kid(),
                    UpiJws.newUuid(), Long.toString(Instant.now().getEpochSecond()), appId), s.body(), s.key());
            var f = ctx.writeAndFlush(response(s.status(), s.body(), jws, s.close()));
            if (s.close()) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private static String alg(PrivateKey key) {
        return "RSA".equals(key.getAlgorithm()) ? "RS256" : "ES256";
    }

    private static FullHttpResponse response(int status, byte[] body, String jws, boolean close) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (jws != null) {
            res.headers().set("UPI-JWS", jws);
        }
        if (close) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return res;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
