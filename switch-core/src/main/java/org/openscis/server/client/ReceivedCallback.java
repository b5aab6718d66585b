package org.openscis.server.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.TrxInfo;

/**
 * One callback delivery as the {@link CallbackReceiver} got it: the path, headers, raw body, decoded envelope (null
 * when unreadable), the UPI-JWS check (four-name form) and whether its msgID had been delivered before (the switch
 * delivers at least once, decisions.md §8).
 */
public record ReceivedCallback(String path, Map<String, String> headers, byte[] body, Envelope envelope,
        SignatureCheck signature, boolean duplicate, Instant receivedAt) {

    public String msgType() {
        return envelope == null || envelope.msgInfo() == null ? null : envelope.msgInfo().msgType();
    }

    public String msgID() {
        return envelope == null || envelope.msgInfo() == null ? null : envelope.msgInfo().msgID();
    }

    public TrxInfo trxInfo() {
        return envelope == null ? TrxInfo.EMPTY : envelope.trxInfoOrEmpty();
    }

    public boolean signatureValid() {
        return signature.valid();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ReceivedCallback[" + msgType() + " " + msgID() + " on " + path + ", signature=" + signature.reason()
                + (duplicate ? ", duplicate" : "") + "]";
    }
}
