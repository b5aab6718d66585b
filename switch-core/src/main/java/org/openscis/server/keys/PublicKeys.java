package org.openscis.server.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * The public half of a private key, so a client profile can carry the switch's public keys when only the switch's
 * private key files exist (PKCS#8 keys do not have to include the public key).
 */
final class PublicKeys {

    private PublicKeys() {}

    /** IllegalArgumentException for keys that are neither RSA (CRT form) nor EC P-256. */
    static PublicKey of(PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (key instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
                X9ECParameters p256 = ECNamedCurveTable.getByName("P-256");
                org.bouncycastle.math.ec.ECPoint q = p256.getG().multiply(ec.getS()).normalize();
                BigInteger x = q.getAffineXCoord().toBigInteger();
                BigInteger y = q.getAffineYCoord().toBigInteger();
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y),
                        ec.getParams()));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("cannot derive the public key of a " + key.getAlgorithm()
                + " key; RSA and EC P-256 keys are supported");
    }
}
