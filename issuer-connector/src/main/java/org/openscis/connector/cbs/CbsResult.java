package org.openscis.connector.cbs;

import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.link.LinkResult.NotSentReason;

/** What became of one {@link CbsClient#call}. */
public sealed interface CbsResult {

    /**
     * The CBS answered this msgID with a verified envelope: its {@code responseCode} and {@code responseMsg} (may be
     * null) as sent, and its {@code trxInfo} with the JWE fields decrypted into nested objects (empty, never null,
     * when the answer has none).
     */
    record Answered(String responseCode, String responseMsg, TrxInfo trxInfo) implements CbsResult {}

    /** Certainly never sent: the CBS cannot have acted. {@code CLOSED} also covers a request that could not be
     * prepared (its fields could not be encrypted, the path could not be signed). */
    record NotSent(NotSentReason reason, String detail) implements CbsResult {}

    /** May have reached the CBS, but no usable answer for this msgID came back: the outcome is unknown. */
    record NoAnswer(String detail) implements CbsResult {}
}
