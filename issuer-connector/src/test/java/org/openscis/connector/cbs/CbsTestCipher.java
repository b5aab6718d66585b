package org.openscis.connector.cbs;

import java.security.KeyPair;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweResult;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.connector.link.LinkTestKeys;

/** The switch's side of the CBS field encryption in tests, with the CBS's side as helpers. */
final class CbsTestCipher implements CbsFieldCipher {

    /** The issuer (CBS) decrypts request fields with this (EC: ECDH-ES+A128KW). */
    static final KeyPair ISSUER_ENCRYPTION = KeyMaterial.generateEcP256();
    static final String ISSUER_KID = "iss-enc-1";
    /** The switch decrypts response fields with this (RSA-OAEP-256). */
    static final KeyPair SWITCH_ENCRYPTION = LinkTestKeys.SWITCH_SIGNING;
    static final String SWITCH_KID = "sw-enc-1";

    @Override
    public String encryptForIssuer(byte[] plaintextJson) {
        return JweCodec.encrypt(plaintextJson, ISSUER_ENCRYPTION.getPublic(), ISSUER_KID);
    }

    @Override
    public JweResult decryptForSwitch(String compactJwe) {
        return JweCodec.decrypt(compactJwe, kid -> SWITCH_KID.equals(kid) ? SWITCH_ENCRYPTION.getPrivate() : null);
    }

    /** What the CBS does with a request field. */
    static JweResult decryptAsIssuer(String compactJwe) {
        return JweCodec.decrypt(compactJwe, kid -> ISSUER_KID.equals(kid) ? ISSUER_ENCRYPTION.getPrivate() : null);
    }

    /** What the CBS does with a response field. */
    static String encryptForSwitch(byte[] plaintextJson) {
        return JweCodec.encrypt(plaintextJson, SWITCH_ENCRYPTION.getPublic(), SWITCH_KID);
    }
}
