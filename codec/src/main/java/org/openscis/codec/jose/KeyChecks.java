package org.openscis.codec.jose;

import com.nimbusds.jose.jwk.Curve;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;

/** Key type and strength rules shared by signing, verifying, encryption and configuration (decisions.md §3). */
final class KeyChecks {

    /** protocol.md §4.1: the sample keys are 2048-bit; nothing weaker is accepted. */
    static final int MIN_RSA_BITS = 2048;

    private KeyChecks() {}

    static boolean isRsa(Key key) {
        return key instanceof RSAKey || (key != null && "RSA".equals(key.getAlgorithm()));
    }

    /** RSA of at least {@link #MIN_RSA_BITS}; an opaque RSA key (e.g. in an HSM) cannot be measured and passes. */
    static boolean isStrongRsa(Key key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus() != null && rsa.getModulus().bitLength() >= MIN_RSA_BITS;
        }
        return isRsa(key);
    }

    static boolean isP256(Key key) {
        return key instanceof ECKey ec && isP256(ec.getParams());
    }

    static boolean isP256(ECParameterSpec params) {
        try {
            return params != null && Curve.P_256.equals(Curve.forECParameterSpec(params));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
