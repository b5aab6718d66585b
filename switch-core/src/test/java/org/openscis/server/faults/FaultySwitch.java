package org.openscis.server.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.openscis.connector.sim.CbsSimulator;
import org.openscis.connector.sim.FaultRule;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.server.SwitchServer;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.CallbackReceiver;
import org.openscis.server.client.ClientIdentity;
import org.openscis.server.client.ClientOptions;
import org.openscis.server.config.CbsConfig;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.config.LimitsConfig;
import org.openscis.server.config.MoneyConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.OutboxConfig;
import org.openscis.server.config.StorageConfig;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;

/**
 * The real switch, booted in-process from {@code conf/openscis.yaml} with a temporary data directory, short time
 * limits (so that unknown outcomes are resolved within seconds) and a {@link CallbackReceiver} as the App Gateway's
 * callback endpoint. {@link #restart()} stops it with {@link SwitchServer#close()} and starts it again on the same
 * data directory: the switch database and the embedded simulator's ledger (its own H2 file) persist; the simulator
 * listens on a new port. Requests wait for {@link #up()} while it is down.
 */
final class FaultySwitch implements AutoCloseable {

    static final String ISSUER = "62000001";
    static final String PG_URL_VARIABLE = "OPENSCIS_TEST_PG_URL";

    /** One CBS call; short so that no-answer faults turn into 04 quickly. */
    static final Duration CBS_CALL_TIMEOUT = Duration.ofMillis(1000);
    /** The App Gateway request deadline; longer than a CBS call plus its bookkeeping. */
    static final Duration REQUEST_DEADLINE = Duration.ofMillis(2500);
    static final Duration RESOLVE_BACKOFF = Duration.ofMillis(200);
    static final Duration RESOLVE_MAX_BACKOFF = Duration.ofMillis(1000);

    private final Path dataDir;
    private final long seed;
    private final boolean postgres;
    private final Runnable dropSchema;
    private final String pgUrl;
    private final CallbackReceiver receiver;
    private final ClientProfile baseProfile;
    private final List<AppGatewayClient> oldClients = new ArrayList<>();
    private volatile SwitchServer server;
    private volatile AppGatewayClient client;
    private volatile CompletableFuture<Void> up = new CompletableFuture<>();
    private volatile List<FaultRule> faults = List.of();
    private int incarnation;
    private long faultsPickedBefore;

    private FaultySwitch(Path dataDir, long seed, boolean postgres, String pgUrl, Runnable dropSchema,
            CallbackReceiver receiver, ClientProfile baseProfile) {
        this.dataDir = dataDir;
        this.seed = seed;
        this.postgres = postgres;
        this.pgUrl = pgUrl;
        this.dropSchema = dropSchema;
        this.receiver = receiver;
        this.baseProfile = baseProfile;
    }

