package org.openscis.server.dispatch;

import java.time.Instant;
import java.util.Optional;

/** Durable (insID, msgID) records: claimed before a handler runs, completed with the response it produced. */
public interface IdempotencyPort {

    Claim claim(String insId, String msgId, String msgType, String fingerprint, Instant now);

    void complete(String insId, String msgId, String responseCode, byte[] responseBody, Instant now);

    /** Drops a claim whose processing failed before any side effect, so that a retry runs again. */
    void release(String insId, String msgId);

    Optional<Claim.Existing> find(String insId, String msgId);

    /** The result of a claim. */
    sealed interface Claim {

        /** This request owns the key: run it. */
        record Claimed() implements Claim {}

        /** Someone claimed it before: {@code responseBody} is null while still in flight. */
        record Existing(String fingerprint, boolean done, byte[] responseBody, Instant createdAt) implements Claim {}
    }
}
