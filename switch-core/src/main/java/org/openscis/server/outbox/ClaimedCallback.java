package org.openscis.server.outbox;

import java.time.Instant;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;

/**
 * A due callback leased to this node by {@link JdbcOutbox#claimDue}. The lease is identified by {@code leaseUntil}:
 * reporting a failure only takes effect while the row is still held under that lease.
 *
 * @param attempts   attempts already finished (failed) before this one
 * @param trxInfo    the decrypted callback trxInfo, or null if the stored payload cannot be read (an integrity
 *                   fault: the dispatcher parks the row)
 */
public record ClaimedCallback(
        long id,
        String msgId,
        String recipientInsId,
        String msgType,
        String orderKey,
        int attempts,
        Instant createdAt,
        Instant pendingSince,
        Instant leaseUntil,
        TrxInfo trxInfo) {

    public boolean readable() {
        return trxInfo != null;
    }

    /** Keeps the token masked and the payload out of logs. */
    @Override
    public String toString() {
        return "ClaimedCallback[" + msgType + " " + msgId + " to " + recipientInsId + ", key "
                + Masking.pan(orderKey) + ", attempts " + attempts + (readable() ? "" : ", unreadable") + "]";
    }
}
