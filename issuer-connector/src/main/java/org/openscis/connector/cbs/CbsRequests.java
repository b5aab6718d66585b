package org.openscis.connector.cbs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;

/**
 * Builds the body of a CBS request: msgInfo (version 1.0.0, the cbsMsgId, UTC {@code yyyyMMddHHmmss}, the type, the
 * issuer IIN as insID) and trxInfo with each JWE request field that is a nested object replaced, in place, by the
 * compact JWE of its JSON. Fields already given as strings are taken as already encrypted.
 */
final class CbsRequests {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final String issuerIin;
    private final CbsFieldCipher cipher;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    CbsRequests(String issuerIin, CbsFieldCipher cipher) {
        this.issuerIin = issuerIin;
        this.cipher = cipher;
    }

    /** Throws whatever the cipher throws (an unusable issuer key). */
    byte[] body(String msgType, String cbsMsgId, TrxInfo plain, Instant now) {
        MsgInfo msgInfo = new MsgInfo(CbsProtocol.VERSION, cbsMsgId, TIMESTAMP.format(now), msgType, issuerIin);
        return codec.encode(Envelope.request(msgInfo, encryptFields(plain == null ? TrxInfo.EMPTY : plain)));
    }

    TrxInfo encryptFields(TrxInfo plain) {
        TrxInfo.Builder wire = TrxInfo.builder();
        for (String name : plain.names()) {
            Object value = plain.get(name);
            if (value instanceof TrxInfo nested && CbsProtocol.JWE_REQUEST_FIELDS.contains(name)) {
                wire.put(name, cipher.encryptForIssuer(codec.encodeObject(nested)));
            } else if (value == null) {
                wire.putNull(name);
            } else {
                wire.put(name, value);
            }
        }
        return wire.build();
    }
}
