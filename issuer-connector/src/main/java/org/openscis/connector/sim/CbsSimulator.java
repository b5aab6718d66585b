package org.openscis.connector.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openscis.connector.sim.bank.Bank;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.connector.sim.bank.Withdrawal;
import org.openscis.connector.sim.bank.WithdrawalResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded core-banking simulator: a Netty HTTP/1.1 server that speaks the switch → CBS protocol (paths
 * {@code /cbs/<msgtype>}, UPI-JWS both ways, JWE fields) in front of a simulated bank with its own database and
 * double-entry ledger, plus fault injection and loopback admin endpoints ({@code /sim/...}).
 *
 * <p>Threads: one acceptor and {@value #IO_THREADS} I/O event loops of its own, which never block; database work
 * runs on a bounded pool of {@value #WORKER_THREADS} workers (a full queue answers 503 + 96 at once). Expired
 * cash-out holds are tidied every {@value #HOLD_SWEEP_SECONDS} s (they stop counting at expiry without it).
 */
public final class CbsSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CbsSimulator.class);

    static final int IO_THREADS = 2;
    static final int WORKER_THREADS = 4;
    /** Requests waiting for a worker before new ones are refused with 503. */
    static final int WORKER_QUEUE = 1024;
    /** Workers, the hold sweep and ledger reads from callers each hold a connection at most. */
    static final int DB_POOL = WORKER_THREADS + 4;
    static final long HOLD_SWEEP_SECONDS = 60;
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final Bank bank;
    private final FaultPlan faults;
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final ThreadPoolExecutor workers;
    private final Channel channel;
    private final ScheduledFuture<?> sweep;
    private final String host;

    private CbsSimulator(Bank bank, FaultPlan faults, EventLoopGroup boss, EventLoopGroup io,
            ThreadPoolExecutor workers, Channel channel, ScheduledFuture<?> sweep, String host) {
        this.bank = bank;
        this.faults = faults;
        this.boss = boss;
        this.io = io;
        this.workers = workers;
        this.channel = channel;
        this.sweep = sweep;
        this.host = host;
    }

    /**
     * Opens the simulator's database (migrated, and seeded when empty) and starts listening.
     *
     * @param clock the time for timestamps, response signatures and hold expiry
     * @throws IllegalArgumentException for a bad seed, URL or signing key
     * @throws InterruptedException if interrupted while binding
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static CbsSimulator start(SimConfig cfg, Clock clock) throws InterruptedException {
        Objects.requireNonNull(cfg, "cfg");
        Objects.requireNonNull(clock, "clock");
        ResponseSigner signer = new ResponseSigner(cfg, clock);
        FaultPlan faults = new FaultPlan(cfg.faults(), cfg.randomSeed());
        Bank bank = Bank.open(cfg.jdbcUrl(), cfg.seedFile(), clock, DB_POOL);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORKER_QUEUE), new DefaultThreadFactory("cbs-sim-worker", true),
                new ThreadPoolExecutor.AbortPolicy());
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("cbs-sim-accept", true),
                NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(IO_THREADS, new DefaultThreadFactory("cbs-sim-io", true),
                NioIoHandler.newFactory());
        try {
            CbsEndpoint cbs = new CbsEndpoint(cfg, new FieldCrypto(cfg), signer, bank, clock);
            Routes routes = new Routes(cbs, new AdminEndpoint(bank, faults), faults, workers, cfg.maxBodyBytes());
            ChannelFuture bound = new ServerBootstrap()
                    .group(boss, io)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast("http", new HttpServerCodec())
                                    .addLast("aggregate", new SimBodyAggregator(cfg.maxBodyBytes()))
                                    .addLast("sim", new SimChannelHandler(routes));
                        }
                    })
                    .bind(cfg.host(), cfg.port()).await();
            if (!bound.isSuccess()) {
                Throwable cause = bound.cause();
                String where = "cannot listen on " + cfg.host() + ":" + cfg.port();
                throw cause instanceof IOException ioe ? new UncheckedIOException(where, ioe)
                        : new IllegalStateException(where, cause);
            }
            Channel channel = bound.channel();
            ScheduledFuture<?> sweep = boss.scheduleAtFixedRate(() -> sweepHolds(bank, workers), HOLD_SWEEP_SECONDS,
                    HOLD_SWEEP_SECONDS, TimeUnit.SECONDS);
            CbsSimulator sim = new CbsSimulator(bank, faults, boss, io, workers, channel, sweep, cfg.host());
            LOG.info("CBS simulator for issuer {} listening on {}:{}", cfg.issuerIin(), cfg.host(), sim.port());
            return sim;
        } catch (InterruptedException | RuntimeException | Error e) {
            shutdown(boss, io, workers, bank);
            throw e;
        }
    }

    private static void sweepHolds(Bank bank, ThreadPoolExecutor workers) {
        try {
            workers.execute(() -> {
                try {
                    bank.sweepExpiredHolds();
                } catch (RuntimeException e) {
                    LOG.warn("Simulator hold sweep failed: {}", Failures.describe(e));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Simulator hold sweep skipped: workers busy or stopped");
        }
    }

    /** The port it listens on. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** {@code http://host:port}, the base URL to configure for the issuer's CBS link. */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** Balances, postings and invariants (blocking reads). */
    public Ledger ledger() {
        return bank.ledger();
    }

    /** The fault rules, changeable while it runs. */
    public FaultPlan faults() {
        return faults;
    }

    /**
     * Pays out a cash-out token at an agent ({@code agentMid}); see {@link Bank#withdraw}. Blocking (JDBC): call it
     * from a worker thread, never from an event loop.
     */
    public WithdrawalResult withdraw(String trxToken, String agentMid) {
        return bank.withdraw(trxToken, agentMid);
    }

    /** Calls {@code listener} after each committed withdrawal (from {@link #withdraw} or {@code /sim/withdraw}). */
    public void onWithdrawal(Consumer<Withdrawal> listener) {
        bank.onWithdrawal(listener);
    }

    /** Stops listening, closes every connection, lets running messages finish, then closes the database. */
    @Override
    public void close() {
        sweep.cancel(false);
        channel.close().syncUninterruptibly();
        shutdown(boss, io, workers, bank);
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup io, ThreadPoolExecutor workers, Bank bank) {
        boss.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        io.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
        boss.terminationFuture().syncUninterruptibly();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        bank.close();
    }
}
