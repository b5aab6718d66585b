package org.openscis.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openscis.server.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh, migrated databases for storage tests. H2 is a file database in a temporary directory (the production
 * code path). PostgreSQL is the server named by {@code OPENSCIS_TEST_PG_URL} (a JDBC URL; each {@link #open} gets
 * its own schema), else an embedded server (zonky), else the PostgreSQL variant is skipped with an assumption that
 * says why (the embedded server refuses to run as root).
 */
final class TestDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
    static final String PG_URL_VARIABLE = "OPENSCIS_TEST_PG_URL";
    private static final int POOL_SIZE = 6;
    private static String postgresBaseUrl;
    private static String postgresUnavailable;
    private static EmbeddedPostgres embedded;

    private TestDatabases() {}

    /** A fresh database; the caller closes it. Aborts the calling test (or class invocation) if PG is unavailable. */
    static TestDb open(Backend backend) {
        return backend == Backend.H2 ? openH2() : openPostgres();
    }

    private static TestDb openH2() {
        try {
            Path dir = Files.createTempDirectory("openscis-h2-");
            StorageConfig cfg = new StorageConfig("h2", "openscis", null, null, null, POOL_SIZE);
            return new TestDb(Backend.H2, cfg, dir, null, Database.open(cfg, dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDb openPostgres() {
        String base = postgresBaseUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(base, "CREATE SCHEMA " + schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        StorageConfig cfg = new StorageConfig("postgresql", null, url, null, null, POOL_SIZE);
        return new TestDb(Backend.POSTGRESQL, cfg, null, () -> execute(base, "DROP SCHEMA " + schema + " CASCADE"),
                Database.open(cfg, null));
    }

    /**
     * A fresh, empty database that nothing has migrated, for migration tests: its JDBC URL and what throws it away.
     * Aborts the calling test if PostgreSQL is unavailable.
     */
    static Unmigrated openUnmigrated(Backend backend) {
        if (backend == Backend.H2) {
            try {
                Path dir = Files.createTempDirectory("openscis-h2-");
                return new Unmigrated("jdbc:h2:file:" + dir.resolve("openscis") + ";DB_CLOSE_ON_EXIT=FALSE",
                        () -> deleteRecursively(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String base = postgresBaseUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(base, "CREATE SCHEMA " + schema);
        return new Unmigrated(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                () -> execute(base, "DROP SCHEMA " + schema + " CASCADE"));
    }

    /** An empty database ({@link #openUnmigrated}); closing drops it. */
    record Unmigrated(String url, Runnable dropper) implements AutoCloseable {
        @Override
        public void close() {
            dropper.run();
        }
    }

    private static synchronized String postgresBaseUrl() {
        if (postgresBaseUrl != null) {
            return postgresBaseUrl;
        }
        String configured = System.getenv(PG_URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            postgresBaseUrl = configured;
            return postgresBaseUrl;
        }
        if (postgresUnavailable == null) {
            try {
                embedded = EmbeddedPostgres.start();
                postgresBaseUrl = embedded.getJdbcUrl("postgres", "postgres");
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopEmbedded, "embedded-pg-stop"));
                return postgresBaseUrl;
            } catch (IOException | RuntimeException e) {
                postgresUnavailable = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        LOG.warn("PostgreSQL variant of the storage tests skipped: {}", postgresUnavailable);
        Assumptions.abort("PostgreSQL variant skipped: " + PG_URL_VARIABLE + " is not set and embedded PostgreSQL "
                + "did not start (" + postgresUnavailable + "; it cannot run as root"
                + ("root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT)) ? ", and this is root" : "")
                + "). Run .ci/start-postgres.sh and export " + PG_URL_VARIABLE + "=<the URL it prints>.");
        throw new AssertionError("unreachable");
    }

    private static void stopEmbedded() {
        try {
            embedded.close();
        } catch (IOException e) {
            // the JVM is exiting; nothing left to clean up with
        }
    }

    static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run \"" + sql + "\": " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
