package org.openscis.router.port;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;

/** What became of a {@link CbsCall}. */
public sealed interface CbsReply {

    /**
     * The CBS answered with a verified, signed envelope. {@code code} is its {@code responseCode} (a code outside the
     * known set arrives as {@link ResponseCode#ISSUER_DECLINED}); {@code trxInfo} is plain text (JWE fields of the
     * answer already decrypted into nested objects), never null.
     */
    record Answered(ResponseCode code, String responseMsg, TrxInfo trxInfo) implements CbsReply {}

    /**
     * The request was certainly never sent, so the CBS cannot have acted on it: {@code code} is
     * {@link ResponseCode#NETWORK_ERROR} (no usable connection), {@link ResponseCode#ISSUER_SYSTEM_ERROR} (circuit
     * open) or {@link ResponseCode#TIMEOUT} (the deadline passed while queued).
     */
    record NotSent(ResponseCode code, String detail) implements CbsReply {}

    /**
     * The request may have reached the CBS but no usable answer came back (timeout after sending, connection lost,
     * unverifiable or unreadable response): the outcome is unknown and must be resolved.
     */
    record NoAnswer(String detail) implements CbsReply {}
}
