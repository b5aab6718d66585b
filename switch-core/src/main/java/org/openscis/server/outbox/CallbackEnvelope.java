package org.openscis.server.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;

/**
 * The body of a callback: {@code {"msgInfo":{versionNo, msgID, timeStamp, msgType, insID = recipient},
 * "trxInfo":{...}}}. The timeStamp is the time of this attempt; the msgID is the row's, the same on every attempt, so
 * the recipient can deduplicate.
 */
final class CallbackEnvelope {

    static final String VERSION_NO = "1.0.0";
    /** msgInfo.timeStamp and the time part of callback msgIDs (decisions.md §9): UTC. */
    static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final EnvelopeCodec codec;

    CallbackEnvelope(EnvelopeCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** The body for an attempt at {@code sendTime}; {@code callback} must be {@link ClaimedCallback#readable()}. */
    byte[] body(ClaimedCallback callback, Instant sendTime) {
        MsgInfo msgInfo = new MsgInfo(VERSION_NO, callback.msgId(), WIRE_TIME.format(sendTime), callback.msgType(),
                callback.recipientInsId());
        return codec.encode(Envelope.request(msgInfo, Objects.requireNonNull(callback.trxInfo(), "trxInfo")));
    }
}
