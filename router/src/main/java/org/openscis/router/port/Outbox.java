package org.openscis.router.port;

import java.time.Instant;

/** Callbacks not tied to a money movement's state change (e.g. CARD_STATUS_NOTIFICATION after an issuer action). */
public interface Outbox {

    /** Stores the notification durably (assigning its msgID); blocking. */
    void enqueue(Notification notification, Instant now);
}
