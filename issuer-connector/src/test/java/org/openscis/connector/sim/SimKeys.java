package org.openscis.connector.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Map;
import java.util.Optional;
import org.openscis.codec.jose.KeyMaterial;

/**
 * Test keys, made once per JVM: the switch's and the simulator's RSA signing keys come from the codec's committed
 * throw-away test keys (generating RSA keys is slow); the simulator's encryption key is a fresh EC P-256 key.
 */
final class SimKeys {

    static final String IIN = "39990029";
    static final KeyPair SWITCH_SIGNING = rsaPair("/org/openscis/codec/jose/rsa-pkcs1.pem");
    static final String SWITCH_SIGNING_KID = "switch-sign-1";
    /** The switch's encryption key for response fields; the same RSA pair as its signing key (tests only). */
    static final KeyPair SWITCH_ENCRYPTION = SWITCH_SIGNING;
    static final String SWITCH_ENCRYPTION_KID = "switch-enc-1";
    static final KeyPair CBS_SIGNING = rsaPair("/org/openscis/codec/jose/rsa-other-pkcs8.pem");
    static final String CBS_SIGNING_KID = "cbs-sign-1";
    /** EC P-256: quick to generate, and a key of its own, so no test passes by decrypting with a signing key. */
    static final KeyPair CBS_ENCRYPTION = KeyMaterial.generateEcP256();
    static final String CBS_ENCRYPTION_KID = "cbs-enc-1";

    private SimKeys() {}

    /** The simulator configuration tests start from: loopback, free port, fresh in-memory database, no faults. */
    static SimConfig config() {
        return new SimConfig("127.0.0.1", 0, IIN, "RS256", CBS_SIGNING_KID, CBS_SIGNING.getPrivate(),
                Map.of(CBS_ENCRYPTION_KID, CBS_ENCRYPTION.getPrivate()),
                (appId, kid) -> IIN.equals(appId) && SWITCH_SIGNING_KID.equals(kid)
                        ? Optional.of(SWITCH_SIGNING.getPublic()) : Optional.empty(),
                SWITCH_ENCRYPTION_KID, SWITCH_ENCRYPTION.getPublic(), null, SimConfig.inMemoryJdbcUrl(), null, null,
                42L, 0);
    }

    private static KeyPair rsaPair(String resource) {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyMaterial.readPrivateKey(read(resource));
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = SimKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
