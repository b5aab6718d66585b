package org.openscis.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.jose.CryptoProviders;
import org.openscis.router.HandlerRegistry;
import org.openscis.router.handler.HandlerPorts;
import org.openscis.router.handler.Handlers;
import org.openscis.server.adapters.CompositeKeyRegistry;
import org.openscis.server.adapters.ConfigParticipants;
import org.openscis.server.adapters.ConfigProductCatalog;
import org.openscis.server.adapters.StoredExchangedKeys;
import org.openscis.server.adapters.SwitchFieldCrypto;
import org.openscis.server.adapters.SwitchKeyRing;
import org.openscis.server.admin.AdminHandler;
import org.openscis.server.admin.AdminServer;
import org.openscis.server.cli.RunningServer;
import org.openscis.server.config.ListenerConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TlsConfig;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.DerivedCardSecrets;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.dispatch.Dispatcher;
import org.openscis.server.dispatch.ResponseFactory;
import org.openscis.server.gate.SecurityGate;
import org.openscis.server.http.ResponseSigner;
import org.openscis.server.http.SwitchHttpServer;
import org.openscis.server.http.SwitchRequestHandler;
import org.openscis.server.http.Transports;
import org.openscis.server.metrics.SwitchMetrics;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.JdbcCardRepository;
import org.openscis.server.storage.JdbcExchangedKeys;
import org.openscis.server.storage.JdbcIdempotencyStore;
import org.openscis.server.storage.JdbcReplayGuard;
import org.openscis.server.storage.JdbcVerificationAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the configuration, starts the listeners, and stops them in reverse
 * order. Nothing else creates threads, pools or connections.
 */
