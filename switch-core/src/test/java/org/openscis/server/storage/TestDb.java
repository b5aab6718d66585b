package org.openscis.server.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openscis.server.config.StorageConfig;

/**
 * One test database: the open {@link Database}, plus what it takes to open it again (another node, or after a
 * restart) and to throw it away.
 */
final class TestDb implements AutoCloseable {

    /** Every table of the schema, children before parents. */
    static final List<String> TABLES =
            List.of("tokens", "cards", "idempotency", "replay_uuids", "sequences", "participant_keys",
                    "card_verification_failures", "money_transactions", "kyc_records", "account_tiers", "outbox",
                    "cash_out_withdrawals", "cpqr_codes", "cpqr_atc", "cpqr_payments");

    private final Backend backend;
    private final StorageConfig cfg;
    private final Path h2Dir;
    private final Runnable dropper;
    private final Database db;
    private final List<Database> extra = new ArrayList<>();

    TestDb(Backend backend, StorageConfig cfg, Path h2Dir, Runnable dropper, Database db) {
        this.backend = backend;
        this.cfg = cfg;
        this.h2Dir = h2Dir;
        this.dropper = dropper;
        this.db = db;
    }

    Backend backend() {
        return backend;
    }

    Database db() {
        return db;
    }

    /** Another pool on the same storage (like a second node); closed with this. */
    Database openAnother() {
        Database other = Database.open(cfg, h2Dir);
        extra.add(other);
        return other;
    }

    /** Another pool of {@code poolSize} connections on the same storage; closed with this. */
    Database openAnother(int poolSize) {
        Database other = Database.open(new StorageConfig(cfg.kind(), cfg.h2File(), cfg.url(), cfg.user(),
                cfg.password(), poolSize), h2Dir);
        extra.add(other);
        return other;
    }

    /** The H2 data file, or null for PostgreSQL. */
    Path h2File() {
        return h2Dir == null ? null : h2Dir.resolve("openscis.mv.db");
    }

    void deleteAllRows() {
        db.dsl().transaction(cfg -> {
            for (String table : TABLES) {
                org.jooq.impl.DSL.using(cfg).execute("DELETE FROM " + table);
            }
        });
    }

    @Override
    public void close() {
        extra.forEach(Database::close);
        db.close();
        if (dropper != null) {
            dropper.run();
        }
        if (h2Dir != null) {
            TestDatabases.deleteRecursively(h2Dir);
        }
    }
}
