package org.openscis.server.dispatch;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;

/**
 * Builds response bodies: the request's msgInfo echoed with the switch's own timeStamp (decisions.md §2), the
 * response trxInfo and msgResponse.
 */
public final class ResponseFactory {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final EnvelopeCodec codec;
    private final Clock clock;
    private final ZoneId zone;

    public ResponseFactory(EnvelopeCodec codec, Clock clock, ZoneId zone) {
        this.codec = codec;
        this.clock = clock;
        this.zone = zone;
    }

    /** The switch's current time in {@code msgInfo.timeStamp} format. */
    public String timeStamp() {
        return LocalDateTime.now(clock.withZone(zone)).format(TIMESTAMP);
    }

    public byte[] body(MsgInfo echo, TrxInfo trxInfo, ResponseCode code, String responseMsg) {
        MsgInfo msgInfo = echo == null ? null : echo.withTimeStamp(timeStamp());
        MsgResponse response = MsgResponse.of(code, responseMsg);
        return codec.encode(Envelope.response(msgInfo, trxInfo, response));
    }

    public Reply reply(int httpStatus, MsgInfo echo, TrxInfo trxInfo, ResponseCode code, String responseMsg,
            String appId) {
        return new Reply(httpStatus, body(echo, trxInfo, code, responseMsg), code.code(), appId);
    }
}
