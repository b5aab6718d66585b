package org.openscis.codec.envelope;

import org.openscis.codec.ResponseCode;

/** The {@code msgResponse} block of a response. */
public record MsgResponse(String responseCode, String responseMsg) {

    public static MsgResponse of(ResponseCode code) {
        return new MsgResponse(code.code(), code.message());
    }

    public static MsgResponse of(ResponseCode code, String detail) {
        return new MsgResponse(code.code(), detail == null || detail.isEmpty() ? code.message() : detail);
    }
}
