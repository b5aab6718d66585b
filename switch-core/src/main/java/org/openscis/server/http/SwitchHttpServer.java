package org.openscis.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.function.IntConsumer;
import org.openscis.server.config.LimitsConfig;

/**
 * The App Gateway / acquirer listener. Pipeline per connection: connection limit, optional TLS, idle close,
 * HTTP/1.1 codec (line and header limits), {@link PipelineOrder}, {@link PreflightHandler}, {@link BodyAggregator},
 * {@link SwitchRequestHandler}.
 */
public final class SwitchHttpServer implements AutoCloseable {

    private static final int MAX_INITIAL_LINE_BYTES = 4096;

    private final Channel channel;

    private SwitchHttpServer(Channel channel) {
        this.channel = channel;
    }

    public static SwitchHttpServer start(String host, int port, EventLoopGroup boss, EventLoopGroup io,
            LimitsConfig limits, SslContext ssl, SwitchRequestHandler handler, IntConsumer httpErrors,
            Runnable connectionRefused) throws InterruptedException {
        ConnectionLimiter limiter = new ConnectionLimiter(limits.maxConnections(), n -> connectionRefused.run());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(Transports.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast("limit", limiter);
                        if (ssl != null) {
                            p.addLast("tls", ssl.newHandler(ch.alloc()));
                        }
                        p.addLast("idle", new IdleCloser(limits.idleTimeout().toMillis()));
                        p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE_BYTES, limits.maxHeaderBytes(), 8192));
                        p.addLast("order", new PipelineOrder());
                        p.addLast("preflight", new PreflightHandler(limits.maxBodyBytes(), httpErrors));
                        p.addLast("aggregate", new BodyAggregator(limits.maxBodyBytes(), httpErrors));
                        p.addLast("switch", handler);
                    }
                });
        Channel ch = bootstrap.bind(host, port).sync().channel();
        return new SwitchHttpServer(ch);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