    /** Boots the switch (development keys generated on the way) with a callback receiver in front of it. */
    static FaultySwitch start(long seed, boolean postgres) throws Exception {
        Path dataDir = Files.createTempDirectory("openscis-faults-");
        // a first load generates the development keys and the App Gateway profile the receiver needs
        load(dataDir, Map.of());
        ClientProfile profile = ClientProfile.load(dataDir.resolve(DevKeyBootstrap.PROFILE_DIR));
        CallbackReceiver receiver = CallbackReceiver.start(ClientIdentity.of(profile));
        String pgUrl = null;
        Runnable drop = () -> { };
        if (postgres) {
            String base = System.getenv(PG_URL_VARIABLE);
            String schema = "faults_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(base, "CREATE SCHEMA " + schema);
            pgUrl = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            drop = () -> execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
        FaultySwitch sw = new FaultySwitch(dataDir, seed, postgres, pgUrl, drop, receiver, profile);
        try {
            sw.boot(true);
            return sw;
        } catch (Exception | Error e) {
            sw.close();
            throw e;
        }
    }

    static boolean postgresAvailable() {
        String url = System.getenv(PG_URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    private static OpenScisConfig load(Path dataDir, Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("OPENSCIS_HTTP_PORT", "0");
        env.put("OPENSCIS_ADMIN_PORT", "0");
        return ConfigLoader.builder().env(env::get).dataDirOverride(dataDir)
                .beforeFileChecks(new DevKeyBootstrap()).build().load(Path.of("..", "conf", "openscis.yaml"));
    }

    /** The shipped configuration with limits short enough for a test that resolves hundreds of unknown outcomes. */
    private OpenScisConfig config() throws Exception {
        OpenScisConfig cfg = load(dataDir, Map.of("OPENSCIS_APPGW_CALLBACK_URL", receiver.url() + "/callback"));
        LimitsConfig l = cfg.limits();
        LimitsConfig limits = new LimitsConfig(l.maxBodyBytes(), l.maxHeaderBytes(), l.workerThreads(),
                l.workerQueueLength(), l.maxQueueWait(), REQUEST_DEADLINE, l.idleTimeout(), l.maxConnections());
        List<IssuerConfig> issuers = new ArrayList<>();
        for (IssuerConfig i : cfg.issuers()) {
            CbsConfig c = i.cbs();
            CbsConfig cbs = new CbsConfig(c.mode(), c.baseUrl(), CBS_CALL_TIMEOUT, c.connectTimeout(),
                    c.maxConnections(), c.maxInFlight(), c.maxQueued(), c.paths(), c.signingKeys(), c.encryptionKid(),
                    c.encryptionKeyFile(), c.jweProfile(), c.simulator());
            issuers.add(new IssuerConfig(i.iin(), i.name(), i.products(), cbs, i.merchants()));
        }
        MoneyConfig m = cfg.money();
        MoneyConfig money = new MoneyConfig(m.fxRatesFile(), m.kycValidity(), RESOLVE_BACKOFF, RESOLVE_MAX_BACKOFF);
        OutboxConfig o = cfg.outbox();
        OutboxConfig outbox = new OutboxConfig(Duration.ofMillis(200), o.batchSize(), o.maxConcurrent(),
                Duration.ofMillis(200), Duration.ofSeconds(2), o.giveUpAfter(), Duration.ofSeconds(2));
        StorageConfig storage = postgres
                ? new StorageConfig(StorageConfig.POSTGRESQL, null, pgUrl, null, null, 10) : cfg.storage();
        return new OpenScisConfig(cfg.dataDir(), cfg.listeners(), limits, cfg.security(), cfg.switchKeys(),
                cfg.participants(), issuers, storage, cfg.observability(), money, outbox, cfg.qr());
    }

    private void boot(boolean open) throws Exception {
        // each incarnation's simulator draws its faults from its own stream of the run's seed
        SwitchServer s = SwitchServer.start(config(), Clock.systemUTC(), seed * 31 + incarnation);
        incarnation++;
        ClientProfile profile = baseProfile.withBaseUrl("http://127.0.0.1:" + s.httpPort());
        AppGatewayClient c = AppGatewayClient.forProfile(profile, ClientOptions.builder(profile.baseUrl())
                .maxConnections(32).maxQueuedRequests(4096).requestTimeout(REQUEST_DEADLINE.plusSeconds(3))
                .build());
        s.cbsLinks().simulator(ISSUER).orElseThrow().faults().set(faults);
        server = s;
        client = c;
        if (open) {
            up.complete(null);
        }
    }

    /**
     * Stops the switch while requests may be in flight, then starts it again on the same data directory.
     *
     * @param crash cut the switch's storage first (its connections are aborted, uncommitted work is lost and nothing
     *     more is written), as when the process dies; otherwise {@link SwitchServer#close()} alone, which lets running
     *     work drain
     * @return the open transactions (RECEIVED, SENT, UNKNOWN) the new incarnation found, by state
     */
    Map<String, Long> restart(boolean crash) throws Exception {
        up = new CompletableFuture<>();
        SwitchServer old = server;
        faultsPickedBefore += simulator().faults().picked();
        if (crash) {
            old.database().close();
        }
        old.close();
        synchronized (oldClients) {
            oldClients.add(client);
        }
        boot(false);
        Map<String, Long> open = new java.util.TreeMap<>();
        for (Map<String, Object> row : query("SELECT state, COUNT(*) AS n FROM money_transactions "
                + "WHERE state IN ('RECEIVED', 'SENT', 'UNKNOWN') GROUP BY state")) {
            open.put((String) row.get("state"), ((Number) row.get("n")).longValue());
        }
        up.complete(null);
        return open;
    }

    /** Sets the simulator's fault rules, now and after every restart. */
    void faults(List<FaultRule> rules) {
        faults = List.copyOf(rules);
        simulator().faults().set(faults);
    }

    /** How many CBS messages met a fault, over every incarnation. */
    long faultsPicked() {
        return faultsPickedBefore + simulator().faults().picked();
    }

    /** Completes while the switch is running; a new future after each stop. */
    CompletableFuture<Void> up() {
        return up;
    }

    AppGatewayClient client() {
        return client;
    }

    SwitchServer server() {
        return server;
    }

    CallbackReceiver receiver() {
        return receiver;
    }

    int incarnations() {
        return incarnation;
    }

    CbsSimulator simulator() {
        return server.cbsLinks().simulator(ISSUER).orElseThrow();
    }

    Ledger ledger() {
        return simulator().ledger();
    }

    /** Rows of a query, each as column label (lower case) to value. */
    List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    long count(String sql) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        synchronized (oldClients) {
            oldClients.forEach(AppGatewayClient::close);
            oldClients.clear();
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        receiver.close();
        dropSchema.run();
    }
}
