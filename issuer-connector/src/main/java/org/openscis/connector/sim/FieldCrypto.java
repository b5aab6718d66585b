package org.openscis.connector.sim;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.connector.cbs.CbsProtocol;

/**
 * The JWE fields of the CBS protocol: request fields are decrypted with the simulator's keys into nested objects,
 * the response's {@code accountInfo} is encrypted to the switch's key.
 */
final class FieldCrypto {

    /** A request trxInfo with its JWE fields as nested objects, or why it could not be had. */
    record Decrypted(TrxInfo trxInfo, String problem) {}

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Map<String, PrivateKey> decryptionKeys;
    private final String switchKid;
    private final PublicKey switchKey;
    private final JweProfile profile;

    FieldCrypto(SimConfig cfg) {
        this.decryptionKeys = cfg.decryptionKeys();
        this.switchKid = cfg.switchEncryptionKid();
        this.switchKey = cfg.switchEncryptionKey();
        this.profile = cfg.responseJweProfile();
    }

    Decrypted decrypt(TrxInfo trx) {
        TrxInfo.Builder plain = trx.toBuilder();
        for (String name : CbsProtocol.JWE_REQUEST_FIELDS) {
            Object value = trx.get(name);
            if (value == null) {
                continue;
            }
            if (!(value instanceof String compact)) {
                return new Decrypted(null, name + " is not a compact JWE");
            }
            JweResult result = JweCodec.decrypt(compact, this::keyFor);
            if (!(result instanceof JweResult.Ok ok)) {
                return new Decrypted(null, name + " cannot be decrypted: " + ((JweResult.Failed) result).reason());
            }
            TrxInfo object = codec.decodeObject(ok.plaintext());
            if (object == null) {
                return new Decrypted(null, name + " does not hold a JSON object");
            }
            plain.put(name, object);
        }
        return new Decrypted(plain.build(), null);
    }

    /** A JWE without a kid may use the only key there is. */
    private PrivateKey keyFor(String kid) {
        if (kid == null) {
            return decryptionKeys.size() == 1 ? decryptionKeys.values().iterator().next() : null;
        }
        return decryptionKeys.get(kid);
    }

    TrxInfo encrypt(TrxInfo trx) {
        if (switchKey == null) {
            return trx;
        }
        TrxInfo.Builder sealed = null;
        for (String name : CbsProtocol.JWE_RESPONSE_FIELDS) {
            TrxInfo object = trx.object(name);
            if (object != null) {
                sealed = sealed == null ? trx.toBuilder() : sealed;
                sealed.put(name, JweCodec.encrypt(codec.encodeObject(object), switchKey, switchKid, profile));
            }
        }
        return sealed == null ? trx : sealed.build();
    }
}
