package org.openscis.router;

import java.time.Instant;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.port.Participant;

/**
 * A request that passed the security gate: its type, the decoded envelope, the authenticated sender, when the
 * switch received it (from the injected clock), and the race between its handler's answer and a pending answer at
 * its deadline ({@link AnswerRace}).
 */
public record Request(MessageType type, Envelope envelope, Participant participant, Instant receivedAt,
        AnswerRace answers) {

    /** A request whose deadline nobody watches: its handler's claims always succeed. */
    public Request(MessageType type, Envelope envelope, Participant participant, Instant receivedAt) {
        this(type, envelope, participant, receivedAt, new AnswerRace());
    }

    public MsgInfo msgInfo() {
        return envelope.msgInfo();
    }

    public TrxInfo trxInfo() {
        return envelope.trxInfoOrEmpty();
    }
}
