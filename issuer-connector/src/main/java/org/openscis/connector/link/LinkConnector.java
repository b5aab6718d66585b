package org.openscis.connector.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Opens one connection of a link: looks the host up off the loop, connects with the connect timeout, and for https
 * waits for the TLS handshake. The returned future succeeds with a channel ready for requests (its pipeline built
 * by {@link LinkChannelInitializer}), or fails with the cause; listeners run on the link's event loop.
 */
final class LinkConnector {

    private final EventLoop loop;
    private final LinkConfig cfg;
    private final Bootstrap bootstrap;

    LinkConnector(EventLoop loop, LinkConfig cfg, SslContext ssl) {
        this.loop = loop;
        this.cfg = cfg;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(epoll(loop) ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) cfg.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new LinkChannelInitializer(cfg, ssl));
    }

    /** The channel type must match the loop's I/O: epoll loops take epoll channels, anything else NIO. */
    private static boolean epoll(EventLoop loop) {
        try {
            return loop instanceof IoEventLoop io && io.isIoType(EpollIoHandler.class);
        } catch (LinkageError e) {
            return false;
        }
    }

    Future<Channel> connect() {
        Promise<Channel> ready = loop.newPromise();
        HostResolver.resolve(cfg.host()).whenComplete((address, error) -> {
            try {
                loop.execute(() -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        ready.tryFailure(cause);
                    } else {
                        open(address, ready);
                    }
                });
            } catch (RejectedExecutionException e) {
                ready.tryFailure(e);
            }
        });
        return ready;
    }

    private void open(InetAddress address, Promise<Channel> ready) {
        bootstrap.connect(new InetSocketAddress(address, cfg.port())).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                ready.tryFailure(f.cause());
                return;
            }
            Channel ch = f.channel();
            SslHandler tls = (SslHandler) ch.pipeline().get(LinkChannelInitializer.TLS);
            if (tls == null) {
                ready.trySuccess(ch);
                return;
            }
            tls.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    ready.trySuccess(ch);
                } else {
                    ch.close();
                    ready.tryFailure(h.cause());
                }
            });
        });
    }
}
