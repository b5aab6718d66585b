package org.openscis.server.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.openscis.connector.sim.CbsSimulator;
import org.openscis.server.SwitchServer;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.CallbackReceiver;
import org.openscis.server.client.ClientIdentity;
import org.openscis.server.client.ClientOptions;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.StorageConfig;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;

/**
 * A real switch for system tests: the shipped configuration with free ports and a fresh data directory (development
 * keys generated exactly as on a first {@code serve}), on H2 or on the PostgreSQL server named by
 * {@code OPENSCIS_TEST_PG_URL} (a fresh schema), plus an App Gateway client that knows only the generated profile.
 * Optionally a {@link CallbackReceiver} as that App Gateway's callback URL, a suite's own settings on top of the
 * shipped file, and the {@link ShiftableClock} the switch (and its embedded CBS simulator) runs on.
 */
final class RunningSwitch implements AutoCloseable {

    static final String PG_URL_VARIABLE = "OPENSCIS_TEST_PG_URL";
    /** The issuer of the shipped configuration, whose CBS is the embedded simulator. */
    static final String ISSUER_IIN = "62000001";
    private static final Path SHIPPED_CONFIG = Path.of("..", "conf", "openscis.yaml");

    final Path dataDir;
    final OpenScisConfig config;
    final SwitchServer server;
    final ClientProfile profile;
    final AppGatewayClient client;
    final ShiftableClock clock;
    /** Where the switch sends this App Gateway's callbacks; null unless the setup asked for it. */
    final CallbackReceiver callbacks;
    private final Runnable dropSchema;

    private RunningSwitch(Path dataDir, OpenScisConfig config, SwitchServer server, ClientProfile profile,
            AppGatewayClient client, ShiftableClock clock, CallbackReceiver callbacks, Runnable dropSchema) {
        this.dataDir = dataDir;
        this.config = config;
        this.server = server;
        this.profile = profile;
        this.client = client;
        this.clock = clock;
        this.callbacks = callbacks;
        this.dropSchema = dropSchema;
    }

    /**
     * What a suite changes in the shipped setup.
     *
     * @param adjust    applied to the loaded configuration (before the storage is chosen)
     * @param callbacks whether to start a callback receiver and configure it as the App Gateway's callback URL
     */
    record Setup(UnaryOperator<OpenScisConfig> adjust, boolean callbacks) {

        static Setup shipped() {
            return new Setup(UnaryOperator.identity(), false);
        }

        Setup withCallbacks() {
            return new Setup(adjust, true);
        }

        Setup adjusted(UnaryOperator<OpenScisConfig> more) {
            return new Setup(c -> more.apply(adjust.apply(c)), callbacks);
        }
    }

    static RunningSwitch start(boolean postgres) throws Exception {
        return start(postgres, Setup.shipped());
    }

    static RunningSwitch start(boolean postgres, Setup setup) throws Exception {
        Path dataDir = Files.createTempDirectory("openscis-system-");
        Map<String, String> env = new HashMap<>(Map.of("OPENSCIS_HTTP_PORT", "0", "OPENSCIS_ADMIN_PORT", "0"));
        OpenScisConfig cfg = load(env, dataDir);
        CallbackReceiver receiver = null;
        if (setup.callbacks()) {
            // the first load made the development keys and the profile the receiver checks signatures with
            ClientProfile generated = ClientProfile.load(dataDir.resolve(DevKeyBootstrap.PROFILE_DIR));
            receiver = CallbackReceiver.start(ClientIdentity.of(generated));
            env.put("OPENSCIS_APPGW_CALLBACK_URL", receiver.url() + "/callback");
            cfg = load(env, dataDir);
        }
        try {
            return start(postgres, setup.adjust().apply(cfg), dataDir, receiver);
        } catch (Exception | Error e) {
            if (receiver != null) {
                receiver.close();
            }
            throw e;
        }
    }

    private static OpenScisConfig load(Map<String, String> env, Path dataDir) throws Exception {
        return ConfigLoader.builder().env(env::get).dataDirOverride(dataDir).beforeFileChecks(new DevKeyBootstrap())
                .build().load(SHIPPED_CONFIG);
    }

    private static RunningSwitch start(boolean postgres, OpenScisConfig loaded, Path dataDir,
            CallbackReceiver receiver) throws Exception {
        OpenScisConfig cfg = loaded;
        Runnable drop = () -> { };
        if (postgres) {
            String base = System.getenv(PG_URL_VARIABLE);
            String schema = "sys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(base, "CREATE SCHEMA " + schema);
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            cfg = cfg.withStorage(new StorageConfig(StorageConfig.POSTGRESQL, null, url, null, null, 6));
            drop = () -> execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
        ShiftableClock clock = new ShiftableClock();
        SwitchServer server;
        try {
            server = SwitchServer.start(cfg, clock);
        } catch (Exception | Error e) {
            drop.run();
            throw e;
        }
        ClientProfile profile = ClientProfile.load(dataDir.resolve(DevKeyBootstrap.PROFILE_DIR))
                .withBaseUrl("http://127.0.0.1:" + server.httpPort());
        return new RunningSwitch(dataDir, cfg, server, profile, client(profile), clock, receiver, drop);
    }

    /** The embedded CBS simulator of the shipped issuer: its ledger and its fault plan. */
    CbsSimulator simulator() {
        return server.cbsLinks().simulator(ISSUER_IIN).orElseThrow();
    }

    /** A client that uses only what the profile gives an outside App Gateway. */
    static AppGatewayClient client(ClientProfile p) {
        return AppGatewayClient.forProfile(p, ClientOptions.builder(p.baseUrl()).maxConnections(4).build());
    }

    static boolean postgresAvailable() {
        String url = System.getenv(PG_URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests: " + e.getMessage(), e);
        }
    }

    /** Rows of a table, straight from the database. */
    long count(String table) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The CBS msgID (the switch's transaction id) of the money movement the App Gateway sent as {@code msgId}. */
    String trxIdOf(String msgId) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(
                        "SELECT trx_id FROM money_transactions WHERE ins_id = ? AND msg_id = ?")) {
            s.setString(1, profile.insId());
            s.setString(2, msgId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no money transaction for msgID " + msgId);
                }
                return rs.getString(1);
            }
        }
    }

    void update(String sql) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    int adminPort() {
        return server.adminPort();
    }

    @Override
    public void close() {
        client.close();
        server.close();
        if (callbacks != null) {
            callbacks.close();
        }
        dropSchema.run();
    }
}
