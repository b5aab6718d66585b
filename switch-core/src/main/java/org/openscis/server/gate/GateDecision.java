package org.openscis.server.gate;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.Participant;

/** The gate's verdict on one message. */
public sealed interface GateDecision {

    /** Passed every check: the handler may run. */
    record Admitted(MessageType type, Envelope envelope, Participant participant) implements GateDecision {}

    /**
     * Refused with a response code. {@code reason} is a short metric tag (e.g. {@code bad_signature});
     * {@code detail} the client-facing {@code responseMsg}; {@code echo} the msgInfo to echo if one was readable;
     * {@code appId} the requester id for the response signature.
     */
    record Rejected(ResponseCode code, String reason, String detail, MsgInfo echo, String appId)
            implements GateDecision {}

    /** No envelope could be read: HTTP 400 with a bare {@code msgResponse} 30. */
    record Unreadable(String detail, String appId) implements GateDecision {}
}
