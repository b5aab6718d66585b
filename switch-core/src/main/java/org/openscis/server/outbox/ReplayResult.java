package org.openscis.server.outbox;

/** What replaying one parked callback did. */
public enum ReplayResult {
    /** It was PARKED and is PENDING again, due at once. */
    REPLAYED,
    /** No row has that msgID. */
    NOT_FOUND,
    /** The row exists but is PENDING or DELIVERED; nothing changed. */
    NOT_PARKED
}