public final class SwitchServer implements RunningServer {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchServer.class);
    private static final Duration KEY_CACHE_TTL = Duration.ofSeconds(30);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private SwitchHttpServer http;
    private AdminServer admin;
    private Database database;

    private SwitchServer() {}

    /** Starts the switch; on failure everything already started is stopped again and the cause rethrown. */
    public static SwitchServer start(OpenScisConfig cfg, Clock clock) throws Exception {
        SwitchServer server = new SwitchServer();
        try {
            server.boot(cfg, clock);
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    private void boot(OpenScisConfig cfg, Clock clock) throws Exception {
        String provider = CryptoProviders.install();
        Path dataDir = Path.of(cfg.dataDir());
        database = Database.open(cfg.storage(), dataDir);
        resources.add(database::close);

        DataKeyring keyring = DataKeyring.open(Path.of(cfg.switchKeys().dataKeysFile()),
                cfg.switchKeys().generateIfMissing(), clock);
        DataCipher cipher = new DataCipher(keyring);
        SwitchKeyRing switchKeys = SwitchKeyRing.load(cfg.switchKeys());
        ConfigParticipants participants = new ConfigParticipants(cfg.participants());
        ConfigProductCatalog catalog = new ConfigProductCatalog(cfg.issuers());
        StoredExchangedKeys exchanged = new StoredExchangedKeys(new JdbcExchangedKeys(database), clock);
        CompositeKeyRegistry keyRegistry = new CompositeKeyRegistry(participants.signingKeys(), exchanged, clock,
                KEY_CACHE_TTL);
        SwitchFieldCrypto fieldCrypto = new SwitchFieldCrypto(switchKeys, keyRegistry::exchangedEncryptionKey);
        EnvelopeCodec codec = new EnvelopeCodec();
        JdbcIdempotencyStore idempotency = new JdbcIdempotencyStore(database, cipher);
        JdbcReplayGuard replay = new JdbcReplayGuard(database, clock);
        JdbcVerificationAttempts verificationAttempts = new JdbcVerificationAttempts(database,
                cfg.security().maxCardVerificationFailures(), cfg.security().cardVerificationWindow());

        HandlerRegistry handlers = Handlers.forIssue2(new HandlerPorts(catalog,
                new JdbcCardRepository(database, cipher, new KeyedHash(keyring)), verificationAttempts,
                new DerivedCardSecrets(keyring), fieldCrypto, keyRegistry, switchKeys, codec, clock));

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        resources.add(registry::close);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        resources.add(gc);
        SwitchMetrics metrics = new SwitchMetrics(registry);

        // closed in reverse order: listeners stop accepting, workers drain and their replies are still written by
        // the I/O loops, which stop last
        EventLoopGroup boss = Transports.group(1, "openscis-accept");
        EventLoopGroup io = Transports.group(0, "openscis-io");
        resources.add(() -> boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly());
        resources.add(() -> io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly());
        ThreadPoolExecutor workers = new ThreadPoolExecutor(cfg.limits().workerThreads(), cfg.limits().workerThreads(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(cfg.limits().workerQueueLength()),
                new NamedThreads("openscis-worker"), new ThreadPoolExecutor.AbortPolicy());
        resources.add(() -> shutdown(workers));
        Gauge.builder("openscis.workers.queue", workers, w -> w.getQueue().size())
                .description("Requests waiting for a worker thread").register(registry);
        Gauge.builder("openscis.workers.active", workers, ThreadPoolExecutor::getActiveCount)
                .description("Worker threads busy").register(registry);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new NamedThreads("openscis-timer"));
        timer.setRemoveOnCancelPolicy(true);
        resources.add(() -> shutdown(timer));
        // purges may be long deletes: they get their own thread so deadlines on the timer stay punctual
        ScheduledThreadPoolExecutor housekeeping = new ScheduledThreadPoolExecutor(1,
                new NamedThreads("openscis-housekeeping"));
        resources.add(() -> shutdown(housekeeping));
        housekeeping.scheduleWithFixedDelay(new Housekeeping(idempotency, replay, verificationAttempts, clock,
                cfg.security().idempotencyRetention()), PURGE_INTERVAL.toSeconds(), PURGE_INTERVAL.toSeconds(),
                TimeUnit.SECONDS);

        ResponseFactory responses = new ResponseFactory(codec, clock, ZoneOffset.UTC);
        SecurityGate gate = new SecurityGate(participants, keyRegistry, replay::firstSeen, cfg.security(), clock,
                ZoneOffset.UTC, metrics::warning);
        Dispatcher dispatcher = new Dispatcher(handlers, idempotency, responses, clock, timer,
                cfg.limits().requestDeadline());
        ResponseSigner signer = new ResponseSigner(switchKeys.signingAlgorithm(), switchKeys.signingKid(),
                switchKeys.signingKey(), clock);
        SwitchRequestHandler handler = new SwitchRequestHandler(workers, cfg.limits().maxQueueWait(), codec, gate,
                dispatcher, responses, signer, metrics);

        ListenerConfig httpCfg = cfg.listeners().http();
        http = SwitchHttpServer.start(httpCfg.host(), httpCfg.port(), boss, io, cfg.limits(), ssl(httpCfg.tls()),
                handler, metrics::httpError, () -> metrics.overload("connections"));
        resources.add(http);
        ListenerConfig adminCfg = cfg.listeners().admin();
        // its own loop: the readiness probe blocks on storage and must never stall accepting App Gateway connections
        EventLoopGroup adminLoop = Transports.group(1, "openscis-admin");
        resources.add(() -> adminLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly());
        admin = AdminServer.start(adminCfg.host(), adminCfg.port(), adminLoop,
                new AdminHandler(database::healthy, registry::scrape));
        resources.add(admin);
        LOG.info("OpenSCIS listening on {}:{} ({}), admin on {}:{}; crypto: {}; transport: {}; storage: {}",
                httpCfg.host(), http.port(), httpCfg.tls() == null ? "plain HTTP" : "TLS", adminCfg.host(),
                admin.port(), provider, Transports.describe(), database.describe());
    }

    private static SslContext ssl(TlsConfig tls) throws Exception {
        if (tls == null) {
            return null;
        }
        SslContextBuilder b = SslContextBuilder.forServer(new File(tls.certFile()), new File(tls.keyFile()));
        if (tls.clientCaFile() != null) {
            b.trustManager(new File(tls.clientCaFile())).clientAuth(ClientAuth.REQUIRE);
        }
        List<String> protocols = tls.protocols() == null || tls.protocols().isEmpty()
                ? List.of("TLSv1.3", "TLSv1.2") : tls.protocols();
        return b.protocols(protocols).build();
    }

    private static void shutdown(java.util.concurrent.ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    @Override
    public int httpPort() {
        return http.port();
    }

    @Override
    public int adminPort() {
        return admin.port();
    }

    public Database database() {
        return database;
    }

    /** Blocks until {@link #close()} has run. */
    @Override
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while stopping", e);
            }
        }
        resources.clear();
        stopped.countDown();
    }
}
