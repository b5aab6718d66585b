package org.openscis.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import org.openscis.codec.jose.KeyMaterial;

/**
 * RSA key pairs from the committed throw-away test keys of the codec test-jar (generating RSA keys takes seconds on
 * a loaded machine). These keys protect nothing.
 */
public final class TestKeyPairs {

    public static final KeyPair RSA_A = load("rsa-pkcs1.pem");
    public static final KeyPair RSA_B = load("rsa-other-pkcs8.pem");

    private TestKeyPairs() {}

    private static KeyPair load(String name) {
        try (InputStream in = TestKeyPairs.class.getResourceAsStream("/org/openscis/codec/jose/" + name)) {
            PrivateKey key = KeyMaterial.readPrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            return new KeyPair(KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
