package org.openscis.connector.cbs;

import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweResult;
import org.openscis.connector.link.LinkResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link LinkResult} as a {@link CbsResult}. An answer counts only if it echoes the call's msgID (a signed
 * answer can be replayed; one for another msgID says nothing about this call) and carries a responseCode; its JWE
 * response fields are decrypted into nested objects. Anything unusable is a NoAnswer: the outcome stays unknown.
 * Details never contain field values.
 */
final class CbsAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(CbsAnswers.class);

    private final CbsFieldCipher cipher;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    CbsAnswers(CbsFieldCipher cipher) {
        this.cipher = cipher;
    }

    CbsResult read(LinkResult result, String cbsMsgId) {
        try {
            if (result instanceof LinkResult.Answered answered) {
                return answered(answered.envelope(), cbsMsgId);
            }
            if (result instanceof LinkResult.NotSent notSent) {
                return new CbsResult.NotSent(notSent.reason(), notSent.detail());
            }
            LinkResult.NoAnswer noAnswer = (LinkResult.NoAnswer) result;
            return new CbsResult.NoAnswer(noAnswer.reason() + ": " + noAnswer.detail());
        } catch (RuntimeException e) {
            return new CbsResult.NoAnswer("answer could not be read: " + e.getClass().getSimpleName());
        }
    }

    private CbsResult answered(Envelope envelope, String cbsMsgId) {
        if (envelope.msgInfo() == null || !cbsMsgId.equals(envelope.msgInfo().msgID())) {
            return new CbsResult.NoAnswer("the answer is for another msgID");
        }
        MsgResponse response = envelope.msgResponse();
        if (response == null || response.responseCode() == null) {
            return new CbsResult.NoAnswer("the answer has no responseCode");
        }
        TrxInfo wire = envelope.trxInfoOrEmpty();
        TrxInfo.Builder plain = TrxInfo.builder();
        for (String name : wire.names()) {
            Object value = wire.get(name);
            if (value instanceof String jwe && CbsProtocol.JWE_RESPONSE_FIELDS.contains(name)) {
                TrxInfo decrypted = decrypt(jwe);
                if (decrypted == null) {
                    return new CbsResult.NoAnswer("the answer's " + name + " could not be decrypted");
                }
                plain.put(name, decrypted);
            } else {
                if (value instanceof TrxInfo && CbsProtocol.JWE_RESPONSE_FIELDS.contains(name)) {
                    LOG.warn("CBS answer {} carries {} in clear instead of as JWE", cbsMsgId, name);
                }
                if (value == null) {
                    plain.putNull(name);
                } else {
                    plain.put(name, value);
                }
            }
        }
        return new CbsResult.Answered(response.responseCode(), response.responseMsg(), plain.build());
    }

    /** The decrypted JSON object, or null if it cannot be decrypted or is not one object. */
    private TrxInfo decrypt(String jwe) {
        JweResult result = cipher.decryptForSwitch(jwe);
        if (result instanceof JweResult.Ok ok) {
            return codec.decodeObject(ok.plaintext());
        }
        return null;
    }
}
