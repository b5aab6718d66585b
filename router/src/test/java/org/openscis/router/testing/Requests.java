package org.openscis.router.testing;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Request;
import org.openscis.router.port.Participant;

/** Builds requests as they leave the security gate. */
public final class Requests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Requests() {}

    /** A request of {@code type} from {@code from}; {@code trxInfo} may be null (absent). */
    public static Request of(MessageType type, Participant from, TrxInfo trxInfo, Instant receivedAt) {
        String msgId = "A" + from.insId() + "20250615100000" + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
        MsgInfo msgInfo = new MsgInfo("1.0.0", msgId, "20250615100000", type.name(), from.insId());
        return new Request(type, Envelope.request(msgInfo, trxInfo), from, receivedAt);
    }

    /** Alternating name/value pairs as a {@link TrxInfo}. */
    public static TrxInfo trx(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up");
        }
        TrxInfo.Builder b = TrxInfo.builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }
}
