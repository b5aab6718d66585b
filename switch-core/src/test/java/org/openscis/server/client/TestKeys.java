package org.openscis.server.client;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/**
 * RSA key pairs for the client and the fake switch, generated once per test JVM with the JDK (the codec's key
 * generator is not needed for this).
 */
final class TestKeys {

    static final String INS_ID = "39990157";
    static final String CLIENT_SIGNING_KID = "1562032885960";
    static final String CLIENT_ENCRYPTION_KID = "1562032885962";
    static final String SWITCH_SIGNING_KID = "1560936206326";
    static final String SWITCH_ENCRYPTION_KID = "1560935656467";

    static final KeyPair CLIENT_SIGNING = rsa();
    static final KeyPair CLIENT_ENCRYPTION = rsa();
    static final KeyPair SWITCH_SIGNING = rsa();
    static final KeyPair SWITCH_ENCRYPTION = rsa();
    static final KeyPair STRANGER = rsa();

    private TestKeys() {}

    /** The App Gateway's view. */
    static ClientIdentity client() {
        return new ClientIdentity(INS_ID, CLIENT_SIGNING_KID, CLIENT_SIGNING.getPrivate(), CLIENT_ENCRYPTION_KID,
                CLIENT_ENCRYPTION.getPrivate(), SWITCH_SIGNING_KID, SWITCH_SIGNING.getPublic(), SWITCH_ENCRYPTION_KID,
                SWITCH_ENCRYPTION.getPublic());
    }

    /**
     * The switch's view, for sending callbacks with an {@link AppGatewayClient}: it signs with the switch key and
     * UPI-APPID = the App Gateway's insID, and checks the App Gateway's signature on the acknowledgement.
     */
    static ClientIdentity switchSide() {
        return new ClientIdentity(INS_ID, SWITCH_SIGNING_KID, SWITCH_SIGNING.getPrivate(), SWITCH_ENCRYPTION_KID,
                SWITCH_ENCRYPTION.getPrivate(), CLIENT_SIGNING_KID, CLIENT_SIGNING.getPublic(), CLIENT_ENCRYPTION_KID,
                CLIENT_ENCRYPTION.getPublic());
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
