package org.openscis.server.client;

import org.openscis.codec.envelope.TrxInfo;

/**
 * How the {@link CallbackReceiver} answers one callback. The default ({@link #standard(ReceivedCallback)}) is what
 * a well-behaved App Gateway does; tests choose others to exercise the switch's retries.
 */
public sealed interface CallbackAnswer {

    /**
     * A signed envelope echoing the callback's msgInfo with this msgResponse (and optional trxInfo), HTTP 200 — or
     * HTTP 400 with a bare {@code msgResponse} when the callback had no readable msgInfo.
     */
    record Reply(String responseCode, String responseMsg, TrxInfo trxInfo) implements CallbackAnswer {}

    /** Only this HTTP status, with an empty body and no signature (e.g. 500 or 503 to force a retry). */
    record Status(int httpStatus) implements CallbackAnswer {}

    /** Close the connection without answering (a network failure as the switch sees it). */
    record Drop() implements CallbackAnswer {}

    static Reply approved() {
        return new Reply("00", "Approved", null);
    }

    /** 00 for a verified callback, A0 when its signature fails, 30 when the body is not a readable envelope. */
    static CallbackAnswer standard(ReceivedCallback callback) {
        if (callback.envelope() == null || callback.envelope().msgInfo() == null) {
            return new Reply("30", "Message format error", null);
        }
        if (!callback.signatureValid()) {
            return new Reply("A0", "Signature verification fails.", null);
        }
        return approved();
    }
}
