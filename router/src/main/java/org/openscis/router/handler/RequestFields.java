package org.openscis.router.handler;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.FieldError;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.router.Outcome;

/** Field rules several App Gateway messages share (protocol.md §2.7), and the 30 outcome of a failed read. */
final class RequestFields {

    /** {@code deviceID} and {@code userID}: ANS 1-64 (NETS bound for deviceID; userID has none published). */
    static final int ID_MAX_CHARS = 64;
    /** {@code token} is read loosely here; {@link TokenResolver} judges its shape (14, not 30). */
    static final int TOKEN_MAX_CHARS = 64;

    private RequestFields() {}

    static String deviceId(TrxReader reader) {
        return reader.required("deviceID", 1, ID_MAX_CHARS, CharClass.ANS);
    }

    static String userId(TrxReader reader) {
        return reader.required("userID", 1, ID_MAX_CHARS, CharClass.ANS);
    }

    static String token(TrxReader reader) {
        return reader.required("token", 1, TOKEN_MAX_CHARS, CharClass.ANS);
    }

    /** 30 with the reader's first error as {@code responseMsg}; the reason names the field, never its value. */
    static Outcome formatError(TrxReader reader) {
        return formatError(reader.error());
    }

    static Outcome formatError(FieldError error) {
        return Outcome.fail(ResponseCode.FORMAT_ERROR, error.toString());
    }

    /** The {@code deviceID} echo failures carry, or null when there is none to echo. */
    static TrxInfo deviceEcho(String deviceId) {
        return deviceId == null ? null : TrxInfo.builder().put("deviceID", deviceId).build();
    }
}
