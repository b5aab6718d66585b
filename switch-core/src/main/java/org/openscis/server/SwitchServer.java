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
import java.security.SecureRandom;
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
import org.openscis.router.handler.CpqrHandlers;
import org.openscis.router.MessageType;
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
import org.openscis.server.crypto.CpqrMasterKey;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.DerivedCardSecrets;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.dispatch.Dispatcher;
import org.openscis.server.dispatch.RequestDeadlines;
import org.openscis.server.dispatch.ResponseFactory;
import org.openscis.server.gate.SecurityGate;
import org.openscis.server.http.ResponseSigner;
import org.openscis.server.http.SwitchHttpServer;
import org.openscis.server.http.SwitchRequestHandler;
import org.openscis.server.http.Transports;
import org.openscis.server.metrics.SwitchMetrics;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.JdbcCardRepository;
import org.openscis.server.storage.JdbcCardStates;
import org.openscis.server.storage.JdbcExchangedKeys;
import org.openscis.server.storage.JdbcIdempotencyStore;
import org.openscis.server.storage.JdbcReplayGuard;
import org.openscis.server.storage.JdbcVerificationAttempts;
import org.openscis.connector.link.LinkSigner;
import org.openscis.router.handler.AcquirerHandlers;
import org.openscis.router.handler.MoneyHandlers;
import org.openscis.router.handler.MoneyPorts;
import org.openscis.router.handler.OnboardingHandlers;
import org.openscis.router.handler.QrHandlers;
import org.openscis.router.money.AcquirerReturnNotifications;
import org.openscis.router.money.FinalNotifications;
import org.openscis.router.money.TrxResultNotifications;
import org.openscis.router.cpqrc.CodeScanner;
import org.openscis.router.cpqrc.CpqrcNotifications;
import org.openscis.router.cpqrc.CpqrcPorts;
import org.openscis.router.handler.CpqrcHandlers;
import org.openscis.router.qr.CpqrScan;
import org.openscis.router.qr.ScanResult;
import org.openscis.router.cpqrc.VerificationWaits;
import org.openscis.router.port.ExchangeRates;
import org.openscis.router.qr.CodeCryptogram;
import org.openscis.router.qr.CpqrGenerator;
import org.openscis.router.qr.CpqrSettings;
import org.openscis.server.adapters.CbsCoreBanking;
import org.openscis.server.adapters.ConfigMerchants;
import org.openscis.server.adapters.FileExchangeRates;
import org.openscis.server.cards.CardExpirySweep;
import org.openscis.server.cbs.CbsLinks;
import org.openscis.server.cbs.WithdrawalNotifier;
import org.openscis.server.config.MoneyConfig;
import org.openscis.server.config.OutboxConfig;
import org.openscis.server.money.FinalAnswers;
import org.openscis.server.money.ResolutionSettings;
import org.openscis.server.money.Resolver;
import org.openscis.server.outbox.CallbackDispatcher;
import org.openscis.server.outbox.JdbcOutbox;
import org.openscis.server.outbox.LinkCallbackSender;
import org.openscis.server.outbox.OutboxSettings;
import org.openscis.server.qr.MerchantQr;
import org.openscis.server.storage.JdbcAccountTiers;
import org.openscis.server.storage.JdbcCashOutWithdrawals;
import org.openscis.server.storage.JdbcCpqrCodes;
import org.openscis.server.storage.JdbcCpqrPayments;
import org.openscis.server.storage.JdbcKycStore;
import org.openscis.server.storage.JdbcSwitchIds;
import org.openscis.server.storage.JdbcTransactionStore;
import org.openscis.server.storage.SequenceAllocator;
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
    /** Cards the expiry sweep looks at per run (each run is one {@link #PURGE_INTERVAL} apart). */
    private static final int EXPIRY_SWEEP_MAX_CARDS = 5_000;
    private static final Duration MIN_CALLBACK_LEASE = Duration.ofSeconds(30);
    private static final Duration RESOLVER_INTERVAL = Duration.ofMillis(500);
    private static final int RESOLVER_THREADS = 4;
    private static final int RESOLVER_BATCH = 200;
    private static final int INQUIRIES_BEFORE_REVERSAL = 3;
    /** CPQRC_PAYMENT's deadline beyond the verification wait and the CBS call: recording and answering. */
    private static final Duration CPQRC_DEADLINE_MARGIN = Duration.ofSeconds(2);
    /** Fault draws of the embedded simulators are repeatable from run to run. */
    public static final long DEFAULT_SIMULATOR_SEED = 20261125L;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private SwitchHttpServer http;
    private AdminServer admin;
    private Database database;
    private CbsLinks cbsLinks;
    private JdbcCardStates cardStates;

    private SwitchServer() {}

    /** Starts the switch; on failure everything already started is stopped again and the cause rethrown. */
    public static SwitchServer start(OpenScisConfig cfg, Clock clock) throws Exception {
        return start(cfg, clock, DEFAULT_SIMULATOR_SEED);
    }

    /**
     * As {@link #start(OpenScisConfig, Clock)}, with the seed of the embedded simulators' fault draws (a seeded test
     * replays its faults with the same seed).
     */
    public static SwitchServer start(OpenScisConfig cfg, Clock clock, long simulatorSeed) throws Exception {
        SwitchServer server = new SwitchServer();
        try {
            server.boot(cfg, clock, simulatorSeed);
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    private void boot(OpenScisConfig cfg, Clock clock, long simulatorSeed) throws Exception {
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

        JdbcCardRepository cards = new JdbcCardRepository(database, cipher, new KeyedHash(keyring));
        HandlerPorts ports = new HandlerPorts(catalog, cards, verificationAttempts, new DerivedCardSecrets(keyring),
                fieldCrypto, keyRegistry, switchKeys, codec, clock);
        JdbcOutbox outbox = new JdbcOutbox(database, cipher, new SequenceAllocator(database,
                SequenceAllocator.DEFAULT_BLOCK_SIZE, SequenceAllocator.TIMED_ID_MAX_BLOCK_AGE, clock));
        JdbcTransactionStore transactions = new JdbcTransactionStore(database, cipher, outbox);
        cardStates = new JdbcCardStates(database, cipher, outbox);
        JdbcSwitchIds ids = new JdbcSwitchIds(database, clock);

        // CBS replies arrive on event loops; handlers continue (and write storage) on these threads instead. Every
        // call in flight or queued completes once, so a queue that large can never overflow.
        int cbsCapacity = cfg.issuers().stream().mapToInt(i -> i.cbs().maxInFlight() + i.cbs().maxQueued()).sum();
        ThreadPoolExecutor cbsCompletions = new ThreadPoolExecutor(cfg.limits().workerThreads(),
                cfg.limits().workerThreads(), 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(cbsCapacity + 1024),
                new NamedThreads("openscis-cbs"), new ThreadPoolExecutor.CallerRunsPolicy());
        resources.add(() -> shutdown(cbsCompletions));
        cbsLinks = CbsLinks.open(cfg.issuers(), switchKeys, fieldCrypto, io, dataDir, clock, registry,
                simulatorSeed);
        resources.add(cbsLinks);
        CbsCoreBanking coreBanking = new CbsCoreBanking(cbsLinks.clients(), cbsCompletions);
        Duration cbsCallTimeout = cfg.issuers().stream().map(i -> i.cbs().callTimeout()).max(Duration::compareTo)
                .orElse(Duration.ofSeconds(3));
        MoneyPorts money = new MoneyPorts(coreBanking, transactions, new JdbcKycStore(database, cipher), outbox,
                new ConfigMerchants(cfg.issuers()), exchangeRates(cfg.money()), new JdbcAccountTiers(database), ids,
                cbsCallTimeout, cfg.money().kycValidity());
        // consumer-presented payments from acquirers: the cardholder verification waits hold futures, no threads;
        // verdicts continue on the CBS-completion threads (docs/decisions/cpqrc-verification.md)
        JdbcCpqrPayments cpqrPayments = new JdbcCpqrPayments(database, cipher);
        VerificationWaits verificationWaits = new VerificationWaits(cpqrPayments, clock, cbsCompletions);
        ScheduledThreadPoolExecutor verificationTicks = new ScheduledThreadPoolExecutor(1,
                new NamedThreads("openscis-cvm-wait"));
        resources.add(() -> shutdown(verificationTicks));
        long verificationPollMillis = cfg.qr().verification().pollInterval().toMillis();
        verificationTicks.scheduleWithFixedDelay(verificationWaits::tick, verificationPollMillis,
                verificationPollMillis, TimeUnit.MILLISECONDS);
        HandlerRegistry handlers = new HandlerRegistry();
        Handlers.registerAll(handlers, Handlers.issue2(ports, money));
        Handlers.registerAll(handlers, MoneyHandlers.money(ports, money));
        Handlers.registerAll(handlers, OnboardingHandlers.handlers(ports, money));
        Handlers.registerAll(handlers, AcquirerHandlers.returns(ports, money));
        // consumer-presented QR codes (decisions.md §7, docs/decisions/cpqr-codes.md); a scan validates them with
        // new CpqrScan(cpqrCodes, cpqrCryptogram, clock)
        JdbcCpqrCodes cpqrCodes = new JdbcCpqrCodes(database, cipher, new KeyedHash(keyring));
        CodeCryptogram cpqrCryptogram = new CodeCryptogram(CpqrMasterKey.derive(keyring));
        Handlers.registerAll(handlers, CpqrHandlers.generation(ports, money,
                new CpqrGenerator(cpqrCodes, cpqrCryptogram, new SecureRandom()),
                new CpqrSettings(cfg.qr().codes().validity(), cfg.qr().codes().maxPerRequest())));

        // CPQRC_PAYMENT and ADDITIONAL_PROCESSING_RESULT (decisions.md §7.1, docs/decisions/cpqrc-verification.md)
        CpqrScan cpqrScan = new CpqrScan(cpqrCodes, cpqrCryptogram, clock);
        Handlers.registerAll(handlers, CpqrcHandlers.acquirer(ports, money, new CpqrcPorts(
                (emv, barcode) -> scanned(cpqrScan.scan(emv, barcode)), cpqrCodes, cpqrPayments, verificationWaits,
                cfg.qr().verification().timeout())));

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
        housekeeping.scheduleWithFixedDelay(new CardExpirySweep(cardStates, clock, EXPIRY_SWEEP_MAX_CARDS), 0,
                PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        Handlers.registerAll(handlers, QrHandlers.merchantPresented(ports, money, MerchantQr.ports(cfg.qr(), database,
                housekeeping, cfg.security().idempotencyRetention(), clock)));

        ResponseFactory responses = new ResponseFactory(codec, clock, ZoneOffset.UTC);
        startMoneyBackground(cfg, clock, registry, io, switchKeys, keyRegistry, transactions, coreBanking, ids,
                idempotency, responses, cards, outbox, cbsCallTimeout, new CpqrcNotifications(cpqrPayments));
        SecurityGate gate = new SecurityGate(participants, keyRegistry, replay::firstSeen, cfg.security(), clock,
                ZoneOffset.UTC, metrics::warning);
        // a consumer-presented payment may wait for the cardholder before its CBS call (decisions.md §7)
        RequestDeadlines deadlines = RequestDeadlines.uniform(cfg.limits().requestDeadline()).with(
                MessageType.CPQRC_PAYMENT,
                cfg.qr().verification().timeout().plus(cbsCallTimeout).plus(CPQRC_DEADLINE_MARGIN));
        Dispatcher dispatcher = new Dispatcher(handlers, idempotency, responses, clock, timer, deadlines,
                new FinalAnswers(transactions, responses));
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

    /**
     * The resolver of unknown CBS outcomes and the callback dispatcher: both on their own threads, so neither a slow
     * CBS nor a slow App Gateway delays request handling.
     */
    private void startMoneyBackground(OpenScisConfig cfg, Clock clock, PrometheusMeterRegistry registry,
            EventLoopGroup io, SwitchKeyRing switchKeys, CompositeKeyRegistry keyRegistry,
            JdbcTransactionStore transactions, CbsCoreBanking coreBanking, JdbcSwitchIds ids,
            JdbcIdempotencyStore idempotency, ResponseFactory responses, JdbcCardRepository cards, JdbcOutbox outbox,
            Duration cbsCallTimeout, CpqrcNotifications cpqrcNotices) throws Exception {
        OutboxConfig oc = cfg.outbox();
        Duration lease = oc.callTimeout().multipliedBy(3).compareTo(MIN_CALLBACK_LEASE) > 0
                ? oc.callTimeout().multipliedBy(3) : MIN_CALLBACK_LEASE;
        LinkCallbackSender sender = new LinkCallbackSender(cfg.participants(), keyRegistry,
                new LinkSigner(switchKeys.signingAlgorithm(), switchKeys.signingKid(), switchKeys.signingKey()), io,
                oc.callTimeout(), clock, registry);
        resources.add(sender);
        CallbackDispatcher callbacks = new CallbackDispatcher(outbox, sender, new OutboxSettings(oc.pollInterval(),
                oc.batchSize(), oc.maxConcurrent(), oc.initialBackoff(), oc.maxBackoff(), oc.giveUpAfter(),
                oc.callTimeout(), lease), clock, registry);
        resources.add(callbacks);
        outbox.onStored(callbacks::wakeUp);
        callbacks.start();
        // cash handed out at an agent against a cash-out token (embedded simulators report it) → the wallet
        cbsLinks.onWithdrawal(new WithdrawalNotifier(transactions, new JdbcCashOutWithdrawals(database, outbox),
                new ConfigMerchants(cfg.issuers()), callbacks::wakeUp, clock));

        ThreadPoolExecutor resolverWorkers = new ThreadPoolExecutor(RESOLVER_THREADS, RESOLVER_THREADS, 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(RESOLVER_BATCH), new NamedThreads("openscis-resolver"));
        resources.add(() -> shutdown(resolverWorkers));
        ScheduledThreadPoolExecutor resolverTimer = new ScheduledThreadPoolExecutor(1,
                new NamedThreads("openscis-resolver-sweep"));
        resources.add(() -> shutdown(resolverTimer));
        Duration staleAfter = cfg.limits().requestDeadline().plus(cbsCallTimeout);
        ResolutionSettings settings = new ResolutionSettings(staleAfter, cfg.money().resolveBackoff(),
                cfg.money().resolveMaxBackoff(), INQUIRIES_BEFORE_REVERSAL, cbsCallTimeout,
                cbsCallTimeout.multipliedBy(4).plus(Duration.ofSeconds(10)), RESOLVER_BATCH);
        FinalNotifications notices = new AcquirerReturnNotifications(cards, transactions)
                .before(new TrxResultNotifications(cards).with(MessageType.CPQRC_PAYMENT, cpqrcNotices));
        Resolver resolver = new Resolver(transactions, coreBanking, ids, idempotency, responses, notices::forFinal,
                settings, clock, resolverWorkers, outcome -> registry.counter("openscis.resolutions",
                        "outcome", outcome).increment());
        resolverTimer.scheduleWithFixedDelay(resolver, RESOLVER_INTERVAL.toMillis(), RESOLVER_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** {@link CpqrScan}'s answer as the acquirer handlers take it. */
    private static CodeScanner.Scan scanned(ScanResult result) {
        if (result instanceof ScanResult.Accepted accepted) {
            return new CodeScanner.Scan.Accepted(accepted.code());
        }
        ScanResult.Refused refused = (ScanResult.Refused) result;
        return new CodeScanner.Scan.Refused(refused.code(), refused.detail());
    }

    private static ExchangeRates exchangeRates(MoneyConfig money) throws java.io.IOException {
        return money.fxRatesFile() == null ? FileExchangeRates.none() : FileExchangeRates.load(Path.of(money.fxRatesFile()));
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

    /**
     * Issuer and system card state changes, each storing its CARD_STATUS_NOTIFICATIONs in the same transaction; the
     * running dispatcher delivers them.
     */
    public JdbcCardStates cardStates() {
        return cardStates;
    }

    /** The CBS links (and the embedded simulators behind them). */
    public CbsLinks cbsLinks() {
        return cbsLinks;
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
