package org.openscis.connector.link;

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
import org.openscis.codec.jose.KeyMaterial;

/**
 * Throw-away keys for link tests: the RSA pairs are the codec test-jar's committed files (JDK RSA generation takes
 * seconds), the EC pairs are generated.
 */
public final class LinkTestKeys {

    /** The switch signs requests with this (RS256). */
    public static final KeyPair SWITCH_SIGNING = rsaPair("rsa-pkcs1.pem");
    public static final String SWITCH_KID = "1001";
    /** The peer (CBS) signs answers with this (RS256). */
    public static final KeyPair PEER_SIGNING = rsaPair("rsa-other-pkcs8.pem");
    public static final String PEER_KID = "2002";
    /** A key nobody trusts. */
    public static final KeyPair STRANGER = KeyMaterial.generateEcP256();

    private LinkTestKeys() {}

    public static LinkSigner switchSigner() {
        return new LinkSigner("RS256", SWITCH_KID, SWITCH_SIGNING.getPrivate());
    }

    static KeyPair rsaPair(String file) {
        String pem;
        try (InputStream in = LinkTestKeys.class.getResourceAsStream("/org/openscis/codec/jose/" + file)) {
            if (in == null) {
                throw new IllegalStateException("codec test-jar resource missing: " + file);
            }
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyMaterial.readPrivateKey(pem);
        try {
            PublicKey pub = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new KeyPair(pub, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
