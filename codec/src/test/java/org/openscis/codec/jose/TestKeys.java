package org.openscis.codec.jose;

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

/** Test keys, made once per test JVM; RSA keys come from files because generating them takes seconds. */
final class TestKeys {

    static final KeyPair RSA = rsaPair("rsa-pkcs1.pem");
    static final KeyPair RSA_OTHER = rsaPair("rsa-other-pkcs8.pem");
    static final KeyPair EC = KeyMaterial.generateEcP256();
    static final KeyPair EC_OTHER = KeyMaterial.generateEcP256();

    private TestKeys() {}

    /** 1024 bits: readable, but below the protocol minimum. */
    static KeyPair weakRsa() {
        return rsaPair("rsa-1024-pkcs8.pem");
    }

    /** An RSA key pair from a committed private key file; the public half is derived from the CRT parameters. */
    static KeyPair rsaPair(String resource) {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyMaterial.readPrivateKey(resource(resource));
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A committed test file (throw-away keys, see the README next to them). */
    static String resource(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
