package org.openscis.server.storage;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openscis.router.port.Notification;

/**
 * An {@link OutboxWriter} for tests: writes one row per notification into a scratch table of its own (through the
 * caller's transaction, as the real outbox does), and can be told to fail after writing, to prove that the caller's
 * state change and these rows commit or roll back together.
 */
final class ScratchOutbox implements OutboxWriter {

    static final String TABLE = "test_outbox_scratch";

    private final AtomicBoolean failAfterWriting = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();

    /** Creates the scratch table if needed and empties it. */
    static ScratchOutbox on(Database db) {
        db.dsl().execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (recipient VARCHAR(32) NOT NULL,"
                + " msg_type VARCHAR(64) NOT NULL, order_key VARCHAR(64) NOT NULL, created_at BIGINT NOT NULL)");
        db.dsl().execute("DELETE FROM " + TABLE);
        return new ScratchOutbox();
    }

    @Override
    public void insert(DSLContext tx, List<Notification> notifications, Instant now) {
        calls.incrementAndGet();
        for (Notification n : notifications) {
            tx.execute("INSERT INTO " + TABLE + " (recipient, msg_type, order_key, created_at) VALUES (?, ?, ?, ?)",
                    n.recipientInsId(), n.type().name(), n.orderKey(), now.toEpochMilli());
        }
        if (failAfterWriting.get()) {
            throw new IllegalStateException("scratch outbox told to fail");
        }
    }

    void failAfterWriting(boolean fail) {
        failAfterWriting.set(fail);
    }

    int calls() {
        return calls.get();
    }

    /** Rows committed to the scratch table, seen through {@code db}. */
    static int rows(Database db) {
        return db.dsl().fetchCount(DSL.table(DSL.name(TABLE)));
    }
}
