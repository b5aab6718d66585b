package org.openscis.server.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server that plays the App Gateway's callback endpoint (decisions.md §8): it accepts the switch's
 * signed callbacks on any path, checks their UPI-JWS (four-name form, {@code UPI-REQPATH} = the path called) with
 * the switch signing key, records every delivery, and answers with the echoed msgInfo plus a msgResponse, signed
 * in the three-name form with our signing key. Port 0 binds a free port; {@link #port()} tells which.
 *
 * <p>Accessors return snapshots and never block, so tests can poll them with Awaitility; {@link #poll(Duration)}
 * waits for the next delivery.
 */
public final class CallbackReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackReceiver.class);
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final int port;
    private final String host;
    private final List<ReceivedCallback> received = new ArrayList<>();
    private final Set<String> seenMsgIds = new HashSet<>();
    private final BlockingQueue<ReceivedCallback> queue = new LinkedBlockingQueue<>();
    private volatile Function<ReceivedCallback, CallbackAnswer> answers = CallbackAnswer::standard;
    private volatile Consumer<ReceivedCallback> listener = c -> { };

    private CallbackReceiver(ClientIdentity identity, InetSocketAddress bind, Clock clock, Duration maxClockSkew,
            int maxRequestBytes) {
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        UpiJwsChecks checks = new UpiJwsChecks(identity, clock, maxClockSkew);
        EnvelopeCodec codec = new EnvelopeCodec();
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(maxRequestBytes),
                                    new CallbackHandler(CallbackReceiver.this, identity, checks, codec, clock));
                        }
                    })
                    .bind(bind).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            throw e;
        }
        InetSocketAddress local = (InetSocketAddress) serverChannel.localAddress();
        this.port = local.getPort();
        this.host = local.getAddress().isAnyLocalAddress() ? "127.0.0.1" : local.getAddress().getHostAddress();
        LOG.info("callback receiver listening on {}", url());
    }

    /** Listens on {@code bind} (port 0 for any free port) with the system clock and a ±300 s timestamp window. */
    public static CallbackReceiver start(ClientIdentity identity, InetSocketAddress bind) {
        return start(identity, bind, Clock.systemDefaultZone(), ClientOptions.DEFAULT_MAX_CLOCK_SKEW);
    }

    /** Listens on a free loopback port. */
    public static CallbackReceiver start(ClientIdentity identity) {
        return start(identity, new InetSocketAddress("127.0.0.1", 0));
    }

    public static CallbackReceiver start(ClientIdentity identity, InetSocketAddress bind, Clock clock,
            Duration maxClockSkew) {
        return new CallbackReceiver(Objects.requireNonNull(identity), bind, clock, maxClockSkew,
                DEFAULT_MAX_REQUEST_BYTES);
    }

    public int port() {
        return port;
    }

    /** The base URL to configure as the participant's callback URL, e.g. {@code http://127.0.0.1:43121}. */
    public URI url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port);
    }

    /** Chooses how to answer each callback from now on (default {@link CallbackAnswer#standard}). */
    public void answerWith(Function<ReceivedCallback, CallbackAnswer> answers) {
        this.answers = Objects.requireNonNull(answers);
    }

    /** Called on the receiver's event loop after each delivery is recorded; must not block. */
    public void onCallback(Consumer<ReceivedCallback> listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    /** Every delivery so far, in arrival order (duplicates included). */
    public synchronized List<ReceivedCallback> received() {
        return List.copyOf(received);
    }

    public synchronized List<ReceivedCallback> received(String msgType) {
        return received.stream().filter(c -> msgType.equals(c.msgType())).toList();
    }

    public synchronized int count() {
        return received.size();
    }

    public synchronized Optional<ReceivedCallback> last(String msgType) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (msgType.equals(received.get(i).msgType())) {
                return Optional.of(received.get(i));
            }
        }
        return Optional.empty();
    }

    /** The next delivery not yet taken by {@code poll}, waiting up to {@code timeout}; null if none came. */
    public ReceivedCallback poll(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Forgets all deliveries (seen msgIDs included). */
    public synchronized void clear() {
        received.clear();
        seenMsgIds.clear();
        queue.clear();
    }

    /** Records a delivery and returns it with its duplicate flag; called by the handler. */
    ReceivedCallback record(ReceivedCallback callback) {
        ReceivedCallback recorded;
        synchronized (this) {
            String msgId = callback.msgID();
            boolean duplicate = msgId != null && !seenMsgIds.add(msgId);
            recorded = duplicate ? new ReceivedCallback(callback.path(), callback.headers(), callback.body(),
                    callback.envelope(), callback.signature(), true, callback.receivedAt()) : callback;
            received.add(recorded);
        }
        queue.add(recorded);
        try {
            listener.accept(recorded);
        } catch (RuntimeException e) {
            LOG.warn("callback listener failed for {}", recorded, e);
        }
        return recorded;
    }

    CallbackAnswer answerFor(ReceivedCallback callback) {
        try {
            CallbackAnswer a = answers.apply(callback);
            return a == null ? CallbackAnswer.standard(callback) : a;
        } catch (RuntimeException e) {
            LOG.warn("callback answer function failed for {}", callback, e);
            return new CallbackAnswer.Status(500);
        }
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2);
    }
}
