package org.openscis.server.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Durable (insID, msgID) records (decisions.md §4): claimed before a handler runs, completed with the response it
 * produced, released if it failed before any side effect.
 */
public interface IdempotencyStore {

    ClaimResult claim(String insId, String msgId, String msgType, String fingerprint, Instant now);

    void complete(String insId, String msgId, String responseCode, byte[] responseBody, Instant now);

    void release(String insId, String msgId);

    /**
     * Replaces a stored {@code 04} (pending) response by the final one once the background resolution has settled the
     * outcome, so that later retries get the final answer. False if the stored response is not {@code 04} (already
     * superseded, or never pending).
     */
    boolean supersedePending(String insId, String msgId, String responseCode, byte[] responseBody, Instant now);

    Optional<ClaimResult.Existing> find(String insId, String msgId);

    /**
     * Takes over a claim still IN_FLIGHT since {@code claimedAt} whose claimant is gone (its node stopped, or it
     * failed and could not release the claim): the claim is renewed as of {@code now} for the caller. True for
     * exactly one of several concurrent callers; false if the claim changed meanwhile.
     */
    boolean reclaim(String insId, String msgId, Instant claimedAt, Instant now);

    int purgeOlderThan(Instant cutoff);
}
