package org.openscis.connector.sim.bank;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's own H2 database: a small HikariCP pool, the schema migrated by Flyway from
 * {@value #MIGRATIONS} and a jOOQ {@link DSLContext} with unquoted names (as the switch's storage does).
 *
 * <p>An in-memory URL is kept alive while the pool lives ({@code DB_CLOSE_DELAY=-1} is added) and dropped by
 * {@link #close()}; a file URL is used as given (plus a lock timeout), so the ledger survives a restart.
 */
final class SimDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimDatabase.class);

    static final String MIGRATIONS = "classpath:org/openscis/connector/sim/db";
    /** Flyway's history table; its own name so that it never meets the switch's if a file is shared by mistake. */
    private static final String HISTORY_TABLE = "sim_schema_history";
    /** Longest wait for a pooled connection before the message fails (and is answered 96). */
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    /** Longest an H2 statement waits for a row lock; concurrent messages on one account queue this long at most. */
    private static final int LOCK_TIMEOUT_MILLIS = 10_000;

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private SimDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false);
        this.dsl = DSL.using(dataSource, SQLDialect.H2, settings);
    }

    /**
     * Opens and migrates the database.
     *
     * @param jdbcUrl an H2 URL ({@code jdbc:h2:mem:...} or {@code jdbc:h2:file:...})
     * @param poolSize connections; at least the number of threads that use it at once
     */
    static SimDatabase open(String jdbcUrl, int poolSize) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("the simulator needs an H2 JDBC URL (jdbc:h2:mem:... or jdbc:h2:file:...)");
        }
        boolean inMemory = jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:");
        String url = withSetting(jdbcUrl, "LOCK_TIMEOUT", Integer.toString(LOCK_TIMEOUT_MILLIS));
        if (inMemory) {
            url = withSetting(url, "DB_CLOSE_DELAY", "-1");
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("cbs-sim");
        hc.setJdbcUrl(url);
        hc.setMaximumPoolSize(Math.max(2, poolSize));
        hc.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        hc.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            SimDatabase db = new SimDatabase(ds);
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return db;
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static String withSetting(String url, String key, String value) {
        return url.toUpperCase(Locale.ROOT).contains(";" + key + "=") ? url : url + ";" + key + "=" + value;
    }

    DSLContext dsl() {
        return dsl;
    }

    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        // SHUTDOWN drops an in-memory database and closes a file one at once (its connections go with it), rather
        // than leaving the pool to close connection by connection.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("Simulator database shutdown: {}", e.toString());
        }
        dataSource.close();
    }
}
