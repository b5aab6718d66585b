package org.openscis.server.config;

import java.time.Duration;

/**
 * The security gate's tunables (decisions.md §3-4).
 *
 * @param timestampSkew             allowed distance of UPI-TIMESTAMP from the switch clock, default 300s
 * @param lenientSignatureEncoding  accept standard-base64 / padded signature segments (protocol.md §4.9), default true
 * @param reqPathCheck              STRICT (A0 on mismatch) or WARN (log and count), default STRICT
 * @param idempotencyRetention      how long (insID, msgID) results are kept, default 48h
 * @param maxCardVerificationFailures wrong expiry/CVN2 tries that lock a card for CARD_ENROLLMENT, default 5
 * @param cardVerificationWindow    how long those failures count, from the first one, default 24h
 */
public record SecurityConfig(
        Duration timestampSkew,
        boolean lenientSignatureEncoding,
        ReqPathCheck reqPathCheck,
        Duration idempotencyRetention,
        int maxCardVerificationFailures,
        Duration cardVerificationWindow) {

    public static final int MAX_CARD_VERIFICATION_FAILURES_CEILING = 100;
    public static final Duration MAX_CARD_VERIFICATION_WINDOW = Duration.ofDays(30);

    public enum ReqPathCheck { STRICT, WARN }

    /** The documented defaults. */
    public static SecurityConfig defaults() {
        return new SecurityConfig(Duration.ofSeconds(300), true, ReqPathCheck.STRICT, Duration.ofHours(48), 5,
                Duration.ofHours(24));
    }
}
