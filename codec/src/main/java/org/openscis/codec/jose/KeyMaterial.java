package org.openscis.codec.jose;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/** Reading and writing keys: PEM (PKCS#8, SPKI, X.509 certificate) and JWK; key generation for development keys. */
public final class KeyMaterial {

    private KeyMaterial() {}

    /** A PKCS#8 PEM or a private JWK (RSA or EC P-256). Throws IllegalArgumentException naming what is wrong. */
    public static PrivateKey readPrivateKey(String text) {
        throw new IllegalStateException("pending");
    }

    /** An SPKI PEM, an X.509 certificate PEM, or a public JWK. Throws IllegalArgumentException naming what is wrong. */
    public static PublicKey readPublicKey(String text) {
        throw new IllegalStateException("pending");
    }

    /** Base64 of DER SubjectPublicKeyInfo, as KEY_EXCHANGE carries keys (protocol.md §3.24). */
    public static PublicKey readBase64Der(String base64) {
        throw new IllegalStateException("pending");
    }

    /** The certificate serial number in decimal, if {@code text} is an X.509 certificate PEM (a kid convention). */
    public static Optional<String> certificateSerial(String text) {
        throw new IllegalStateException("pending");
    }

    public static String toPem(PrivateKey key) {
        throw new IllegalStateException("pending");
    }

    public static String toPem(PublicKey key) {
        throw new IllegalStateException("pending");
    }

    public static KeyPair generateRsa(int bits) {
        throw new IllegalStateException("pending");
    }

    public static KeyPair generateEcP256() {
        throw new IllegalStateException("pending");
    }

    /** RSA keys must be at least 2048 bits; EC keys must be P-256. */
    public static boolean strongEnough(PublicKey key) {
        throw new IllegalStateException("pending");
    }
}
