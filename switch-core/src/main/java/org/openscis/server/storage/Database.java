package org.openscis.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openscis.server.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switch's database: a HikariCP pool, the schema migrated by Flyway ({@code classpath:db/migration}, the same
 * scripts for H2 and PostgreSQL) and a jOOQ {@link DSLContext} for the adapters. Names are rendered unquoted, so
 * each database applies its own case folding exactly as it did when the scripts created the tables.
 *
 * <p>H2 runs as an embedded file database under the data directory with settings chosen for safety: the database
 * is not closed by a JVM shutdown hook while the pool still needs it ({@code DB_CLOSE_ON_EXIT=FALSE}), no other
 * process may attach ({@code AUTO_SERVER=FALSE}), lock waits are bounded, and every commit is written through to
 * the file ({@code WRITE_DELAY=0}) so a crashed process does not lose acknowledged idempotency or payment records.
 */
public final class Database implements AutoCloseable {

    /** Which database product is behind the pool. */
    public enum Kind { H2, POSTGRESQL }

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Longest wait for a pooled connection before an operation fails (and the request answers a system error). */
    static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    /** Longest a pooled connection's liveness check may take; also bounds {@link #healthy()}. */
    static final int VALIDATION_TIMEOUT_SECONDS = 2;
    /**
     * Connections of the second pool, kept for {@link SequenceAllocator}. It reserves blocks in short transactions of
     * its own, often while its caller holds a connection of the main pool in an open transaction (a callback's msgID is
     * drawn while the state change that causes it commits). From the main pool, callers holding every connection would
     * each wait for one more until the connection timeout, failing their transactions.
     */
    static final int SEQUENCE_POOL_SIZE = 2;
    /** A connection held longer than this is logged as a probable leak. */
    static final long LEAK_DETECTION_MILLIS = 60_000;
    /** Longest an H2 statement waits for a row lock held by another transaction. */
    static final int H2_LOCK_TIMEOUT_MILLIS = 10_000;
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String H2_FILE_SUFFIX = ".mv.db";

    static {
        // jOOQ prints a banner and usage tips on first use; a server log has no room for them.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Kind kind;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final HikariDataSource sequencePool;
    private final DSLContext sequenceDsl;
    private final String description;
    private final boolean inMemory;

    private Database(Kind kind, HikariDataSource dataSource, HikariDataSource sequencePool, String description,
            boolean inMemory) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.sequencePool = sequencePool;
        this.description = description;
        this.inMemory = inMemory;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                // Statement logging would put bind values (hashes, ids, ciphertext) in debug logs; keep it off.
                .withExecuteLogging(false);
        SQLDialect dialect = kind == Kind.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES;
        this.dsl = DSL.using(dataSource, dialect, settings);
        this.sequenceDsl = DSL.using(sequencePool, dialect, settings);
    }

    /**
     * Opens the configured database and migrates it to the current schema.
     *
     * @param cfg {@code kind} {@code "h2"} (uses {@code h2File}, resolved against {@code dataDir}) or
     *     {@code "postgresql"} (uses {@code url}, {@code user}, {@code password}); {@code poolSize} connections
     * @param dataDir the data directory H2 files live in
     * @throws IllegalArgumentException on an unknown kind or a missing setting
     * @throws RuntimeException (from HikariCP or Flyway) if the database cannot be reached or migrated
     */
    public static Database open(StorageConfig cfg, Path dataDir) {
        Objects.requireNonNull(cfg, "storage config");
        String kind = cfg.kind() == null ? "" : cfg.kind().toLowerCase(Locale.ROOT);
        int poolSize = Math.max(1, cfg.poolSize());
        switch (kind) {
            case "h2": {
                Path file = h2Path(cfg.h2File(), dataDir);
                String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT="
                        + H2_LOCK_TIMEOUT_MILLIS + ";WRITE_DELAY=0";
                return start(Kind.H2, url, null, null, poolSize, "H2 file " + file + H2_FILE_SUFFIX, false);
            }
            case "postgresql": {
                if (cfg.url() == null || cfg.url().isBlank()) {
                    throw new IllegalArgumentException("storage.url is required for kind postgresql");
                }
                return start(Kind.POSTGRESQL, cfg.url(), cfg.user(), cfg.password(), poolSize,
                        "PostgreSQL " + redact(cfg.url()), false);
            }
            default:
                throw new IllegalArgumentException("storage.kind must be h2 or postgresql, not \"" + cfg.kind() + "\"");
        }
    }

