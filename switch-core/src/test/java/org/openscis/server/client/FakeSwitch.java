package org.openscis.server.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny HTTP/1.1 server standing in for the switch in client tests: it records requests and answers each as the
 * test's responder says (a full response, nothing, a closed connection, or an answer completed later).
 */
final class FakeSwitch implements AutoCloseable {

    /** A request as the fake switch received it. */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** What to do with one request. */
    sealed interface Answer {
        record Full(int status, Map<String, String> headers, byte[] body, boolean close) implements Answer {}

        /** Answer when {@code later} completes (the test controls when). */
        record Later(CompletableFuture<Answer> later) implements Answer {}

        /** Never answer; keep the connection open. */
        record Silent() implements Answer {}

        /** Close the connection without answering. */
        record Close() implements Answer {}

        static Answer ok(byte[] body) {
            return new Full(200, Map.of("Content-Type", "application/json;charset=UTF-8"), body, false);
        }
    }

    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final boolean tls;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> responder = r -> Answer.ok(new byte[0]);

    private FakeSwitch(SslContext ssl, InetSocketAddress bind) {
        this.tls = ssl != null;
        this.server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted.incrementAndGet();
                        active.incrementAndGet();
                        ch.closeFuture().addListener(f -> active.decrementAndGet());
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                new Handler(), new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close();
                                    }
                                });
                    }
                })
                .bind(bind).syncUninterruptibly().channel();
    }

    static FakeSwitch start() {
        return new FakeSwitch(null, new InetSocketAddress("127.0.0.1", 0));
    }

    /** TLS on all interfaces, so that {@code https://localhost:port} works whichever address localhost names. */
    static FakeSwitch startTls(SslContext ssl) {
        return new FakeSwitch(ssl, new InetSocketAddress(0));
    }

    void respond(Function<Received, Answer> responder) {
        this.responder = responder;
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    URI url() {
        return URI.create((tls ? "https://localhost:" : "http://127.0.0.1:") + port());
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    int activeConnections() {
        return active.get();
    }

    List<Received> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            req.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            Received r = new Received(req.method().name(), req.uri(), headers, ByteBufUtil.getBytes(req.content()));
            requests.add(r);
            answer(ctx, responder.apply(r));
        }

        private void answer(ChannelHandlerContext ctx, Answer a) {
            if (a instanceof Answer.Full f) {
                FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(f.status()), Unpooled.wrappedBuffer(f.body()));
                f.headers().forEach((k, v) -> resp.headers().set(k, v));
                resp.headers().set(HttpHeaderNames.CONTENT_LENGTH, f.body().length);
                if (f.close()) {
                    resp.headers().set(HttpHeaderNames.CONNECTION, "close");
                    ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
                } else {
                    ctx.writeAndFlush(resp);
                }
            } else if (a instanceof Answer.Later l) {
                l.later().thenAccept(next -> ctx.executor().execute(() -> answer(ctx, next)));
            } else if (a instanceof Answer.Close) {
                ctx.close();
            }
        }
    }
}
