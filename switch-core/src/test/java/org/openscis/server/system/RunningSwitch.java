package org.openscis.server.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.openscis.server.SwitchServer;
import org.openscis.server.client.AppGatewayClient;
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
 */
final class RunningSwitch implements AutoCloseable {

    static final String PG_URL_VARIABLE = "OPENSCIS_TEST_PG_URL";

    final Path dataDir;
    final OpenScisConfig config;
    final SwitchServer server;
    final ClientProfile profile;
    final AppGatewayClient client;
    private final Runnable dropSchema;

    private RunningSwitch(Path dataDir, OpenScisConfig config, SwitchServer server, ClientProfile profile,
            AppGatewayClient client, Runnable dropSchema) {
        this.dataDir = dataDir;
        this.config = config;
        this.server = server;
        this.profile = profile;
        this.client = client;
        this.dropSchema = dropSchema;
    }

    static RunningSwitch start(boolean postgres) throws Exception {
        Path dataDir = Files.createTempDirectory("openscis-system-");
        Map<String, String> env = Map.of("OPENSCIS_HTTP_PORT", "0", "OPENSCIS_ADMIN_PORT", "0");
        OpenScisConfig cfg = ConfigLoader.builder().env(env::get).dataDirOverride(dataDir)
                .beforeFileChecks(new DevKeyBootstrap()).build().load(Path.of("..", "conf", "openscis.yaml"));
        Runnable drop = () -> { };
        if (postgres) {
            String base = System.getenv(PG_URL_VARIABLE);
            String schema = "sys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(base, "CREATE SCHEMA " + schema);
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            cfg = cfg.withStorage(new StorageConfig(StorageConfig.POSTGRESQL, null, url, null, null, 6));
            drop = () -> execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
        SwitchServer server = SwitchServer.start(cfg, Clock.systemUTC());
        ClientProfile profile = ClientProfile.load(dataDir.resolve(DevKeyBootstrap.PROFILE_DIR))
                .withBaseUrl("http://127.0.0.1:" + server.httpPort());
        return new RunningSwitch(dataDir, cfg, server, profile, client(profile), drop);
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
        dropSchema.run();
    }
}
