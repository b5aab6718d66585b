package org.openscis.router.port;

import java.time.Instant;
import java.util.Objects;

/**
 * How the cardholder verification of a CPQRC_PAYMENT ended (decisions.md §7).
 *
 * @param kind            go on, declined by the cardholder's side, or no verdict in time
 * @param paymentStatus   the App Gateway's {@code paymentStatus} as sent (null for a timeout)
 * @param rejectionReason the App Gateway's {@code rejectionReason} (null if none)
 * @param resultInsId     who sent ADDITIONAL_PROCESSING_RESULT (null for a timeout)
 * @param resultMsgId     its msgID (null for a timeout)
 * @param decidedAt       when it was recorded
 */
public record CpqrVerdict(Kind kind, String paymentStatus, String rejectionReason, String resultInsId,
        String resultMsgId, Instant decidedAt) {

    /** The {@code paymentStatus} that lets the payment go on; any other value declines it. */
    public static final String CONTINUING = "CONTINUING";

    public enum Kind { CONTINUE, DECLINE, TIMEOUT }

    public CpqrVerdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** The verdict an ADDITIONAL_PROCESSING_RESULT carries. */
    public static CpqrVerdict of(String paymentStatus, String rejectionReason, String insId, String msgId,
            Instant at) {
        Kind kind = CONTINUING.equals(paymentStatus) ? Kind.CONTINUE : Kind.DECLINE;
        return new CpqrVerdict(kind, paymentStatus, rejectionReason, insId, msgId, at);
    }

    public static CpqrVerdict timeout(Instant at) {
        return new CpqrVerdict(Kind.TIMEOUT, null, null, null, null, at);
    }

    public boolean proceeds() {
        return kind == Kind.CONTINUE;
    }
}
