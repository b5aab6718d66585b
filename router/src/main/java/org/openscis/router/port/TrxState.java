package org.openscis.router.port;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of a money movement (decisions.md §5): {@code RECEIVED → [AWAITING_CVM] → SENT → APPROVED | DECLINED |
 * UNKNOWN → RESOLVED_APPROVED | RESOLVED_DECLINED}, plus {@code REFUNDED}/{@code CANCELLED} for payments an acquirer
 * refunded in full or cancelled.
 */
public enum TrxState {
    RECEIVED,
    AWAITING_CVM,
    SENT,
    APPROVED,
    DECLINED,
    UNKNOWN,
    RESOLVED_APPROVED,
    RESOLVED_DECLINED,
    REFUNDED,
    CANCELLED;

    private static final Set<TrxState> FINAL = EnumSet.of(APPROVED, DECLINED, RESOLVED_APPROVED, RESOLVED_DECLINED,
            REFUNDED, CANCELLED);
    private static final Set<TrxState> MOVED = EnumSet.of(APPROVED, RESOLVED_APPROVED, REFUNDED);

    /** No further CBS call will change the money this transaction moved. */
    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** The CBS may have acted, or is known to have acted: the state still counts against limits. */
    public boolean countsAgainstLimits() {
        return !(this == DECLINED || this == RESOLVED_DECLINED || this == CANCELLED);
    }

    /** Money moved and stayed moved (a refund is a separate movement back). */
    public boolean moved() {
        return MOVED.contains(this);
    }

    /** {@code paymentStatus} as TRX_RESULT_INQUIRY and TRX_RESULT_NOTIFICATION report it. */
    public String paymentStatus() {
        return switch (this) {
            case APPROVED, RESOLVED_APPROVED -> "APPROVED";
            case DECLINED, RESOLVED_DECLINED -> "DECLINED";
            case REFUNDED -> "REFUNDED";
            case CANCELLED -> "CANCELLED";
            case RECEIVED, AWAITING_CVM, SENT, UNKNOWN -> "PENDING";
        };
    }
}
