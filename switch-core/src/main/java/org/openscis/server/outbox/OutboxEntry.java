package org.openscis.server.outbox;

import java.time.Instant;

/**
 * One outbox row as operators see it: no payload, the token masked ({@code 6292********1234}).
 *
 * @param nextAttemptAt when a PENDING row is next tried (meaningless for the other states)
 * @param deliveredAt   null unless DELIVERED
 * @param responseCode  the last code the recipient answered, null if it never answered
 * @param lastError     why the last attempt failed, null if none did
 */
public record OutboxEntry(
        String msgId,
        String recipientInsId,
        String msgType,
        String maskedOrderKey,
        OutboxState state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String responseCode,
        String lastError) {
}