    /**
     * A private in-memory H2 database for tests, migrated like a real one. It lives until {@link #close()}.
     *
     * @param name letters, digits and underscores; databases with distinct names are independent
     */
    public static Database openH2InMemory(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("in-memory database name must be 1 to 64 of [A-Za-z0-9_]");
        }
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=" + H2_LOCK_TIMEOUT_MILLIS;
        return start(Kind.H2, url, null, null, 4, "H2 in-memory " + name, true);
    }

    private static Path h2Path(String h2File, Path dataDir) {
        if (h2File == null || h2File.isBlank()) {
            throw new IllegalArgumentException("storage.h2File is required for kind h2");
        }
        String name = h2File.endsWith(H2_FILE_SUFFIX)
                ? h2File.substring(0, h2File.length() - H2_FILE_SUFFIX.length()) : h2File;
        Path base = dataDir == null ? Path.of(name) : dataDir.resolve(name);
        // H2 refuses paths implicitly relative to the working directory.
        return base.toAbsolutePath().normalize();
    }

    private static Database start(Kind kind, String url, String user, String password, int poolSize,
            String description, boolean inMemory) {
        HikariDataSource ds = pool(kind, "", url, user, password, poolSize);
        HikariDataSource sequences = null;
        try {
            sequences = pool(kind, "-sequences", url, user, password, SEQUENCE_POOL_SIZE);
            Database db = new Database(kind, ds, sequences, description + " (pool " + poolSize + ")", inMemory);
            migrate(url, user, password);
            LOG.info("Database ready: {}", db.description);
            return db;
        } catch (RuntimeException e) {
            if (sequences != null) {
                sequences.close();
            }
            ds.close();
            throw e;
        }
    }

    private static HikariDataSource pool(Kind kind, String nameSuffix, String url, String user, String password,
            int size) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("openscis-" + kind.name().toLowerCase(Locale.ROOT) + nameSuffix);
        hc.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            hc.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(size);
        hc.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        hc.setValidationTimeout(VALIDATION_TIMEOUT_SECONDS * 1000L);
        hc.setLeakDetectionThreshold(LEAK_DETECTION_MILLIS);
        hc.setAutoCommit(true);
        return new HikariDataSource(hc);
    }

    /**
     * Flyway holds one connection for its lock and another for the migration, so it gets its own unpooled connections
     * rather than two of a pool that may be configured with one.
     */
    private static void migrate(String url, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(url, user, password)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Applied {} schema migration(s); schema version {}", result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    /** jOOQ over the pool: each {@code transactionResult} borrows one connection for its duration. */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * jOOQ over the small second pool ({@value #SEQUENCE_POOL_SIZE} connections) for work that must not wait for the
     * main pool because its caller may be holding a main-pool connection: {@link SequenceAllocator} only.
     */
    DSLContext sequenceDsl() {
        return sequenceDsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * True if a pooled connection answers a validation check within {@value #VALIDATION_TIMEOUT_SECONDS} s (plus at
     * most the pool's connection timeout when every connection is busy). Never throws.
     */
    public boolean healthy() {
        if (dataSource.isClosed()) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Database health check failed: {}", e.toString());
            return false;
        }
    }

    /** Product, location and pool size, without credentials (safe to log). */
    public String describe() {
        return description;
    }

    /** Closes both pools; an in-memory H2 database is dropped. Idempotent. */
    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        sequencePool.close();
        if (inMemory) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("In-memory H2 shutdown: {}", e.toString());
            }
        }
        dataSource.close();
    }

    /** The URL without its query string (which may hold a password) or user info. */
    static String redact(String url) {
        String noQuery = url.replaceAll("[?;].*$", "");
        return noQuery.replaceAll("//[^/@]*@", "//");
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
