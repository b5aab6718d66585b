package org.openscis.router;

import java.time.Instant;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.Participant;

/**
 * A request that passed the security gate: its type, the decoded envelope, the authenticated sender and when the
 * switch received it (from the injected clock).
 */
public record Request(MessageType type, Envelope envelope, Participant participant, Instant receivedAt) {

    public MsgInfo msgInfo() {
        return envelope.msgInfo();
    }

    public TrxInfo trxInfo() {
        return envelope.trxInfoOrEmpty();
    }
}
