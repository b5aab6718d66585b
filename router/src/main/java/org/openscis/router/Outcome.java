package org.openscis.router;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;

/**
 * What a handler decided: a response code, an optional precise {@code responseMsg} (never card data), and the
 * response {@code trxInfo} (null when the response carries none).
 */
public record Outcome(ResponseCode code, String detail, TrxInfo trxInfo) {

    public static Outcome ok(TrxInfo trxInfo) {
        return new Outcome(ResponseCode.APPROVED, null, trxInfo);
    }

    public static Outcome fail(ResponseCode code) {
        return new Outcome(code, null, null);
    }

    public static Outcome fail(ResponseCode code, String detail) {
        return new Outcome(code, detail, null);
    }

    /** A failure that still echoes some response fields (e.g. {@code deviceID}). */
    public static Outcome fail(ResponseCode code, String detail, TrxInfo trxInfo) {
        return new Outcome(code, detail, trxInfo);
    }

    public String responseMsg() {
        return detail == null || detail.isEmpty() ? code.message() : detail;
    }
}
