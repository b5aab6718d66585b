package org.openscis.server.storage;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.openscis.router.port.Notification;

/**
 * Writes outbox rows inside a caller's database transaction, so that a state change and the callbacks it causes
 * commit together or not at all (decisions.md §8).
 */
public interface OutboxWriter {

    /** Inserts {@code notifications} (assigning their msgIDs) using {@code tx}, the caller's open transaction. */
    void insert(DSLContext tx, List<Notification> notifications, Instant now);
}
