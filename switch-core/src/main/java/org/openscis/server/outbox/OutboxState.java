package org.openscis.server.outbox;

/** Where an outbox row stands. PENDING includes rows leased to a node that is sending them. */
public enum OutboxState {
    /** Waiting for its next attempt (or being sent under a lease). */
    PENDING,
    /** The recipient answered {@code 00}; final. */
    DELIVERED,
    /** Given up; stays until an operator replays it. Blocks nothing. */
    PARKED
}
