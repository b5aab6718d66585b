package org.openscis.router.port;

import java.util.Objects;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;

/**
 * A callback to send to a participant through the durable outbox (decisions.md §8): delivered at least once, in order
 * per {@code orderKey} (the token), with the msgID the outbox assigns when it stores it. {@code trxInfo} is what the
 * callback carries, JWE fields already encrypted to the recipient.
 */
public record Notification(String recipientInsId, MessageType type, String orderKey, TrxInfo trxInfo) {

    public Notification {
        Objects.requireNonNull(recipientInsId, "recipientInsId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderKey, "orderKey");
        Objects.requireNonNull(trxInfo, "trxInfo");
    }

    @Override
    public String toString() {
        return "Notification[" + type + " to " + recipientInsId + "]";
    }
}
