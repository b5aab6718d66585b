package org.openscis.server.outbox;

/** Callbacks not delivered yet: PENDING (waiting or being sent) and PARKED (given up). */
public record OutboxCounts(long pending, long parked) {
}
