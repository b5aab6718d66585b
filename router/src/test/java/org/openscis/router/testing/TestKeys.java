package org.openscis.router.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Key pairs made with the JDK (independent of the project's own key code), generated once per JVM and name because
 * RSA generation is slow.
 */
public final class TestKeys {

    private static final Map<String, KeyPair> CACHE = new ConcurrentHashMap<>();

    private TestKeys() {}

    /** An RSA pair of {@code bits}, the same object for the same {@code name}. */
    public static KeyPair rsa(String name, int bits) {
        return CACHE.computeIfAbsent("rsa-" + bits + "-" + name, k -> generate("RSA", bits));
    }

    public static KeyPair ecP256(String name) {
        return CACHE.computeIfAbsent("ec-" + name, k -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                return g.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static KeyPair generate(String alg, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
