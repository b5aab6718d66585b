package org.openscis.server.faults;

import org.openscis.codec.envelope.TrxInfo;

/**
 * One try of a request as the App Gateway saw it: the HTTP status and response code, or {@link #NO_ANSWER} when the
 * connection failed or timed out.
 */
record Attempt(int status, String code, boolean signatureValid, TrxInfo trxInfo) {

    static final String NO_ANSWER = "--";

    static Attempt noAnswer() {
        return new Attempt(0, NO_ANSWER, true, null);
    }

    /** Whether the App Gateway tries again: no answer, 04 (pending), 96 or HTTP 503 (nothing done, try later). */
    boolean retryable() {
        return code == null || NO_ANSWER.equals(code) || "04".equals(code) || "96".equals(code) || status == 503;
    }

    boolean pending() {
        return "04".equals(code);
    }
}
