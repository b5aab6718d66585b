package org.openscis.server.config;

import java.time.Duration;

/**
 * The security gate's tunables (decisions.md §3-4).
 *
 * @param timestampSkew             allowed distance of UPI-TIMESTAMP from the switch clock, default 300s
 * @param lenientSignatureEncoding  accept standard-base64 / padded signature segments (protocol.md §4.9), default true
 * @param reqPathCheck              STRICT (A0 on mismatch) or WARN (log and count), default STRICT
 * @param idempotencyRetention      how long (insID, msgID) results are kept, default 48h
 */
public record SecurityConfig(
        Duration timestampSkew,
        boolean lenientSignatureEncoding,
        ReqPathCheck reqPathCheck,
        Duration idempotencyRetention) {

    public enum ReqPathCheck { STRICT, WARN }

    /** The documented defaults. */
    public static SecurityConfig defaults() {
        return new SecurityConfig(Duration.ofSeconds(300), true, ReqPathCheck.STRICT, Duration.ofHours(48));
    }
}
