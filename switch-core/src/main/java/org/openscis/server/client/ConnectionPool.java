package org.openscis.server.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keep-alive connections to one host: at most {@code maxConnections} open (or opening), each carrying one request at
 * a time; further requests wait in a bounded FIFO queue or fail fast with {@link ClientBusyException}. The counts
 * are guarded by this object's monitor; I/O happens on the channels' event loops outside it.
 */
final class ConnectionPool {

    private static final String HANDLER = "exchange";

    private final Bootstrap bootstrap;
    private final String host;
    private final int port;
    private final int maxConnections;
    private final int maxQueuedRequests;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final ArrayDeque<PendingExchange> waiting = new ArrayDeque<>();
    private final Set<Channel> all = new HashSet<>();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private int open;
    private boolean closed;

    ConnectionPool(EventLoopGroup group, ClientOptions options, SslContext ssl) {
        this.host = options.host();
        this.port = options.port();
        this.maxConnections = options.maxConnections();
        this.maxQueuedRequests = options.maxQueuedRequests();
        boolean defaultPort = port == (options.https() ? 443 : 80);
        String hostHeader = defaultPort ? host : host + ":" + port;
        int maxResponseBytes = options.maxResponseBytes();
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (ssl != null) {
                            p.addLast("tls", ssl.newHandler(ch.alloc(), host, port));
                        }
                        p.addLast("http", new HttpClientCodec());
                        p.addLast("aggregate", new HttpObjectAggregator(maxResponseBytes));
                        p.addLast(HANDLER, new ExchangeHandler(ConnectionPool.this, hostHeader, maxResponseBytes));
                    }
                });
    }

    /** Hands {@code ex} to an idle connection, a new one, or the queue; fails it when none of these is possible. */
    void submit(PendingExchange ex) {
        Channel ch;
        boolean connect = false;
        synchronized (this) {
            if (closed) {
                ex.fail(new IllegalStateException("client is closed"));
                return;
            }
            ch = pollIdle();
            if (ch == null) {
                if (open < maxConnections) {
                    open++;
                    connect = true;
                } else if (waiting.size() < maxQueuedRequests) {
                    waiting.addLast(ex);
                    return;
                }
            }
        }
        if (ch != null) {
            dispatch(ch, ex);
        } else if (connect) {
            connect(ex);
        } else {
            ex.fail(new ClientBusyException(maxConnections, maxQueuedRequests));
        }
    }

    /** A connection handed over turned out to be closed before anything was written: try again. */
    void resubmit(PendingExchange ex) {
        submit(ex);
    }

    /** Returns a connection after an exchange: to the next waiter, to the idle set, or closed. */
    void release(Channel ch, boolean reusable) {
        if (!reusable || !ch.isActive()) {
            ch.close();
            return;
        }
        PendingExchange next;
        synchronized (this) {
            if (closed) {
                next = null;
            } else {
                next = pollWaiting();
                if (next == null) {
                    idle.addLast(ch);
                    return;
                }
            }
        }
        if (next == null) {
            ch.close();
        } else {
            dispatch(ch, next);
        }
    }

    /** Forgets a queued exchange that timed out. */
    synchronized void forget(PendingExchange ex) {
        waiting.remove(ex);
    }

    synchronized int openConnections() {
        return open;
    }

    synchronized int idleConnections() {
        return idle.size();
    }

    synchronized int queuedRequests() {
        return waiting.size();
    }

    long connectionsOpened() {
        return connectionsOpened.get();
    }

    /** Fails queued requests and closes every connection; in-flight requests fail as their channels close. */
    List<ChannelFuture> close() {
        List<PendingExchange> failed;
        List<Channel> channels;
        synchronized (this) {
            closed = true;
            failed = new ArrayList<>(waiting);
            waiting.clear();
            idle.clear();
            channels = new ArrayList<>(all);
        }
        for (PendingExchange ex : failed) {
            ex.fail(new IllegalStateException("client is closed"));
        }
        List<ChannelFuture> closing = new ArrayList<>();
        for (Channel ch : channels) {
            closing.add(ch.close());
        }
        return closing;
    }

    private void dispatch(Channel ch, PendingExchange ex) {
        ExchangeHandler handler = (ExchangeHandler) ch.pipeline().get(HANDLER);
        if (handler == null) {
            // The pipeline is torn down only when the channel closed; the close listener frees the slot.
            resubmit(ex);
            return;
        }
        ch.eventLoop().execute(() -> handler.start(ex));
    }

    private void connect(PendingExchange ex) {
        bootstrap.connect(host, port).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                Channel ch = f.channel();
                connectionsOpened.incrementAndGet();
                boolean accepted;
                synchronized (this) {
                    accepted = !closed;
                    if (accepted) {
                        all.add(ch);
                    }
                }
                ch.closeFuture().addListener(cf -> onClosed(ch));
                if (accepted) {
                    dispatch(ch, ex);
                } else {
                    ex.fail(new IllegalStateException("client is closed"));
                }
            } else {
                synchronized (this) {
                    open--;
                }
                ex.fail(f.cause());
                startWaiting();
            }
        });
    }

    private void onClosed(Channel ch) {
        synchronized (this) {
            idle.remove(ch);
            all.remove(ch);
            open--;
        }
        startWaiting();
    }

    /** Opens connections for queued requests while there is room (after a close or a failed connect). */
    private void startWaiting() {
        List<PendingExchange> toConnect = new ArrayList<>();
        synchronized (this) {
            while (!closed && open < maxConnections) {
                PendingExchange ex = pollWaiting();
                if (ex == null) {
                    break;
                }
                open++;
                toConnect.add(ex);
            }
        }
        for (PendingExchange ex : toConnect) {
            connect(ex);
        }
    }

    private Channel pollIdle() {
        Channel ch;
        while ((ch = idle.pollLast()) != null) {
            if (ch.isActive()) {
                return ch;
            }
        }
        return null;
    }

    private PendingExchange pollWaiting() {
        PendingExchange ex;
        while ((ex = waiting.pollFirst()) != null) {
            if (!ex.finished()) {
                return ex;
            }
        }
        return null;
    }
}
